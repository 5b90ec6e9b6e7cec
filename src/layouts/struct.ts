// C structs as data: a version's layout declares each struct member by member
// as its header does, sizes follow from the members, and `pymem explain`
// prints the same members. Padding the compiler inserts is a member too
// ("(padding)"), so the members always add up to sizeof.

/** One member: its name, its C type as declared, its size in bytes. */
export interface CField {
  readonly name: string;
  readonly ctype: string;
  readonly size: number;
}

export interface CStruct {
  readonly name: string;
  /** Members in memory order; embedded structs (PyObject_HEAD, od_dict …) flattened into theirs. */
  readonly fields: readonly CField[];
  /** sizeof, or the size a __sizeof__ counts for the fixed part (offsetof of a trailing array). */
  readonly size: number;
}

/** A member: a field, or a struct embedded as its first members (PyObject_HEAD, `PyDictObject od_dict`). */
export type Member = CField | { readonly embed: CStruct };

export function cstruct(name: string, members: readonly Member[]): CStruct {
  const fields = members.flatMap((m) => ("embed" in m ? m.embed.fields : [m]));
  return { name, fields, size: fields.reduce((n, f) => n + f.size, 0) };
}

export function field(name: string, ctype: string, size: number): CField {
  return { name, ctype, size };
}

/** A member whose type is a struct, shown as one member (`PyNumberMethods as_number`). */
export function structField(name: string, s: CStruct): CField {
  return { name, ctype: s.name, size: s.size };
}

export function padding(size: number): CField {
  return { name: "(padding)", ctype: "", size };
}

/** offsetof(s, name). */
export function offsetOf(s: CStruct, name: string): number {
  let off = 0;
  for (const f of s.fields) {
    if (f.name === name) return off;
    off += f.size;
  }
  throw new Error(`${s.name} has no member ${name}`);
}
