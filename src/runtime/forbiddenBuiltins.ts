// The builtins that would reach the host or the interpreter's namespaces (open,
// exec, globals …): naming one is harmless and gives the builtin function object
// CPython has (`[len, globals]`, `f = open`); calling it is what the sandbox
// refuses. exit, quit, help, copyright, credits and license are not builtins but
// objects the site module adds (_sitebuiltins.Quitter, _Helper, _Printer): named,
// they are refused as not modelled; called, refused as forbidden.
import { PymemError } from "./errors.js";
import { builtinFunction, type PyObj } from "./objects.js";
import { nativeObject } from "./nativeObjects.js";
import { markUnsized } from "./unsizedValues.js";

/** The builtin functions the sandbox never runs. */
const FUNCTIONS: ReadonlySet<string> = new Set(["open", "__import__", "exec", "eval", "compile", "globals", "locals", "input", "breakpoint", "dir", "__build_class__"]);

/** The site module's objects, by the class of each (Lib/_sitebuiltins.py). */
const SITE_OBJECTS: Readonly<Record<string, string>> = { exit: "Quitter", quit: "Quitter", help: "_Helper", copyright: "_Printer", credits: "_Printer", license: "_Printer" };

export function forbiddenCall(name: string): PymemError {
  return new PymemError("FORBIDDEN", `'${name}' is not available: pymem evaluates in a sandbox without host access`);
}

const made = new Map<string, PyObj>();

/** The object a forbidden builtin name gives, or undefined for another name. */
export function forbiddenBuiltin(name: string): PyObj | undefined {
  const have = made.get(name);
  if (have !== undefined) return have;
  const cls = SITE_OBJECTS[name];
  let o: PyObj | undefined;
  if (FUNCTIONS.has(name)) {
    o = builtinFunction(name, () => {
      throw forbiddenCall(name);
    });
  } else if (cls !== undefined) {
    const what = `the site module's ${name} (a _sitebuiltins.${cls} object)`;
    o = markUnsized(nativeObject(cls, {
      call: () => {
        throw forbiddenCall(name);
      },
      repr: () => {
        throw new PymemError("UNSUPPORTED", `the repr of ${what}`);
      },
      attr: (n) => {
        throw new PymemError("UNSUPPORTED", `${name}.${n}: ${what} is not modelled`);
      },
    }), what);
  }
  if (o !== undefined) made.set(name, o);
  return o;
}
