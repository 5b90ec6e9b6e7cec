// smol-toml, behind one module: `pymem check` and a pyproject's `python` key load it
// on demand (a dynamic import of this file), so other commands never do.
export { parse as parseToml, TomlError } from "smol-toml";
