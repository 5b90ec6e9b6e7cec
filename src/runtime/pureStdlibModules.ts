// Standard-library modules that compute without reaching the host (no files,
// sockets, processes, clock or OS randomness): pymem does not model them yet,
// so importing one is UNSUPPORTED (a gap), not FORBIDDEN (what the sandbox
// never offers: os, subprocess, socket, pathlib, inspect's source reading …).
export const PURE_STDLIB_MODULES: ReadonlySet<string> = new Set([
  "types", "shlex", "pprint", "reprlib", "keyword", "difflib", "fnmatch", "base64", "binascii", "html",
  "unicodedata", "graphlib", "ipaddress", "colorsys", "pickle", "copyreg", "warnings", "queue", "urllib.parse",
  "ast", "dis",
]);
