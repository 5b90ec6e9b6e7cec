// A strict reader for the XML pymem writes (JUnit reports): one root element,
// balanced tags, quoted attributes, the five predefined entities and character
// references, nothing but whitespace after the root. Throws on anything else,
// so a test that reads a report proves the whole output is one XML document.
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string, at: number): string {
  if (/[<]/.test(s)) throw new Error(`'<' in text or attribute near offset ${at}`);
  return s.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare '&' near offset ${at}`);
    if (/^#x[0-9a-f]+$/i.test(ref)) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (/^#\d+$/.test(ref)) return String.fromCodePoint(Number(ref.slice(1)));
    const e = ENTITIES[ref];
    if (e === undefined) throw new Error(`unknown entity ${m} near offset ${at}`);
    return e;
  });
}

export function parseXml(doc: string): XmlElement {
  let i = 0;
  const decl = /^<\?xml [^?]*\?>\s*/.exec(doc);
  if (decl !== null) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const name = /[A-Za-z_][\w.-]*/y;
  while (i < doc.length) {
    if (root !== null && stack.length === 0) {
      if (doc.slice(i).trim() !== "") throw new Error(`content after the root element at offset ${i}: ${JSON.stringify(doc.slice(i, i + 40))}`);
      break;
    }
    const lt = doc.indexOf("<", i);
    if (lt < 0) throw new Error("unclosed element at the end of the document");
    const text = doc.slice(i, lt);
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (text.trim() !== "") throw new Error(`text before the root element at offset ${i}`);
    } else top.text += decode(text, i);
    if (doc.startsWith("</", lt)) {
      const gt = doc.indexOf(">", lt);
      const closing = doc.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (open === undefined || open.name !== closing) throw new Error(`</${closing}> closes ${open?.name ?? "nothing"} at offset ${lt}`);
      i = gt + 1;
      continue;
    }
    name.lastIndex = lt + 1;
    const n = name.exec(doc);
    if (n === null) throw new Error(`bad tag at offset ${lt}`);
    let j = name.lastIndex;
    const attrs: Record<string, string> = {};
    const attr = /\s+([A-Za-z_][\w.-]*)="([^"]*)"/y;
    for (;;) {
      attr.lastIndex = j;
      const a = attr.exec(doc);
      if (a === null) break;
      if ((a[1] as string) in attrs) throw new Error(`duplicate attribute ${a[1]} at offset ${j}`);
      attrs[a[1] as string] = decode(a[2] as string, j);
      j = attr.lastIndex;
    }
    const end = /\s*(\/?)>/y;
    end.lastIndex = j;
    const e = end.exec(doc);
    if (e === null) throw new Error(`bad tag at offset ${lt}: ${JSON.stringify(doc.slice(lt, lt + 40))}`);
    const el: XmlElement = { name: n[0], attrs, children: [], text: "" };
    if (top === undefined) root = el;
    else top.children.push(el);
    if (e[1] !== "/") stack.push(el);
    i = end.lastIndex;
  }
  if (root === null || stack.length > 0) throw new Error("the document has no complete root element");
  return root;
}

/** Every element named `name` under `el`, depth first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
