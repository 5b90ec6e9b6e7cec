// glibc 2.36's exp and pow as CPython calls them on the fixtures' machines
// (x86-64 with FMA: __exp_fma and __ieee754_pow_fma, sysdeps/ieee754/dbl-64/
// e_exp.c and e_pow.c compiled with -mfma -mavx2), bit for bit. Each fma()
// below is a vfmadd/vfmsub the compiler emitted (contracted from a * b + c
// where the C source has no fma); the tables are the library's __exp_data
// and __pow_log_data. V8's Math.exp and Math.pow differ from them in the last
// bit for some inputs (Math.pow(x, 2) is x * x; glibc's pow(x, 2.0) is not
// always: about one double in a thousand, and a quarter of the squares that
// fall on a rounding tie).
import { decodeDoubles, fma, fromWords, hiWord, loWord } from "./doubles.js";

// __exp_data: invln2N, negln2hiN, negln2loN, poly[4] (C2..C5), shift.
const EXP_DATA = decodeDoubles(
  "40671547652b82febf762e42fefa0000bd0cf79abc9e3b3a3fdffffffffffdbd" +
  "3fc555555555543c3fa55555cf172b913f81111167a4d0174338000000000000",
);
// __exp_data.tab: 2^(k/128) ~= H[k] * (1 + T[k]) as (asuint64(T[k]), asuint64(H[k]) - (k << 45)) pairs.
const EXP_TAB = decodeDoubles(
  "00000000000000003ff00000000000003c9b3b4f1a88bf6e3feff63da9fb3335" +
  "bc7160139cd8dc5d3fefec9a3e778061bc905e7a108766d13fefe315e86e7f85" +
  "3c8cd2523567f6133fefd9b0d3158574bc8bce8023f98efa3fefd06b29ddf6de" +
  "3c60f74e61e6c8613fefc74518759bc83c90a3e45b33d3993fefbe3ecac6f383" +
  "3c979aa65d837b6d3fefb5586cf9890f3c8eb51a92fdeffc3fefac922b7247f7" +
  "3c3ebe3d702f9cd13fefa3ec32d3d1a2bc6a033489906e0b3fef9b66affed31b" +
  "bc9556522a2fbd0e3fef9301d0125b51bc5080ef8c4eea553fef8abdc06c31cc" +
  "bc91c923b9d5f4163fef829aaea92de03c80d3e3e95c55af3fef7a98c8a58e51" +
  "bc801b15eaa593483fef72b83c7d517bbc8f1ff055de323d3fef6af9388c8dea" +
  "3c8b898c3f1353bf3fef635beb6fcb75bc96d99c7611eb263fef5be084045cd4" +
  "3c9aecf73e3a2f603fef54873168b9aabc8fe782cb86389d3fef4d5022fcd91d" +
  "3c8a6f4144a6c38d3fef463b88628cd63c807a05b0e4047d3fef3f49917ddc96" +
  "3c968efde3a8a8943fef387a6e7562383c875e18f274487d3fef31ce4fb2a63f" +
  "3c80472b981fe7f23fef2b4565e27cddbc96b87b3f71085e3fef24dfe1f56381" +
  "3c82f7e16d09ab313fef1e9df51fdee1bc3d219b1a6fbffa3fef187fd0dad990" +
  "3c8b3782720c0ab43fef1285a6e4030b3c6e149289cecb8f3fef0cafa93e2f56" +
  "3c834d754db0abb63fef06fe0a31b7153c864201e2ac744c3fef0170fc4cd831" +
  "3c8fdd395dd3f84a3feefc08b26416ffbc86a3803b8e5b043feef6c55f929ff1" +
  "bc924aedcc4b50683feef1a7373aa9cbbc9907f81b512d8e3feeecae6d05d866" +
  "bc71d1e83e9436d23feee7db34e59ff7bc991919b3ce1b153feee32dc313a8e5" +
  "3c859f48a72a4c6d3feedea64c123422bc9312607a28698a3feeda4504ac801c" +
  "bc58a78f4817895b3feed60a21f72e2abc7c2c9b67499a1b3feed1f5d950a897" +
  "3c4363ed60c2ac113feece086061892d3c9666093b0664ef3feeca41ed1d0057" +
  "3c6ecce1daa103793feec6a2b5c13cd03c93ff8e3f0f12303feec32af0d7d3de" +
  "3c7690cebb7aafb03feebfdad5362a273c931dbdeb54e0773feebcb299fddd0d" +
  "bc8f94340071a38e3feeb9b2769d2ca7bc87deccdc93a3493feeb6daa2cf6642" +
  "bc78dec6bd0f385f3feeb42b569d4f82bc861246ec7b5cf63feeb1a4ca5d920f" +
  "3c93350518fdd78e3feeaf4736b527da3c7b98b72f8a9b053feead12d497c7fd" +
  "3c9063e1e21c54093feeab07dd4854293c34c7855019c6ea3feea9268a5946b7" +
  "3c9432e62b64c0353feea76f15ad2148bc8ce44a6199769f3feea5e1b976dc09" +
  "bc8c33c53bef4da83feea47eb03a5585bc845378892be9ae3feea34634ccc320" +
  "bc93cedd785658583feea238825522253c5710aa807e19643feea155d44ca973" +
  "bc93b3efbf5e22283feea09e667f3bcdbc6a12ad8734b9823feea012750bdabf" +
  "bc6367efb86da9ee3fee9fb23c651a2fbc80dc3d54e088513fee9f7df9519484" +
  "bc781f647e5a3ecf3fee9f75e8ec5f74bc86ee4ac08b7db03fee9f9a48a58174" +
  "bc8619321e55e68a3fee9feb564267c93c909ccb5e09d4d33feea0694fde5d3f" +
  "bc7b32dcb94da51d3feea11473eb01873c94ecfd5467c06b3feea1ed0130c132" +
  "3c65ebe1abd66c553feea2f336cf4e62bc88a1c52fb3cf423feea427543e1a12" +
  "bc9369b6f13b37343feea589994cce13bc805e843a19ff1e3feea71a4623c7ad" +
  "bc94d450d872576e3feea8d99b4492ed3c90ad675b0e8a003feeaac7d98a6699" +
  "3c8db72fc1f0eab43feeace5422aa0dbbc65b6609cc5e7ff3feeaf3216b5448c" +
  "3c7bf68359f35f443feeb1ae99157736bc93091fa71e3d833feeb45b0b91ffc6" +
  "bc5da9b88b6c1e293feeb737b0cdc5e5bc6c23f97c90b9593feeba44cbc8520f" +
  "bc92434322f4f9aa3feebd829fde4e50bc85ca6cd7668e4b3feec0f170ca07ba" +
  "3c71affc2b91ce273feec49182a3f0903c6dd235e10a73bb3feec86319e32323" +
  "bc87c504226222633feecc667b5de5653c8b1c86e3e231d53feed09bec4a2d33" +
  "bc91bbd1d3bcbb153feed503b23e255d3c90cc319cee31d23feed99e1330b358" +
  "3c8469846e735ab33feede6b5579fdbfbc82dfcd978e9db43feee36bbfd3f37a" +
  "3c8c1a7792cb33873feee89f995ad3adbc907b8f4ad1d9fa3feeee07298db666" +
  "bc55c3d956dcaeba3feef3a2b84f15fbbc90a40e3da6f6403feef9728de5593a" +
  "bc68d6f438ad93343feeff76f2fb5e47bc91eee26b588a353fef05b030a1064a" +
  "3c74ffd70a5fddcd3fef0c1e904bc1d2bc91bdfbfa9298ac3fef12c25bd71e09" +
  "3c736eae30af0cb33fef199bdd85529c3c8ee3325c9ffd943fef20ab5fffd07a" +
  "3c84e08fd10959ac3fef27f12e57d14b3c63cdaf384e1a673fef2f6d9406e7b5" +
  "3c676b2c6c9219683fef3720dcef9069bc808a1883ccb5d23fef3f0b555dc3fa" +
  "bc8fad5d3ffffa6f3fef472d4a07897cbc900dae3875a9493fef4f87080d89f2" +
  "3c74a385a63d07a73fef5818dcfba487bc82919e2040220f3fef60e316c98398" +
  "3c8e5a50d5c192ac3fef69e603db32853c843a59ac016b4b3fef7321f301b460" +
  "bc82d52107b43e1f3fef7c97337b9b5fbc892ab93b470dc93fef864614f5a129" +
  "3c74b604603a88d33fef902ee78b3ff63c83c5ec519d72713fef9a51fbc74c83" +
  "bc8ff7128fd391f03fefa4afa2a490dabc8dae98e223747d3fefaf482d8e67f1" +
  "3c8ec3bc41aa20083fefba1bee615a273c842b94c3a9eb323fefc52b376bba97" +
  "3c8a64a931d185ee3fefd0765b6e4540bc8e37bae43be3ed3fefdbfdad9cbe14" +
  "3c77893b4d91cd9d3fefe7c1819e90d83c5305c14160cc893feff3c22b8f71f1",
);
// __pow_log_data: ln2hi, ln2lo, poly[7] (A[0..6]), then tab[128] of {invc, pad, logc, logctail}.
const POW_LOG = decodeDoubles(
  "3fe62e42fefa38003d2ef35793c76730bfe0000000000000bfe5555555555560" +
  "3fe00000000000063fe999999959554ebfe555555529a47abff2495b9b4845e9" +
  "3ff0002b8b263fc33ff6a000000000000000000000000000bfd62c82f2b9c800" +
  "3cfab424283756803ff68000000000000000000000000000bfd5d1bdbf580800" +
  "bd1ca508d8e0f7203ff66000000000000000000000000000bfd5767717455800" +
  "bd2362a4d5b6506d3ff64000000000000000000000000000bfd51aad872df800" +
  "bce684e49eb067d53ff62000000000000000000000000000bfd4be5f95777800" +
  "bd041b6993293ee03ff60000000000000000000000000000bfd4618bc21c6000" +
  "3d13d82f484c84cc3ff5e000000000000000000000000000bfd404308686a800" +
  "3cdc42f3ed820b3a3ff5c000000000000000000000000000bfd3a64c55694800" +
  "3d20b1c6865194603ff5a000000000000000000000000000bfd347dd9a988000" +
  "3d25594dd4c580923ff58000000000000000000000000000bfd2e8e2bae12000" +
  "3d267b1e99b72bd83ff56000000000000000000000000000bfd2895a13de8800" +
  "3d15ca14b6cfb03f3ff56000000000000000000000000000bfd2895a13de8800" +
  "3d15ca14b6cfb03f3ff54000000000000000000000000000bfd22941fbcf7800" +
  "bd165a242853da763ff52000000000000000000000000000bfd1c898c1699800" +
  "bd1fafbc68e754043ff50000000000000000000000000000bfd1675cababa800" +
  "3d1f1fc63382a8f03ff4e000000000000000000000000000bfd1058bf9ae4800" +
  "bd26a8c4fd055a663ff4c000000000000000000000000000bfd0a324e2739000" +
  "bd0c6bee7ef4030e3ff4a000000000000000000000000000bfd0402594b4d000" +
  "bcf036b89ef42d7f3ff4a000000000000000000000000000bfd0402594b4d000" +
  "bcf036b89ef42d7f3ff48000000000000000000000000000bfcfb9186d5e4000" +
  "3d0d572aab993c873ff46000000000000000000000000000bfcef0adcbdc6000" +
  "3d2b26b79c86af243ff44000000000000000000000000000bfce27076e2af000" +
  "bd172f4f543fff103ff42000000000000000000000000000bfcd5c216b4fc000" +
  "3d21ba91bbca681b3ff40000000000000000000000000000bfcc8ff7c79aa000" +
  "3d27794f689f84343ff40000000000000000000000000000bfcc8ff7c79aa000" +
  "3d27794f689f84343ff3e000000000000000000000000000bfcbc286742d9000" +
  "3d194eb0318bb78f3ff3c000000000000000000000000000bfcaf3c94e80c000" +
  "3cba4e633fcd90663ff3a000000000000000000000000000bfca23bc1fe2b000" +
  "bd258c64dc46c1ea3ff3a000000000000000000000000000bfca23bc1fe2b000" +
  "bd258c64dc46c1ea3ff38000000000000000000000000000bfc9525a9cf45000" +
  "bd2ad1d904c1d4e33ff36000000000000000000000000000bfc87fa06520d000" +
  "3d2bbdbf7fdbfa093ff34000000000000000000000000000bfc7ab890210e000" +
  "3d2bdb9072534a583ff34000000000000000000000000000bfc7ab890210e000" +
  "3d2bdb9072534a583ff32000000000000000000000000000bfc6d60fe719d000" +
  "bd10e46aa3b2e2663ff30000000000000000000000000000bfc5ff3070a79000" +
  "bd1e9e439f1050393ff30000000000000000000000000000bfc5ff3070a79000" +
  "bd1e9e439f1050393ff2e000000000000000000000000000bfc526e5e3a1b000" +
  "bd20de8b90075b8f3ff2c000000000000000000000000000bfc44d2b6ccb8000" +
  "3d170cc16135783c3ff2c000000000000000000000000000bfc44d2b6ccb8000" +
  "3d170cc16135783c3ff2a000000000000000000000000000bfc371fc201e9000" +
  "3cf178864d27543a3ff28000000000000000000000000000bfc29552f81ff000" +
  "bd248d301771c4083ff26000000000000000000000000000bfc1b72ad52f6000" +
  "bd2e80a41811a3963ff26000000000000000000000000000bfc1b72ad52f6000" +
  "bd2e80a41811a3963ff24000000000000000000000000000bfc0d77e7cd09000" +
  "3d0a699688e85bf43ff24000000000000000000000000000bfc0d77e7cd09000" +
  "3d0a699688e85bf43ff22000000000000000000000000000bfbfec9131dbe000" +
  "bd2575545ca333f23ff20000000000000000000000000000bfbe27076e2b0000" +
  "3d2a342c2af0003c3ff20000000000000000000000000000bfbe27076e2b0000" +
  "3d2a342c2af0003c3ff1e000000000000000000000000000bfbc5e548f5bc000" +
  "bd1d0c57585fbe063ff1c000000000000000000000000000bfba926d3a4ae000" +
  "3d253935e85baac83ff1c000000000000000000000000000bfba926d3a4ae000" +
  "3d253935e85baac83ff1a000000000000000000000000000bfb8c345d631a000" +
  "3d137c294d2f56683ff1a000000000000000000000000000bfb8c345d631a000" +
  "3d137c294d2f56683ff18000000000000000000000000000bfb6f0d28ae56000" +
  "bd269737c93373da3ff16000000000000000000000000000bfb51b073f062000" +
  "3d1f025b61c65e573ff16000000000000000000000000000bfb51b073f062000" +
  "3d1f025b61c65e573ff14000000000000000000000000000bfb341d7961be000" +
  "3d2c5edaccf913df3ff14000000000000000000000000000bfb341d7961be000" +
  "3d2c5edaccf913df3ff12000000000000000000000000000bfb16536eea38000" +
  "3d147c5e768fa3093ff10000000000000000000000000000bfaf0a30c0118000" +
  "3d2d599e83368e913ff10000000000000000000000000000bfaf0a30c0118000" +
  "3d2d599e83368e913ff0e000000000000000000000000000bfab42dd71198000" +
  "3d1c827ae5d6704c3ff0e000000000000000000000000000bfab42dd71198000" +
  "3d1c827ae5d6704c3ff0c000000000000000000000000000bfa77458f632c000" +
  "bd2cfc4634f2a1ee3ff0c000000000000000000000000000bfa77458f632c000" +
  "bd2cfc4634f2a1ee3ff0a000000000000000000000000000bfa39e87b9fec000" +
  "3cf502b7f526feaa3ff0a000000000000000000000000000bfa39e87b9fec000" +
  "3cf502b7f526feaa3ff08000000000000000000000000000bf9f829b0e780000" +
  "bd2980267c7e09e43ff08000000000000000000000000000bf9f829b0e780000" +
  "bd2980267c7e09e43ff06000000000000000000000000000bf97b91b07d58000" +
  "bd288d5493faa6393ff04000000000000000000000000000bf8fc0a8b0fc0000" +
  "bcdf1e7cf6d3a69c3ff04000000000000000000000000000bf8fc0a8b0fc0000" +
  "bcdf1e7cf6d3a69c3ff02000000000000000000000000000bf7fe02a6b100000" +
  "bd19e23f0dda40e43ff02000000000000000000000000000bf7fe02a6b100000" +
  "bd19e23f0dda40e43ff000000000000000000000000000000000000000000000" +
  "00000000000000003ff000000000000000000000000000000000000000000000" +
  "00000000000000003fefc0000000000000000000000000003f80101575890000" +
  "bd10c76b999d2be83fef80000000000000000000000000003f90205658938000" +
  "bd23dc5b06e2f7d23fef40000000000000000000000000003f98492528c90000" +
  "bd2aa0ba325a0c343fef00000000000000000000000000003fa0415d89e74000" +
  "3d0111c05cf1d7533feec0000000000000000000000000003fa466aed42e0000" +
  "bd2c167375bdfd283fee80000000000000000000000000003fa894aa149fc000" +
  "bd197995d05a267d3fee40000000000000000000000000003faccb73cdddc000" +
  "bd1a68f247d828073fee20000000000000000000000000003faeea31c006c000" +
  "bd0e113e4fc93b7b3fede0000000000000000000000000003fb1973bd1466000" +
  "bd25325d560d9e9b3feda0000000000000000000000000003fb3bdf5a7d1e000" +
  "3d2cc85ea5db4ed73fed60000000000000000000000000003fb5e95a4d97a000" +
  "bd2c69063c5d1d1e3fed40000000000000000000000000003fb700d30aeac000" +
  "3cec1e8da99ded323fed00000000000000000000000000003fb9335e5d594000" +
  "3d23115c3abd47da3fecc0000000000000000000000000003fbb6ac88dad6000" +
  "bd1390802bf768e53feca0000000000000000000000000003fbc885801bc4000" +
  "3d2646d1c65aacd33fec60000000000000000000000000003fbec739830a2000" +
  "bd2dc068afe645e03fec40000000000000000000000000003fbfe89139dbe000" +
  "bd2534d64fa10afd3fec00000000000000000000000000003fc1178e8227e000" +
  "3d21ef78ce2d07f23febe0000000000000000000000000003fc1aa2b7e23f000" +
  "3d2ca78e443899343feba0000000000000000000000000003fc2d1610c868000" +
  "3d039d6ccb81b4a13feb80000000000000000000000000003fc365fcb0159000" +
  "3cc62fa8234b72893feb40000000000000000000000000003fc4913d8333b000" +
  "3d25837954fdb6783feb20000000000000000000000000003fc527e5e4a1b000" +
  "3d2633e8e5697dc73feae0000000000000000000000000003fc6574ebe8c1000" +
  "3d19cf8b2c3c2e783feac0000000000000000000000000003fc6f0128b757000" +
  "bd25118de59c21e13feaa0000000000000000000000000003fc7898d85445000" +
  "bd1c6610709143053fea60000000000000000000000000003fc8beafeb390000" +
  "bd073d54aae92cd13fea40000000000000000000000000003fc95a5adcf70000" +
  "3d07f22858a0ff6f3fea00000000000000000000000000003fca93ed3c8ae000" +
  "bd287243505621693fe9e0000000000000000000000000003fcb31d8575bd000" +
  "bd0c358d4eace1aa3fe9c0000000000000000000000000003fcbd087383be000" +
  "bd2d4bc4595412b63fe9a0000000000000000000000000003fcc6ffbc6f01000" +
  "bcf1ec72c5962bd23fe960000000000000000000000000003fcdb13db0d49000" +
  "bd2aff2af715b0353fe940000000000000000000000000003fce530effe71000" +
  "3cc212276041f4303fe920000000000000000000000000003fcef5ade4dd0000" +
  "bcca211565bb8e113fe900000000000000000000000000003fcf991c6cb3b000" +
  "3d1bcbecca0cdf303fe8c0000000000000000000000000003fd07138604d5800" +
  "3cf89cdb16ed4e913fe8a0000000000000000000000000003fd0c42d67616000" +
  "3d27188b163ceae93fe880000000000000000000000000003fd1178e8227e800" +
  "bd2c210e63a5f01c3fe860000000000000000000000000003fd16b5ccbacf800" +
  "3d2b9acdf7a516813fe840000000000000000000000000003fd1bf99635a6800" +
  "3d2ca6ed5147bdb73fe820000000000000000000000000003fd214456d0eb800" +
  "3d0a87deba46baea3fe7e0000000000000000000000000003fd2bef07cdc9000" +
  "3d2a9cfa4a5004f43fe7c0000000000000000000000000003fd314f1e1d36000" +
  "bd28e27ad3213cb83fe7a0000000000000000000000000003fd36b6776be1000" +
  "3d116ecdb0f177c83fe780000000000000000000000000003fd3c25277333000" +
  "3d183b54b606bd5c3fe760000000000000000000000000003fd419b423d5e800" +
  "3d08e436ec90e09d3fe740000000000000000000000000003fd4718dc271c800" +
  "bd2f27ce0967d6753fe720000000000000000000000000003fd4c9e09e173000" +
  "bd2e20891b0ad8a43fe700000000000000000000000000003fd522ae0738a000" +
  "3d2ebe708164c7593fe6e0000000000000000000000000003fd57bf753c8d000" +
  "3d1fadedee5d40ef3fe6c0000000000000000000000000003fd5d5bddf596000" +
  "bd0a0b2a08a465dc",
);

const INVLN2N = EXP_DATA[0]!;
const NEGLN2HIN = EXP_DATA[1]!;
const NEGLN2LON = EXP_DATA[2]!;
const C2 = EXP_DATA[3]!;
const C3 = EXP_DATA[4]!;
const C4 = EXP_DATA[5]!;
const C5 = EXP_DATA[6]!;
const SHIFT = EXP_DATA[7]!;
const LN2HI = POW_LOG[0]!;
const LN2LO = POW_LOG[1]!;
const A0 = POW_LOG[2]!;
const A1 = POW_LOG[3]!;
const A2 = POW_LOG[4]!;
const A3 = POW_LOG[5]!;
const A4 = POW_LOG[6]!;
const A5 = POW_LOG[7]!;
const A6 = POW_LOG[8]!;
const POW_TAB = 9; // POW_LOG[POW_TAB + 4 * i + 0/2/3] = invc, logc, logctail

const TWO_M1022 = 2 ** -1022;
const TWO_1009 = 2 ** 1009;
const TWO32 = 4294967296;

/** An underflow or overflow result of __math_uflow / __math_oflow (errno ERANGE: CPython's callers decide). */
function xflow(negative: boolean, over: boolean): number {
  const v = over ? Infinity : 0;
  return negative ? -v : v;
}

/**
 * The scale 2^(k/N) of exp_inline as words: asuint64(H[k % N]) - ((k % N) << 45)
 * + ((k + signBias) << 45), the shift taken modulo 2^64 as the C code does.
 */
function scaleHi(k: number, signBias: number): number {
  const idx = k & 127;
  const top = ((k + signBias) & 0x7ffff) * 8192; // (ki + sign_bias) << 45, in the high word
  return (hiWord(EXP_TAB[2 * idx + 1]!) + top) % TWO32;
}

function scaleLo(k: number): number {
  return loWord(EXP_TAB[2 * (k & 127) + 1]!);
}

/**
 * exp_inline's specialcase: scale * (1 + tmp) when the exponent of scale
 * (its words sHi, sLo) may have overflowed (k > 0) or the result is subnormal
 * (k < 0). `absCheck`: pow's variant compares |y| with 1 and keeps a negative
 * sign; exp's compares y itself.
 */
function specialCase(tmp: number, sHi: number, sLo: number, k: number, absCheck: boolean): number {
  if (k >= 0) {
    const scale = fromWords((sHi - 0x3f100000 + TWO32) % TWO32, sLo); // sbits -= 1009 << 52
    return fma(scale, tmp, scale) * TWO_1009;
  }
  const hi2 = (sHi + 0x3fe00000) % TWO32; // sbits += 1022 << 52
  const scale = fromWords(hi2, sLo);
  const st = tmp * scale;
  let y = scale + st;
  if (absCheck ? Math.abs(y) < 1.0 : y < 1.0) {
    const one = absCheck && y < 0.0 ? -1.0 : 1.0;
    const lo = scale - y + st;
    const hi = one + y;
    const lo2 = one - hi + y + lo;
    y = lo2 + hi - one;
    if (y === 0) y = absCheck && hi2 >= 0x80000000 ? -0 : 0;
  }
  return y * TWO_M1022;
}

/** glibc's exp(x) (__exp_fma). */
export function glibcExp(x: number): number {
  let abstop = (hiWord(x) >>> 20) & 0x7ff;
  if (abstop - 0x3c9 < 0 || abstop - 0x3c9 > 0x3e) {
    if (abstop < 0x3c9) return 1.0 + x; // |x| < 2^-54 (and 0)
    if (abstop >= 0x409) {
      if (x === -Infinity) return 0;
      if (abstop === 0x7ff) return 1.0 + x; // +inf, nan
      return x < 0 ? xflow(false, false) : xflow(false, true);
    }
    abstop = 0; // large |x|: the special case below
  }
  const kd0 = fma(x, INVLN2N, SHIFT);
  const k = kd0 - SHIFT;
  let r = fma(k, NEGLN2HIN, x);
  r = fma(k, NEGLN2LON, r);
  const idx = k & 127;
  const p23 = fma(r, C3, C2);
  const rt = r + EXP_TAB[2 * idx]!;
  const r2 = r * r;
  const p45 = fma(r, C5, C4);
  const p = fma(p23, r2, rt);
  const tmp = fma(p45, r2 * r2, p);
  const sHi = scaleHi(k, 0);
  const sLo = scaleLo(k);
  if (abstop === 0) return specialCase(tmp, sHi, sLo, k, false);
  const scale = fromWords(sHi, sLo);
  return fma(scale, tmp, scale);
}

/** log_inline of pow: log(x) as hi + tail, for x given by its words (positive, normalized). */
function powLog(ixHi: number, ixLo: number): [number, number] {
  const tmpHi = (ixHi - 0x3fe69555) | 0; // ix - OFF
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords((ixHi - (tmpHi & 0xfff00000)) >>> 0, ixLo);
  const invc = POW_LOG[POW_TAB + 4 * i]!;
  const logc = POW_LOG[POW_TAB + 4 * i + 2]!;
  const logctail = POW_LOG[POW_TAB + 4 * i + 3]!;
  const t1 = fma(k, LN2HI, logc);
  const lo1 = fma(k, LN2LO, logctail);
  const r = fma(z, invc, -1.0);
  const ar = r * A0;
  const q1 = fma(r, A2, A1);
  const q3 = fma(r, A4, A3);
  const t2 = r + t1;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo2 = t1 - t2 + r;
  const q5 = fma(fma(r, A6, A5), ar2, q3);
  const hi = t2 + ar2;
  const lo4 = t2 - hi + ar2;
  const q = fma(ar2, q5, q1);
  const lo = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  return [y, hi - y + lo];
}

/**
 * glibc's pow(x, y) for what CPython's float_pow passes it: x positive,
 * finite and not 1, y finite and not 0 (float_pow answers the rest itself,
 * and takes |x| for a negative x with an integer y).
 */
export function glibcPow(x: number, y: number): number {
  let ixHi = hiWord(x);
  let ixLo = loWord(x);
  const topx = ixHi >>> 20;
  const topy = (hiWord(y) >>> 20) & 0x7ff;
  if (topy - 0x3be < 0 || topy - 0x3be >= 0x80) {
    // |y| < 2^-65 or |y| >= 2^63.
    if (x === 1) return 1;
    if (topy < 0x3be) return x > 1 ? 1.0 + y : 1.0 - y;
    return (x > 1) === (y > 0) ? xflow(false, true) : xflow(false, false);
  }
  if (topx === 0) {
    // Subnormal x: normalized, its exponent made negative.
    const xs = x * 2 ** 52;
    ixHi = ((hiWord(xs) & 0x7fffffff) - (52 << 20) + TWO32) % TWO32;
    ixLo = loWord(xs);
  }
  const [hi, lo] = powLog(ixHi, ixLo);
  const ehi = y * hi;
  const elo = fma(y, lo, fma(hi, y, -ehi));
  // exp_inline(ehi, elo, 0)
  let abstop = (hiWord(ehi) >>> 20) & 0x7ff;
  if (abstop - 0x3c9 < 0 || abstop - 0x3c9 > 0x3e) {
    if (abstop < 0x3c9) return 1.0 + ehi;
    if (abstop >= 0x409) return ehi < 0 ? xflow(false, false) : xflow(false, true);
    abstop = 0;
  }
  const kd0 = fma(ehi, INVLN2N, SHIFT);
  const k = kd0 - SHIFT;
  let r = fma(k, NEGLN2HIN, ehi);
  r = fma(k, NEGLN2LON, r);
  r = elo + r;
  const idx = k & 127;
  const p23 = fma(r, C3, C2);
  const rt = r + EXP_TAB[2 * idx]!;
  const r2 = r * r;
  const p45 = fma(r, C5, C4);
  const p = fma(p23, r2, rt);
  const tmp = fma(p45, r2 * r2, p);
  const sHi = scaleHi(k, 0);
  const sLo = scaleLo(k);
  if (abstop === 0) return specialCase(tmp, sHi, sLo, k, true);
  const scale = fromWords(sHi, sLo);
  return fma(scale, tmp, scale);
}
