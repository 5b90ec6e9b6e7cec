// print() as builtin_print (Python/bltinmodule.c): each argument goes through
// str() — a class's __str__ runs, with its side effects — and the pieces go to
// `file.write`. Without a file the text goes to sys.stdout: a redirect_stdout
// target's write, or else the interpreter's own stream — pymem's own output is
// its report, so that text is dropped once made.
import { callObject } from "./calls.js";
import { redirectTarget } from "./contextlibModule.js";
import { truthy } from "./compare.js";
import { getAttr } from "./attributes.js";
import { typeError } from "./errors.js";
import { strObj } from "./format.js";
import { None, pyStr, typeName, type Kwargs, type NativeFn, type PyObj, type PyStrObj } from "./objects.js";

const KEYWORDS: readonly string[] = ["sep", "end", "file", "flush"];

function separator(kw: Kwargs, name: "sep" | "end", dflt: string): PyStrObj {
  const v = kw.values.get(name);
  if (v === undefined || v.t === "NoneType") return pyStr(dflt);
  if (v.t !== "str") throw typeError(`${name} must be None or a string, not ${typeName(v)}`);
  return v;
}

/** print(*objects, sep=' ', end='\n', file=None, flush=False). */
export const printBuiltin: NativeFn = (args, kw) => {
  for (const k of kw.values.keys()) {
    if (!KEYWORDS.includes(k)) throw typeError(`'${k}' is an invalid keyword argument for print()`);
  }
  const given = kw.values.get("file");
  const file = given === undefined || given.t === "NoneType" ? redirectTarget() ?? given : given;
  const sep = separator(kw, "sep", " ");
  const end = separator(kw, "end", "\n");
  // The interpreter's stdout: the text is made (str() of each argument) and dropped.
  const write = file === undefined || file.t === "NoneType" ? null : getAttr(file, "write");
  const put = (s: PyObj): void => {
    if (write !== null) callObject(write, [s]);
  };
  args.forEach((a, i) => {
    if (i > 0) put(sep);
    put(strObj(a));
  });
  put(end);
  const flush = kw.values.get("flush");
  if (flush !== undefined && write !== null && file !== undefined) {
    if (truthy(flush)) callObject(getAttr(file, "flush"), []);
  }
  return None;
};
