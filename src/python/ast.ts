// The Python 3.10 abstract syntax tree pymem evaluates, shaped after CPython's
// Python/Python.asdl. Every node carries a span: 1-based line and column of its
// first character and of the character just past its end, counted in code points.

export interface Span {
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** A literal's value, as CPython's parser hands it to the compiler. */
export type ConstValue =
  | { readonly t: "int"; readonly v: bigint }
  | { readonly t: "float"; readonly v: number }
  | { readonly t: "complex"; readonly imag: number } // the literal `3j`: real part 0
  /**
   * joinsSurrogates: the literal's escapes put a lone high surrogate before a lone low one
   * ('\ud83d\ude00'): two code points in CPython, one astral character in the JS text.
   */
  | { readonly t: "str"; readonly v: string; readonly joinsSurrogates?: true }
  | { readonly t: "bytes"; readonly v: Uint8Array }
  | { readonly t: "bool"; readonly v: boolean }
  | { readonly t: "None" }
  | { readonly t: "Ellipsis" };

export type BinOpName =
  | "Add" | "Sub" | "Mult" | "MatMult" | "Div" | "Mod" | "Pow"
  | "LShift" | "RShift" | "BitOr" | "BitXor" | "BitAnd" | "FloorDiv";
export type UnaryOpName = "Invert" | "Not" | "UAdd" | "USub";
export type CmpOpName = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

export interface Comprehension {
  readonly target: Expr;
  readonly iter: Expr;
  readonly ifs: readonly Expr[];
  readonly isAsync: boolean;
}

export interface Keyword {
  readonly arg: string | null; // null for **mapping
  readonly value: Expr;
  readonly span: Span;
}

export interface Arg {
  readonly arg: string;
  readonly annotation: Expr | null;
  readonly span: Span;
}

/** Parameters of a lambda or def (CPython's `arguments`). */
export interface Arguments {
  readonly posonlyargs: readonly Arg[];
  readonly args: readonly Arg[];
  readonly vararg: Arg | null;
  readonly kwonlyargs: readonly Arg[];
  readonly kwDefaults: readonly (Expr | null)[]; // one per kwonlyarg
  readonly kwarg: Arg | null;
  readonly defaults: readonly Expr[]; // for the last len(defaults) of posonlyargs + args
}

export type FStringConversion = -1 | "s" | "r" | "a";

export type Expr =
  | { readonly kind: "Constant"; readonly value: ConstValue; readonly span: Span }
  | { readonly kind: "JoinedStr"; readonly values: readonly Expr[]; readonly span: Span } // Constant(str) | FormattedValue
  | {
      readonly kind: "FormattedValue";
      readonly value: Expr;
      readonly conversion: FStringConversion;
      readonly formatSpec: Expr | null; // a JoinedStr
      readonly span: Span;
    }
  | { readonly kind: "Name"; readonly id: string; readonly span: Span }
  | { readonly kind: "Starred"; readonly value: Expr; readonly span: Span }
  | { readonly kind: "List"; readonly elts: readonly Expr[]; readonly span: Span }
  | { readonly kind: "Tuple"; readonly elts: readonly Expr[]; readonly span: Span }
  | { readonly kind: "Set"; readonly elts: readonly Expr[]; readonly span: Span }
  | {
      readonly kind: "Dict";
      readonly keys: readonly (Expr | null)[]; // null: `**mapping` in values[i]
      readonly values: readonly Expr[];
      readonly span: Span;
    }
  | { readonly kind: "ListComp"; readonly elt: Expr; readonly generators: readonly Comprehension[]; readonly span: Span }
  | { readonly kind: "SetComp"; readonly elt: Expr; readonly generators: readonly Comprehension[]; readonly span: Span }
  | { readonly kind: "GeneratorExp"; readonly elt: Expr; readonly generators: readonly Comprehension[]; readonly span: Span }
  | {
      readonly kind: "DictComp";
      readonly key: Expr;
      readonly value: Expr;
      readonly generators: readonly Comprehension[];
      readonly span: Span;
    }
  | { readonly kind: "BinOp"; readonly op: BinOpName; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: "UnaryOp"; readonly op: UnaryOpName; readonly operand: Expr; readonly span: Span }
  | { readonly kind: "BoolOp"; readonly op: "And" | "Or"; readonly values: readonly Expr[]; readonly span: Span }
  | {
      readonly kind: "Compare";
      readonly left: Expr;
      readonly ops: readonly CmpOpName[];
      readonly comparators: readonly Expr[];
      readonly span: Span;
    }
  | { readonly kind: "IfExp"; readonly test: Expr; readonly body: Expr; readonly orelse: Expr; readonly span: Span }
  | { readonly kind: "Lambda"; readonly args: Arguments; readonly body: Expr; readonly span: Span }
  | { readonly kind: "NamedExpr"; readonly target: Expr; readonly value: Expr; readonly span: Span }
  | {
      readonly kind: "Call";
      readonly func: Expr;
      readonly args: readonly Expr[]; // may contain Starred
      readonly keywords: readonly Keyword[];
      readonly span: Span;
    }
  | { readonly kind: "Attribute"; readonly value: Expr; readonly attr: string; readonly span: Span }
  | { readonly kind: "Subscript"; readonly value: Expr; readonly slice: Expr; readonly span: Span }
  | {
      readonly kind: "Slice";
      readonly lower: Expr | null;
      readonly upper: Expr | null;
      readonly step: Expr | null;
      readonly span: Span;
    }
  | { readonly kind: "Await"; readonly value: Expr; readonly span: Span }
  | { readonly kind: "Yield"; readonly value: Expr | null; readonly span: Span }
  | { readonly kind: "YieldFrom"; readonly value: Expr; readonly span: Span };

export type ExprKind = Expr["kind"];
export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;

export interface Alias {
  readonly name: string; // dotted for `import a.b`
  readonly asname: string | null;
  readonly span: Span;
}

export interface ExceptHandler {
  /** `except*` (PEP 654, 3.11+): the handler takes the matching part of an exception group. */
  readonly star?: true;
  readonly type: Expr | null;
  readonly name: string | null;
  readonly body: readonly Stmt[];
  readonly span: Span;
}

export interface WithItem {
  readonly contextExpr: Expr;
  readonly optionalVars: Expr | null;
}

export type Stmt =
  | { readonly kind: "Expr"; readonly value: Expr; readonly span: Span }
  | { readonly kind: "Assign"; readonly targets: readonly Expr[]; readonly value: Expr; readonly span: Span }
  | { readonly kind: "AugAssign"; readonly target: Expr; readonly op: BinOpName; readonly value: Expr; readonly span: Span }
  | {
      readonly kind: "AnnAssign";
      readonly target: Expr;
      readonly annotation: Expr;
      readonly value: Expr | null;
      readonly simple: boolean; // target is a bare Name, not parenthesised
      readonly span: Span;
    }
  | { readonly kind: "Delete"; readonly targets: readonly Expr[]; readonly span: Span }
  | { readonly kind: "Pass"; readonly span: Span }
  | { readonly kind: "Break"; readonly span: Span }
  | { readonly kind: "Continue"; readonly span: Span }
  | { readonly kind: "Return"; readonly value: Expr | null; readonly span: Span }
  | { readonly kind: "Raise"; readonly exc: Expr | null; readonly cause: Expr | null; readonly span: Span }
  | { readonly kind: "Global"; readonly names: readonly string[]; readonly span: Span }
  | { readonly kind: "Nonlocal"; readonly names: readonly string[]; readonly span: Span }
  | { readonly kind: "Assert"; readonly test: Expr; readonly msg: Expr | null; readonly span: Span }
  | { readonly kind: "Import"; readonly names: readonly Alias[]; readonly span: Span }
  | {
      readonly kind: "ImportFrom";
      readonly module: string | null;
      readonly names: readonly Alias[]; // a single Alias named "*" for `import *`
      readonly level: number;
      readonly span: Span;
    }
  | { readonly kind: "If"; readonly test: Expr; readonly body: readonly Stmt[]; readonly orelse: readonly Stmt[]; readonly span: Span }
  | { readonly kind: "While"; readonly test: Expr; readonly body: readonly Stmt[]; readonly orelse: readonly Stmt[]; readonly span: Span }
  | {
      readonly kind: "For";
      readonly target: Expr;
      readonly iter: Expr;
      readonly body: readonly Stmt[];
      readonly orelse: readonly Stmt[];
      readonly isAsync: boolean;
      readonly span: Span;
    }
  | {
      readonly kind: "FunctionDef";
      readonly name: string;
      readonly args: Arguments;
      readonly body: readonly Stmt[];
      readonly decorators: readonly Expr[];
      readonly returns: Expr | null;
      readonly isAsync: boolean;
      readonly span: Span;
    }
  | {
      readonly kind: "ClassDef";
      readonly name: string;
      readonly bases: readonly Expr[];
      readonly keywords: readonly Keyword[];
      readonly body: readonly Stmt[];
      readonly decorators: readonly Expr[];
      readonly span: Span;
    }
  | {
      readonly kind: "Try";
      readonly body: readonly Stmt[];
      readonly handlers: readonly ExceptHandler[];
      readonly orelse: readonly Stmt[];
      readonly finalbody: readonly Stmt[];
      readonly span: Span;
    }
  | { readonly kind: "With"; readonly items: readonly WithItem[]; readonly body: readonly Stmt[]; readonly isAsync: boolean; readonly span: Span }
  | { readonly kind: "Match"; readonly subject: Expr; readonly cases: readonly MatchCase[]; readonly span: Span };

/** One `case` of a match statement (PEP 634). */
export interface MatchCase {
  readonly pattern: Pattern;
  readonly guard: Expr | null;
  readonly body: readonly Stmt[];
  readonly span: Span;
}

/** Python.asdl's `pattern`: what a case compares its subject against. */
export type Pattern =
  | { readonly kind: "MatchValue"; readonly value: Expr; readonly span: Span } // a literal (folded when signed/complex) or a dotted name
  | { readonly kind: "MatchSingleton"; readonly value: ConstValue; readonly span: Span } // None, True, False: compared by identity
  | { readonly kind: "MatchSequence"; readonly patterns: readonly Pattern[]; readonly span: Span }
  | {
      readonly kind: "MatchMapping";
      readonly keys: readonly Expr[];
      readonly patterns: readonly Pattern[];
      readonly rest: string | null; // `**rest`
      readonly span: Span;
    }
  | {
      readonly kind: "MatchClass";
      readonly cls: Expr;
      readonly patterns: readonly Pattern[];
      readonly kwdAttrs: readonly string[];
      readonly kwdPatterns: readonly Pattern[];
      readonly span: Span;
    }
  | { readonly kind: "MatchStar"; readonly name: string | null; readonly span: Span } // `*rest` / `*_` in a sequence pattern
  | { readonly kind: "MatchAs"; readonly pattern: Pattern | null; readonly name: string | null; readonly span: Span } // capture, `_`, `p as name`
  | { readonly kind: "MatchOr"; readonly patterns: readonly Pattern[]; readonly span: Span };

export type StmtKind = Stmt["kind"];
