// array.array(typecode, initializer) and the array type's methods, with the
// allocation paths of arraymodule.c.
import { pyEq } from "./compare.js";
import { ctx } from "./ctx.js";
import { unsupported, typeError, valueError } from "./errors.js";
import { forEach, toArray } from "./iteration.js";
import { newListExact } from "./lists.js";
import { indexIn } from "./indexIn.js";
import { popIndex, toIndex } from "./numbers.js";
import { None, pyBytes, pyInt, pyStr, typeName, type NativeFn, type PyArrayObj, type PyObj } from "./objects.js";
import { bytesData, strText } from "./text.js";
import { tuple2 } from "./tuples.js";
import {
  INT_RANGES, arrayAppend, arrayBytes, arrayExtendArray, arrayFromBytes, arrayItem, arrayPushAll, arrayResizeTo, arrayValue,
  bufferBytes, newArray,
} from "./arrayObject.js";

function arrayExtend(a: PyArrayObj, src: PyObj): void {
  if (src.t === "array" && src.typecode === a.typecode) {
    arrayExtendArray(a, src);
    return;
  }
  forEach(src, (x) => arrayAppend(a, arrayValue(a.typecode, x)));
}

export function arrayCall(args: readonly PyObj[]): PyObj {
  const tc = args[0];
  if (tc !== undefined && tc.t === "str" && tc.length === 1 && ctx().layout.array.typecodes.includes(strText(tc)) && !(strText(tc) in INT_RANGES || "fdu".includes(strText(tc)))) {
    throw unsupported(`array typecode '${strText(tc)}'`);
  }
  if (tc === undefined || tc.t !== "str" || tc.length !== 1 || !(strText(tc) in INT_RANGES || "fdu".includes(strText(tc)))) {
    throw valueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  }
  const typecode = strText(tc);
  const init = args[1];
  if (init === undefined) return newArray(typecode, []);
  if (init.t === "list" || init.t === "tuple") return newArray(typecode, toArray(init).map((x) => arrayValue(typecode, x)));
  if (init.t === "array" && init.typecode === typecode) return newArray(typecode, init.values.slice());
  const a = newArray(typecode, []);
  if (init.t === "bytes" || init.t === "bytearray") arrayFromBytes(a, bytesData(init));
  else if (init.t === "str") {
    if (typecode !== "u") throw typeError(`cannot use a str to initialize an array with typecode '${typecode}'`);
    if (ctx().layout.rules.arrayUnicodeMakesWstr) ctx().wstr.add(init);
    // The wide-character buffer of the str becomes the array's: exactly n items.
    const chars = [...strText(init)];
    a.values.push(...chars);
    a.allocated = chars.length;
  } else arrayExtend(a, init);
  return a;
}

export function arrayMethod(a: PyArrayObj, name: string): NativeFn | PyObj | null {
  switch (name) {
    case "typecode":
      return pyStr(a.typecode);
    case "itemsize":
      return pyInt(ctx().layout.array.itemsize[a.typecode] ?? 1);
    case "append":
      return ([x]) => {
        arrayAppend(a, arrayValue(a.typecode, x as PyObj));
        return None;
      };
    case "extend":
      return ([x]) => {
        arrayExtend(a, x as PyObj);
        return None;
      };
    case "fromlist":
      return ([x]) => {
        if (x === undefined || x.t !== "list") throw typeError("arg must be list");
        arrayPushAll(a, toArray(x).map((v) => arrayValue(a.typecode, v)));
        return None;
      };
    case "fromunicode":
      return ([x]) => {
        if (a.typecode !== "u") throw valueError("fromunicode() may only be called on unicode type arrays");
        if (x !== undefined && x.t === "str" && ctx().layout.rules.arrayUnicodeMakesWstr) ctx().wstr.add(x);
        arrayPushAll(a, [...strText(x as never)]);
        return None;
      };
    case "frombytes":
      return ([x]) => {
        const buf = x === undefined ? null : x.t === "bytes" || x.t === "bytearray" ? bytesData(x) : bufferBytes(x);
        if (buf === null) throw typeError(`a bytes-like object is required, not '${x === undefined ? "NoneType" : typeName(x)}'`);
        arrayFromBytes(a, buf);
        return None;
      };
    case "insert":
      return ([i, x]) => {
        let at = toIndex(i as PyObj);
        if (at < 0) at = Math.max(at + a.values.length, 0);
        const v = arrayValue(a.typecode, x as PyObj);
        arrayResizeTo(a, a.values.length + 1);
        a.values.splice(Math.min(at, a.values.length), 0, v);
        return None;
      };
    case "pop":
      return ([i]) => {
        const at = popIndex(i, a.values.length, "array");
        const v = a.values[at] as number;
        arrayResizeTo(a, a.values.length - 1);
        a.values.splice(at, 1);
        return arrayItem(a, v);
      };
    case "remove":
      return ([x]) => {
        const at = a.values.findIndex((v) => pyEq(arrayItem(a, v), x as PyObj));
        if (at < 0) throw valueError("array.remove(x): x not in array");
        arrayResizeTo(a, a.values.length - 1);
        a.values.splice(at, 1);
        return None;
      };
    case "tolist":
      return () => newListExact(a.values.map((v) => arrayItem(a, v)));
    case "tounicode":
      return () => {
        if (a.typecode !== "u") throw valueError("tounicode() may only be called on unicode type arrays");
        return pyStr((a.values as string[]).join(""));
      };
    case "__copy__":
    case "__deepcopy__":
      return () => newArray(a.typecode, a.values.slice());
    case "byteswap":
      return () => None;
    case "tobytes":
      return () => pyBytes(arrayBytes(a));
    case "count":
      return ([x]) => pyInt(a.values.filter((v) => pyEq(arrayItem(a, v), x as PyObj)).length);
    case "index":
      return ([x, start, stop]) => {
        const at = indexIn(a.values.map((v) => arrayItem(a, v)), x as PyObj, start, stop);
        if (at < 0) throw valueError("array.index(x): x not in array");
        return pyInt(at);
      };
    case "reverse":
      return () => {
        a.values.reverse();
        return None;
      };
    case "buffer_info":
      return () => tuple2(pyInt(0), pyInt(a.values.length));
    default:
      return null;
  }
}
