// glibc 2.36's libm as CPython calls it on the fixtures' machines (x86-64,
// the FMA variants an x86-64-v3 CPU runs): log, sin and cos, bit for bit.
// V8's Math.log/sin/cos are fdlibm ports that differ from glibc in the last
// bit for a few percent of inputs; random.gauss and friends need these.
import { decodeDoubles, fma, fromWords, hiWord, loWord } from "./doubles.js";

// ---------------------------------------------------------------------------
// glibc 2.36 libm, x86-64 FMA variants (sysdeps/ieee754/dbl-64/e_log.c,
// s_sin.c, compiled with -mfma -mavx2): each fma() below is a vfmadd/vfnmadd
// the compiler emitted; the tables are the library's __sincostab and
// __log_data (invc/logc part).

const SINCOSTAB = decodeDoubles(
  "000000000000000000000000000000003ff00000000000000000000000000000" +
  "3f7fffeaaaaeeeefbc1e45e2ec67b77c3fefffc0001555523c8f4a01a0196dae" +
  "3f8fffaaaaeeeed5bc02ab639a9f07773fefff000155549f3c828a28a03a5ef3" +
  "3f97ff70010332553bfefe2b515273363feffdc006bff7e63c8ae6dae86977bd" +
  "3f9ffeaaaeeee86fbc3cd406fb224ae23feffc00155527d3bc83b54492d89b5b" +
  "3fa3feb2b12d45d53c34ec54203d1c113feff9c03414a7ba3c6991f4be6c59bf" +
  "3fa7fdc01032fba9bc4599bdf46e997a3feff7006bfdf99fbc78b3b560648d5f" +
  "3fabfc6d78586dac3c18e4fd03dbf2363feff3c0c8103a313c74856dbddc0e66" +
  "3faffaaaeeed4edbbc42d16d32684b693feff0015549f4d33c8328387b99426f" +
  "3fb1fc343d808befbc5f3d32e6f3be4f3fefebc222a8ef9f3c57934934f54c77" +
  "3fb3facb12d1755bbc5921915299468c3fefe7034129ef6fbc6cbf4337c96f97" +
  "3fb5f911fd10b737bc50184f02be91023fefe1c4c3c873ebbc35a9c9057c4a02" +
  "3fb7f701032550e43c3afc2d1800501a3fefdc06bf7e6b9b3c831902b535f8db" +
  "3fb9f4902d55d1f93c52696d7eac1dc13fefd5c94b43e000bc62e768cb4f92f9" +
  "3fbbf1b78568391d3c5e91841dea4cc83fefcf0c800e99b13c6ea3d786d186ac" +
  "3fbdee6f16c1cce6bc450f8e2fb716733fefc7d078d1bc883c8075d2447db685" +
  "3fbfeaaeee86ee36bc4afcb2bcc6f03b3fefc015527d5bd33c8b68f35094efb8" +
  "3fc0f3378ddd71d13c6d8468724f0f9e3fefb7db2bfe06953c821dadf4f65ab1" +
  "3fc1f0d3d7afceafbc66ef95099769a53fefaf22263c4bd3bc552ace133a2769" +
  "3fc2ee285e4ab88fbc6e4d0f05dee0583fefa5ea641c36f23c404da6ed17cc7c" +
  "3fc3eb312c5d66cb3c647d666b66cb913fef9c340a7cc4283c8c5b6b063b7462" +
  "3fc4e7ea4dc5f27b3c5949db2ac072fc3fef91ff40374d01bc67d03f4d3a9e4c" +
  "3fc5e44fcfa126f3bc66f443063f89b63fef874c2e1eecf6bc8c6514e1332b16" +
  "3fc6e05dc05a4d4cbbd32c5c8b81c9403fef7c1afeffde24bc78f55bc47540b1" +
  "3fc7dc102fbaf2b53c45ab50e23c97c33fef706bdf9ece1cbc8698c80c36dcb4" +
  "3fc8d7632efaa944bc620fa262cbb9533fef643efeb82acd3c76b00ac1fe28ac" +
  "3fc9d252d0cec3123c59c43d80b1137d3fef57948cff67973c6e3a0d3e03b1d5" +
  "3fcaccdb297a0765bc59883b57d6cdeb3fef4a6cbd1e3a793c813df0edaebb57" +
  "3fcbc6f84edc61993c69c1a56a7b0cab3fef3cc7c3b3d16ebc621a3ad28a3494" +
  "3fccc0a6588289a3bc6868d09bc87c6b3fef2ea5d753ffed3c8cc4215f56d583" +
  "3fcdb9e15fb5a5d0bc632e20d6cc6fc23fef20073086649f3c7b940416c1984b" +
  "3fceb2a57f8ae5a3bc60be06af572ceb3fef10ec09c5873b3c8d9072762c1283" +
  "3fcfaaeed4f31577bc615d88508e32b83fef01549f7deea13c8d3c1e99e5cafd" +
  "3fd0515cbf65155cbc79b8c29dfd8ec83feef141300d2f26bc82aa1b08ded372" +
  "3fd0cd00cef36436bc79fb0a0c93e2b53feee0b1fbc0f11cbc4bfd2380bbc3b1" +
  "3fd14861aa94ddebbc6be881b5b615a43feecfa744d5efa1bc556d0a4af541d0" +
  "3fd1c37d64c6b8763c746076fe0dcff53feebe214f76efa8bc802f9f12ba543e" +
  "3fd23e52111aaf36bc74f080334eff183feeac2061bbaf4f3c62c1d53e94658d" +
  "3fd2b8ddc43eb49f3c61553899f2d8073fee99a4c3a7cd83bc82264b1bc53ce8" +
  "3fd3331e94049f873c7e0cb6b40c302c3fee86aebf29a9ed3c89397afdbb58a7" +
  "3fd3ad129769d3d83c003d55048783983fee733ea0193d40bc86428b3546ce13" +
  "3fd426b7e69ee697bc7f09c75705c59f3fee5f54b436e9d03c87eb0fd02fc8bc" +
  "3fd4a00c9b0f3d203c7823ba6bb08ead3fee4af14b2a449cbc868ca02e8a6833" +
  "3fd5190ecf68a77a3c7b357155eef0f33fee3614b680d6a5bc727793aa015237" +
  "3fd591bc9fa2f5973c67c74bac3fe0cb3fee20bf49acd6c1bc5660aec7ef636c" +
  "3fd60a14290787753c5b1fd80ba891333fee0af15a03dbce3c5fe8e702771ae6" +
  "3fd682138a38d7f7bc7d889202444aad3fedf4ab3ebd875ebc8e2d8a7e6736c4" +
  "3fd6f9b8e33a02553c742bc14ee9da0d3feddded50f228d6bc6e80c8d42ba2bf" +
  "3fd7710255764214bc66ead7314bb6ce3fedc6b7eb9959123c54b364776dcd35" +
  "3fd7e7ee03c86d4ebc7b63bcdabf5af23fedaf0b6b888e833c8a249e2b5e5cea" +
  "3fd85e7a128269493c78a40e9b5face03fed96e82f71a9dc3c8ff61bd5d2039d" +
  "3fd8d4a4a774992f3c744a02ea7663263fed7e4e97e17b4abc63b770352bed94" +
  "3fd94a6be9f546c5bc769ce13e683f583fed653f073e4040bc876236434bec37" +
  "3fd9bfce02e805103c709e39a320b0a43fed4bb9e1c619e03c8f34bb77858f61" +
  "3fda34c91cc50ccabc5a310e3b50cecd3fed31bf8d8d7c063c7e60dd3089cbdd" +
  "3fdaa95b63a09277bc66293eb13c03813fed1750727d94f03c80d52b1ec1a48e" +
  "3fdb1d8305321617bc7ae242cb99f5193fecfc6cfa52ad9f3c88b5b5508f2a0d" +
  "3fdb913e30dbac43bc7e38ad2f6c3ff13fece115909a82e53c81f139bb31109a" +
  "3fdc048b17b140a33c619fe6757e9fa73fecc54aa2b2972e3c64ee162ba83a98" +
  "3fdc7767ec7fd19ebc5eb14d1a3d58263feca90c9fc67d0bbc646a81485e3462" +
  "3fdce9d2e3d4a51fbc62fc8a12dae2983fec8c5bf8ce1a843c7ab3d1a1590123" +
  "3fdd5bca340476613c728a44a75fc29c3fec6f39208be53bbc8741dbfbaadb42" +
  "3fddcd4c15329c9a3c70d4c6e171fd9a3fec51a48b8b175ebc61bbb43b9aa880" +
  "3fde3e56c1582a69bc50a4821099f88f3fec339eb01ddd81bc8caaf5ee82c5c0" +
  "3fdeaee8744b05f0bc5789b43c9b027d3fec1528065b7d50bc8892111312e828" +
  "3fdf1eff6bc4f97b3c717212f8a7525c3febf641081e75363c8b7bd71628a9a1" +
  "3fdf8e99e76abc973c59d950af2d00a33febd6ea310294f53c731bbcc88c109d" +
  "3fdffdb628d2f57a3c6f4a992e905b6a3febb723fe630f323c772bd2452d0a39" +
  "3fe0362939c69955bc82d8cd78397b013feb96eeef58840e3c545a3cc78fade0" +
  "3fe06d3686946e5b3c83f5ae4538ff1b3feb764b84b704c2bc8f5848c21b389b" +
  "3fe0a4021e9e1001bc86f643a13914f63feb553a410c104e3c58ff7947027a16" +
  "3fe0da8b26b5672ebc8a58def0bee9093feb33bba89c89483c8ea6a51d1f6ca9" +
  "3fe110d0c4b69c3b3c8d9189988099813feb11d04162a4c63c71dd561efbc0c2" +
  "3fe146d21f8b7f823c7bf9535e2739a83feaef78930bd275bc7f836279746f94" +
  "3fe17c8e5f2eedb03c635e57102e24883feaccb526f69de53c88fb6a8dd6b6cc" +
  "3fe1b204acb02fddbc5f190c70cbb5ff3feaa98688308913bc0b83d607cd5070" +
  "3fe1e7343236574c3c722a3fa4f41d5a3fea85ed4373e02d3c69be06385ec792" +
  "3fe21c1c1b0394cf3c5e5b324b23aa313fea61e9e72586af3c858330e2fd453f" +
  "3fe250bb93788bbb3c7ea3d02457bcce3fea3d7d0352bdcfbc868dbaeca19669" +
  "3fe28511c917a067bc801df1d9a16b703fea18a729aee4453c395e25736c0358" +
  "3fe2b91dea88421ebc8fa371db216ab03fe9f368ed912f85bc81d200c5791606" +
  "3fe2ecdf279a30823c8d3557e0e7e37e3fe9cdc2e3f25e5c3c83f99112993f62" +
  "3fe32054b148bc4f3c8f6b42095a135b3fe9a7b5a36a65143c8722cfcc9fa7a9" +
  "3fe3537db9be03673c6b327e7af040f03fe98141c42e13103c8d1ff80488f08d" +
  "3fe386597456282bbc710fada93b07a83fe95a67e00cb1fdbc80befda21f862d" +
  "3fe3b8e715a2840abc797653a7d2f07b3fe93328926d9e92bc8bb77003600cda" +
  "3fe3eb25d36cd53abc5be570e1570fc03fe90b84784ddaf7bc70feb10ab93b87" +
  "3fe41d14e4ba67903c84608fd287ecf53fe8e37c303d9ad1bc6463a4b53d4bf8" +
  "3fe44eb381cf386bbc83ed6c1e6a55053fe8bb105a5dc9003c8863e03e9474c1" +
  "3fe48000e431159fbc8b194a7463ed103fe89241985d871f3c8c48d9c413ed84" +
  "3fe4b0fc46aab7613c20da05738cc59a3fe869108d77a6c63c7338ffe2bfe9dd" +
  "3fe4e1a4e54ed51bbc8a492f89b7c76a3fe83f7dde701ca0bc4152cf609bc6e8" +
  "3fe511f9fd7b351cbc85c0e861c488313fe8158a31916d5dbc6de8b90b8228de" +
  "3fe541facddbb7243c7232c28520d3913fe7eb362eaa14883c5a1d65a4a5959f" +
  "3fe571a6966d59b33c5c843b4d0fb1983fe7c0827f09e54fbc6c73d6d72aee68" +
  "3fe5a0fc98813a12bc8d82e2b7d4227b3fe7956fcd7f6543bc8ab276e9d45ae4" +
  "3fe5cffc16bf8f0d3c896cb370eb578a3fe769fec655211fbc6827d5cf8c68c5" +
  "3fe5fea4552a9e573c80b6cef7ee20b73fe73e30174efba1bc65d3ae3d94ad5f" +
  "3fe62cf49921ac79bc8edd9855b6241a3fe712046fa776783c8425b0a5029c81" +
  "3fe65aec2963e7553c8126f96b71053c3fe6e57c800cf55e3c860286dedbd0a6" +
  "3fe6888a4e134b2fbc86b7d37644d5e63fe6b898fa9efb5d3c715ac786ccf4b2" +
  "3fe6b5ce50b7821abc65d5158f702e0f3fe68b5a92eb6253bc89a91ad985f89c" +
  "3fe6e2b77c40bde1bc70e729857fad533fe65dc1fdeb8cbabc597c1b47337c77" +
  "3fe70f451d0a8c403c697ede3885770d3fe62fcff20191c73c6d9143895756ef" +
  "3fe73b7680dea578bc72248306dc12a23fe6018526f563df3c846ca5e0e432d0" +
  "3fe7674af6f7b5243c7e9d3f94ac84a83fe5d2e255f1f17a3c80314104c8892b" +
  "3fe792c1d0041d52bc8abf05eeb354eb3fe5a3e8398240773c8428aa2759be62" +
  "3fe7bdda5e28b3c23c4ad1197ccd03933fe574978d8e83f23c8f4714af282d23" +
  "3fe7e893f50379593c80eefbaa650c4c3fe544f10f592ca5bc8e7ae8e6c7a62f" +
  "3fe812ede9ae4ba4bc87830adf402dda3fe514f57d7bf3da3c747a108073c259",
);
const LOG_DATA = decodeDoubles(
  "3fe62e42fefa38003d2ef35793c76730bfe00000000000013fd555555551305b" +
  "bfcfffffffeb45903fc999b324f10111bfc55575e506c89fbfe0000000000000" +
  "3fd5555555555577bfcffffffffffdcb3fc999999995dd0cbfc55555556745a7" +
  "3fc24924a344de30bfbfffffa4423d653fbc7184282ad6cabfb999eb43b068ff" +
  "3fb78182f7afd085bfb5521375d145cd3ff734f0c3e0de9fbfd7cc7f79e69000" +
  "3ff713786a2ce91fbfd76feec20d00003ff6f26008fab5a0bfd713e31351e000" +
  "3ff6d1a61f138c7dbfd6b85b382878003ff6b1490bc5b4d1bfd65d5590807800" +
  "3ff69147332f0cbabfd602d0761800003ff6719f18224223bfd5a8ca86909000" +
  "3ff6524f99a51ed9bfd54f43560350003ff63356aa8f24c4bfd4f637c36b4000" +
  "3ff614b36b9ddc14bfd49da7fda850003ff5f66452c65c4cbfd445923989a800" +
  "3ff5d867b5912c4fbfd3edf439b0b8003ff5babccb5b90debfd396ce448f7000" +
  "3ff59d61f2d91a78bfd3401e17bda0003ff5805612465687bfd2e9e2ef468000" +
  "3ff56397cee76bd3bfd2941b3830e0003ff54725e2a77f93bfd23ec58cda8800" +
  "3ff52aff42064583bfd1e9e1292790003ff50f22dbb2bddfbfd1956d2b48f800" +
  "3ff4f38f4734ded7bfd141679ab9f8003ff4d843cfde2840bfd0edd094ef9800" +
  "3ff4bd3ec078a3c8bfd09aa518db10003ff4a27fc3e0258abfd047e65263b800" +
  "3ff4880524d48434bfcfeb224586f0003ff46dce1b192d0bbfcf474a7517b000" +
  "3ff453d9d3391854bfcea4443d1030003ff43a2744b4845abfce020d44e9b000" +
  "3ff420b54115f8fbbfcd60a22977f0003ff40782da3ef4b1bfccc00104959000" +
  "3ff3ee8f5d57fe8fbfcc2029568910003ff3d5d9a00b4ce9bfcb81178d811000" +
  "3ff3bd60c010c12bbfcae2c9ccd3d0003ff3a5242b75dab8bfca45402e129000" +
  "3ff38d22cd9fd002bfc9a877681df0003ff3755bc5847a1cbfc90c6d69483000" +
  "3ff35dce49ad36e2bfc87120a645c0003ff34679984dd440bfc7d68fb4143000" +
  "3ff32f5cceffcb24bfc73cb83c6270003ff3187775a10d49bfc6a39a9b376000" +
  "3ff301c8373e3990bfc60b3154b7a0003ff2eb4ebb95f841bfc5737d76243000" +
  "3ff2d50a0219a9d1bfc4dc7b8fc230003ff2bef9a8b7fd2abfc4462c51d20000" +
  "3ff2a91c7a0c1babbfc3b08abc8300003ff293726014b530bfc31b996b490000" +
  "3ff27dfa5757a1f5bfc2875490a440003ff268b39b1d3bbfbfc1f3b9f879a000" +
  "3ff2539d838ff5bdbfc160c8252ca0003ff23eb7aac9083bbfc0ce7f57f72000" +
  "3ff22a012ba940b6bfc03cdc49fea0003ff2157996cc4132bfbf57bdbc4b8000" +
  "3ff201201dd2fc9bbfbe3708964040003ff1ecf4494d480bbfbd17983ef94000" +
  "3ff1d8f5528f6569bfbbf9674ed8a0003ff1c52311577e7cbfbadc79202f6000" +
  "3ff1b17c74cb26e9bfb9c0c3e72880003ff19e010c2c1ab6bfb8a646b372c000" +
  "3ff18ab07bb670bdbfb78d01b3ac00003ff1778a25efbcb6bfb674f145380000" +
  "3ff1648d354c31dabfb55e0e6d8780003ff151b990275fddbfb4485cdea1e000" +
  "3ff13f0ea432d24cbfb333d94d6aa0003ff12c8b7210f9dabfb22079f8c56000" +
  "3ff11a3028ecb531bfb10e46986220003ff107fbda8434afbfaffa6c6ad20000" +
  "3ff0f5ee0f4e6bb3bfadda8d4a7740003ff0e4065d2a9fcebfabbcece4850000" +
  "3ff0d244632ca521bfa9a1894012c0003ff0c0a77ce2981abfa788583302c000" +
  "3ff0af2f83c636d1bfa5715e67d680003ff09ddb98a01339bfa35c8a49658000" +
  "3ff08cabaf52e7dfbfa149e3641540003ff07b9f2f4e28fbbf9e72c082eb8000" +
  "3ff06ab58c358f19bf9a55f1525280003ff059eea5ecf92cbf963d62cf818000" +
  "3ff04949cdd12c90bf9228fb8caa00003ff038c6c6f0ada9bf8c317b20f90000" +
  "3ff02865137932a9bf8419355daa00003ff0182427ea7348bf781203c2ec0000" +
  "3ff008040614b195bf600409792400003fefe01ff726fa1a3f6feff384900000" +
  "3fefa11cc261ea743f87dc41353d00003fef6310b081992e3f93cea3c4c28000" +
  "3fef25f63ceeadcd3f9b9fc1148900003feee9c8039113e73fa1b0d8ce110000" +
  "3feeae8078cbb1ab3fa58a5bd001c0003fee741aa29d0c9b3fa95c8340d88000" +
  "3fee3a91830a99b53fad276aef5780003fee01e009609a563fb07598e598c000" +
  "3fedca01e577bb983fb253f5e30d20003fed92f20b7c91033fb42edd8b380000" +
  "3fed5cac66fb5cce3fb606598757c0003fed272caa5ede9d3fb7da76356a0000" +
  "3fecf26e3e6b2ccd3fb9ab434e1c60003fecbe6da2a779023fbb78c7bb0d6000" +
  "3fec8b266d37086d3fbd431332e720003fec5894bd5d58043fbf0a3171de6000" +
  "3fec26b533bb9f8c3fc067152b9140003febf583eeece73f3fc147858292b000" +
  "3febc4fd75db96c13fc2266ecdca30003feb951e0c864a283fc303d7a6c55000" +
  "3feb65e2c5ef3e2c3fc3dfc33c3310003feb374867c9888b3fc4ba366b7a8000" +
  "3feb094b211d304a3fc5933928d1f0003feadbe885f2ef7e3fc66acd2418f000" +
  "3feaaf1d31603da23fc740f8ec6690003fea82e63fd358a73fc815c0f51af000" +
  "3fea5740ef09738b3fc8e92954f680003fea2c2a90ab4b273fc9bb3602f84000" +
  "3fea01a01393f2d13fca8bed1c2c00003fe9d79f24db3c1b3fcb5b515c01d000" +
  "3fe9ae2505c7b1903fcc2967ccbcc0003fe9852ef297ce2f3fccf635d5486000" +
  "3fe95cbaeea44b753fcdc1bd3446c0003fe934c69de748383fce8c01b8cfe000" +
  "3fe90d4f2f6752e63fcf5509c01790003fe8e6528effd79d3fd00e6c121fb800" +
  "3fe8bfce9fcc007c3fd071b80e93d0003fe899c0dabec30e3fd0d46b9e867000" +
  "3fe87427aa2317fb3fd13687334bd0003fe84f00acb39a083fd1980d67234800" +
  "3fe82a49e8653e553fd1f8ffe0cc80003fe8060195f402603fd2595fd7636800" +
  "3fe7e22563e0a3293fd2b9300914a8003fe7beb377dcb5ad3fd3187210436000" +
  "3fe79baa679725c23fd377266dec18003fe77907f21706573fd3d54ffbaf3000" +
  "3fe756cadbd6130c3fd432eee32fe000",
);

const LN2HI = LOG_DATA[0]!;
const LN2LO = LOG_DATA[1]!;
const LA0 = LOG_DATA[2]!;
const LA1 = LOG_DATA[3]!;
const LA2 = LOG_DATA[4]!;
const LA3 = LOG_DATA[5]!;
const LA4 = LOG_DATA[6]!;
const LB0 = LOG_DATA[7]!;
const LB1 = LOG_DATA[8]!;
const LB2 = LOG_DATA[9]!;
const LB3 = LOG_DATA[10]!;
const LB4 = LOG_DATA[11]!;
const LB5 = LOG_DATA[12]!;
const LB6 = LOG_DATA[13]!;
const LB7 = LOG_DATA[14]!;
const LB8 = LOG_DATA[15]!;
const LB9 = LOG_DATA[16]!;
const LB10 = LOG_DATA[17]!;
const LOG_TAB = 18; // LOG_DATA[LOG_TAB + 2 * i] = invc, [+1] = logc

/** glibc's log(x) (__ieee754_log_fma). */
export function glibcLog(x: number): number {
  let hi = hiWord(x);
  let lo = loWord(x);
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) {
    // |x - 1| < 0x1p-4 (roughly): a polynomial in r = x - 1.
    if (hi === 0x3ff00000 && lo === 0) return 0;
    const r = x - 1.0;
    let t2 = fma(r, LB2, LB1);
    let t3 = fma(r, LB5, LB4);
    const r2 = r * r;
    const t5 = fma(r, LB8, LB7);
    t2 = fma(r2, LB3, t2);
    t3 = fma(r2, LB6, t3);
    const r3 = r * r2;
    let p = fma(r2, LB9, t5);
    p = fma(r3, LB10, p);
    p = fma(p, r3, t3);
    p = fma(p, r3, t2);
    const rw = fma(r, 0x8000000, r);
    const rhi = fma(-0x8000000, r, rw);
    const rhi2 = rhi * rhi;
    const rlo = r - rhi;
    const h = fma(rhi2, LB0, r);
    const d = r - h;
    const rsum = r + rhi;
    let l = fma(rhi2, LB0, d);
    l = fma(LB0 * rlo, rsum, l);
    const y = fma(p, r3, l);
    return h + y;
  }
  const top = hi >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (top & 0x8000 || (top & 0x7ff0) === 0x7ff0) return NaN;
    // Subnormal: normalize.
    const xs = x * 2 ** 52;
    hi = (hiWord(xs) - (52 << 20)) >>> 0;
    lo = loWord(xs);
  }
  const tmpHi = (hi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords((hi - (tmpHi & 0xfff00000)) >>> 0, lo);
  const invc = LOG_DATA[LOG_TAB + 2 * i]!;
  const logc = LOG_DATA[LOG_TAB + 2 * i + 1]!;
  const kd = k;
  const w = fma(kd, LN2HI, logc);
  const r = fma(z, invc, -1.0);
  const t5 = fma(r, LA2, LA1);
  const h = r + w;
  const r2 = r * r;
  let l = w - h + r;
  l = fma(kd, LN2LO, l);
  const rr2 = r * r2;
  let t1 = fma(r, LA4, LA3);
  l = fma(r2, LA0, l);
  t1 = fma(t1, r2, t5);
  const y = fma(rr2, t1, l);
  return y + h;
}

// s_sin.c / usncs.h constants.
const SN3 = fromWords(0xbfc55555, 0x55555515);
const SN5 = fromWords(0x3f811110, 0xe829872f);
const CS2 = 0.5;
const CS4 = fromWords(0xbfa55555, 0x55555535);
const CS6 = fromWords(0x3f56c16b, 0xedd9e239);
const S1 = fromWords(0xbfc55555, 0x55555555);
const S2 = fromWords(0x3f811111, 0x11110ece);
const S3 = fromWords(0xbf2a01a0, 0x19db08b8);
const S4 = fromWords(0x3ec71de2, 0x7b9a7ed9);
const S5 = fromWords(0xbe5addff, 0xc2fcdf59);
const BIG = fromWords(0x42c80000, 0);
const HP0 = fromWords(0x3ff921fb, 0x54442d18);
const HP1 = fromWords(0x3c91a626, 0x33145c07);
const MP1 = fromWords(0x3ff921fb, 0x58000000);
const MP2 = fromWords(0xbe4dde97, 0x3c000000);
const PP3 = fromWords(0xbc8cb3b3, 0x98000000);
const PP4 = fromWords(0xbacd747f, 0x23e32ed7);
const HPINV = fromWords(0x3fe45f30, 0x6dc9c883);
const TOINT = fromWords(0x43380000, 0);
const TAYLOR_LIMIT = fromWords(0x3fc020c4, 0x9ba5e354); // 0.126

function copysign(x: number, s: number): number {
  const ax = Math.abs(x);
  return s < 0 || Object.is(s, -0) ? -ax : ax;
}

function taylorSin(xx: number, x: number, dx: number): number {
  const poly = fma(xx, fma(xx, fma(xx, fma(xx, S5, S4), S3), S2), S1);
  const t = fma(xx, fma(poly, x, -(0.5 * dx)), dx);
  return x + t;
}

function doSin(x: number, dx: number): number {
  const xold = x;
  if (Math.abs(x) < TAYLOR_LIMIT) return taylorSin(x * x, x, dx);
  if (x <= 0) dx = -dx;
  const u = BIG + Math.abs(x);
  x = Math.abs(x) - (u - BIG);
  const xx = x * x;
  const s = x + fma(x * xx, fma(xx, SN5, SN3), dx);
  const c = fma(x, dx, xx * fma(xx, fma(xx, CS6, CS4), CS2));
  const k = loWord(u) << 2;
  const sn = SINCOSTAB[k]!;
  const ssn = SINCOSTAB[k + 1]!;
  const cs = SINCOSTAB[k + 2]!;
  const ccs = SINCOSTAB[k + 3]!;
  const cor = fma(s, cs, fma(-c, sn, fma(s, ccs, ssn)));
  return copysign(sn + cor, xold);
}

function doCos(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const u = BIG + Math.abs(x);
  x = Math.abs(x) - (u - BIG) + dx;
  const xx = x * x;
  const s = fma(x * xx, fma(xx, SN5, SN3), x);
  const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
  const k = loWord(u) << 2;
  const sn = SINCOSTAB[k]!;
  const ssn = SINCOSTAB[k + 1]!;
  const cs = SINCOSTAB[k + 2]!;
  const ccs = SINCOSTAB[k + 3]!;
  const cor = fma(-s, sn, fma(-c, cs, fma(-s, ssn, ccs)));
  return cs + cor;
}

/** reduce_sincos: x = n*pi/2 + (a + da), for |x| < 105414350. */
function reduceSinCos(x: number): [number, number, number] {
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  const n = loWord(t) & 3;
  const y = fma(-xn, MP2, fma(-xn, MP1, x));
  const t2 = fma(-xn, PP3, y);
  let db = fma(-xn, PP3, y - t2);
  const b = fma(-xn, PP4, t2);
  db = db + fma(-xn, PP4, t2 - b);
  return [b, db, n];
}

function doSinCos(a: number, da: number, n: number): number {
  const r = n & 1 ? doCos(a, da) : doSin(a, da);
  return n & 2 ? -r : r;
}

/**
 * glibc's sin(x) (__sin_fma). Arguments of magnitude 105414350 and more
 * (glibc's __branred path, which random never reaches) fall back to Math.sin.
 */
export function glibcSin(x: number): number {
  const k = hiWord(x) & 0x7fffffff;
  if (k < 0x3e500000) return x;
  if (k < 0x3feb6000) return doSin(x, 0);
  if (k < 0x400368fd) return copysign(doCos(HP0 - Math.abs(x), HP1), x);
  if (k < 0x419921fb) {
    const [a, da, n] = reduceSinCos(x);
    return doSinCos(a, da, n);
  }
  if (k < 0x7ff00000) return Math.sin(x);
  return NaN;
}

/** glibc's cos(x) (__cos_fma); the same fallback as glibcSin beyond 105414350. */
export function glibcCos(x: number): number {
  const k = hiWord(x) & 0x7fffffff;
  if (k < 0x3e400000) return 1.0;
  if (k < 0x3feb6000) return doCos(x, 0);
  if (k < 0x400368fd) {
    const y = HP0 - Math.abs(x);
    const a = y + HP1;
    const da = y - a + HP1;
    return doSin(a, da);
  }
  if (k < 0x419921fb) {
    const [a, da, n] = reduceSinCos(x);
    return doSinCos(a, da, n + 1);
  }
  if (k < 0x7ff00000) return Math.cos(x);
  return NaN;
}
