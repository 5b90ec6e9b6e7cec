// The csv module: _csv's reader, writer, Dialect, Error, dialect registry and
// field_size_limit natively (csvReader.ts, csvWriter.ts, csvDialect.ts), and
// what Lib/csv.py writes in Python — Dialect, excel, excel_tab, unix_dialect,
// DictReader, DictWriter — run from its own source once per evaluation, so
// DictReader's rows are dict(zip(fieldnames, row)) as CPython builds them and
// its instances are sized as the Python objects they are.
import { parseModule } from "../python/parse.js";
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { execBlock } from "./exec.js";
import { toIndex } from "./numbers.js";
import { builtinFunction as fn, None, pyInt, pyStr, type Kwargs, type PyModuleObj, type PyObj, type Scope } from "./objects.js";
import { newListExact } from "./lists.js";
import { strText } from "./text.js";
import { csvError, csvErrorClass, dialectRegistry, makeDialect, QUOTE_ALL, QUOTE_MINIMAL, QUOTE_NONE, QUOTE_NONNUMERIC } from "./csvDialect.js";
import { fieldLimit, readerCall } from "./csvReader.js";
import { writerCall } from "./csvWriter.js";
import { newBuiltinType } from "./typeObjects.js";

/**
 * Lib/csv.py's classes (3.12's text: its DictReader/DictWriter turn an iterator of field names into
 * a list, which 3.8-3.11 do not — that case is refused — and 3.12's DictWriter stores
 * extrasaction.lower(), a str the instance's dict holds, not reached by the deep walk).
 */
const SOURCE = `
class Dialect:
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e))

class excel(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\\r\\n'
    quoting = QUOTE_MINIMAL

class excel_tab(excel):
    delimiter = '\\t'

class unix_dialect(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\\n'
    quoting = QUOTE_ALL

class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            _iterator_fieldnames()
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d

class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            _iterator_fieldnames()
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'"
                             % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))
`;

const PY_CLASSES = ["Dialect", "excel", "excel_tab", "unix_dialect", "DictReader", "DictWriter"] as const;

function dialectCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  return makeDialect(args[0], kw).obj;
}

function nativeAttrs(): [string, PyObj][] {
  // type(reader) and type(writer): _csv's types (heap types from 3.10); the module offers factories.
  newBuiltinType("reader", null, [], "extension");
  newBuiltinType("writer", null, [], "extension");
  newBuiltinType("Dialect", null, [], "extension");
  return [
    ["reader", fn("reader", readerCall)],
    ["writer", fn("writer", writerCall)],
    ["Error", csvErrorClass()],
    ["QUOTE_MINIMAL", pyInt(QUOTE_MINIMAL)],
    ["QUOTE_ALL", pyInt(QUOTE_ALL)],
    ["QUOTE_NONNUMERIC", pyInt(QUOTE_NONNUMERIC)],
    ["QUOTE_NONE", pyInt(QUOTE_NONE)],
    ["register_dialect", fn("register_dialect", (args, kw) => {
      const [name, dialect] = args;
      if (name === undefined || name.t !== "str") throw typeError("dialect name must be a string");
      dialectRegistry().set(strText(name), makeDialect(dialect, kw).obj);
      return None;
    })],
    ["get_dialect", fn("get_dialect", ([name]) => {
      const d = name !== undefined && name.t === "str" ? dialectRegistry().get(strText(name)) : undefined;
      if (d === undefined) throw csvError("unknown dialect");
      return d;
    })],
    ["unregister_dialect", fn("unregister_dialect", ([name]) => {
      if (name === undefined || name.t !== "str" || !dialectRegistry().delete(strText(name))) throw csvError("unknown dialect");
      return None;
    })],
    ["list_dialects", fn("list_dialects", () => newListExact([...dialectRegistry().keys()].map((k) => pyStr(k))))],
    ["field_size_limit", fn("field_size_limit", ([limit]) => {
      if (limit === undefined) return pyInt(fieldLimit());
      if (limit.t !== "int") throw typeError("limit must be an integer");
      return pyInt(fieldLimit(toIndex(limit)));
    })],
  ];
}

/** Lib/csv.py's classes, run once per evaluation over the native names; the registry gets its three dialects. */
function pythonClasses(natives: readonly [string, PyObj][]): ReadonlyMap<string, PyObj> {
  const state = ctx().moduleState;
  let made = state.get("csv classes") as ReadonlyMap<string, PyObj> | undefined;
  if (made !== undefined) return made;
  const parsed = parseModule(SOURCE, { nestedFStrings: false, matchStatement: false });
  if (!parsed.ok) throw new PymemError("INTERNAL", `csv's own source does not parse: ${parsed.error.message}`);
  const vars = new Map<string, PyObj>([["__name__", pyStr("csv")], ...natives,
    ["_Dialect", fn("Dialect", dialectCall)],
    ["_iterator_fieldnames", fn("_iterator_fieldnames", () => {
      throw new PymemError("UNSUPPORTED", "csv.DictReader/DictWriter with an iterator of field names (3.12 makes it a list, 3.8-3.11 do not)");
    })],
  ]);
  const globals: Scope = { vars, fast: null, parent: null };
  execBlock(parsed.value, globals, new Map());
  const out = new Map<string, PyObj>();
  for (const name of PY_CLASSES) {
    const v = vars.get(name) as PyObj;
    // Standard-library classes: their instances are leaves of the deep walk.
    if (v.t === "class") (v as { stdlib?: boolean }).stdlib = true;
    out.set(name, v);
  }
  state.set("csv classes", (made = out));
  return made;
}

/** The csv module: its native table made at the first import, its Python classes per evaluation. */
export function csvModule(): PyModuleObj {
  let natives: [string, PyObj][] | undefined;
  let table: ReadonlyMap<string, PyObj> | undefined;
  const getNatives = (): [string, PyObj][] => (natives ??= nativeAttrs());
  return {
    t: "module",
    name: "csv",
    get attrs(): ReadonlyMap<string, PyObj> {
      return (table ??= new Map(getNatives()));
    },
    perEvaluation: new Map(PY_CLASSES.map((n): [string, () => PyObj] => [n, () => pythonClasses(getNatives()).get(n) as PyObj])),
  };
}
