"""Differential fuzz of set programs: random construction, algebra, discard,
pop and update sequences over ints, floats, complex, Decimals, tuples,
frozensets and instances with a user __hash__, measured by the real CPython
3.10 into fixtures/3.10/fuzz-sets.jsonl (git-ignored), then compared by

    PYENV_VERSION=3.10.13 python3 scripts/fuzz-sets.py SEED COUNT
    npx tsx scripts/check-fixtures.ts --file=fuzz-sets.jsonl -v

Only keys with deterministic hashes are used, so every figure (table sizes,
iteration order, set.pop) must match exactly. A failing row is a bug to
minimise into a fixture in fixtures/more.py (setorder/setroutes/setkeys).
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fixtures"))
import generate  # noqa: E402

if os.environ.get("PYTHONHASHSEED") != "0":
    # the same seed-0 process generate.py uses, so reruns are reproducible
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

rnd = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
def elem():
    k = rnd.random()
    if k < 0.15: return "K(%d)" % rnd.randrange(-5, 40)
    if k < 0.2: return "H(%d)" % rnd.randrange(-5, 40)
    if k < 0.3: return str(rnd.randrange(-50, 300))
    if k < 0.5: return "%d * 2**%d" % (rnd.randrange(1, 40), rnd.choice([3, 5, 10, 30, 32, 40, 60, 61, 64]))
    if k < 0.6: return "-%d" % rnd.randrange(1, 2**40)
    if k < 0.7: return "%d.5" % rnd.randrange(0, 100)
    if k < 0.8: return "(%d, %d)" % (rnd.randrange(0, 9), rnd.randrange(0, 2**33))
    if k < 0.85: return "2**%d + %d" % (rnd.randrange(60, 130), rnd.randrange(0, 9))
    if k < 0.9: return rnd.choice(["%d.0" % rnd.randrange(0, 300), "True", "False", "%dj" % rnd.randrange(0, 9), "complex(%d, 0)" % rnd.randrange(0, 9)])
    if k < 0.95: return "decimal.Decimal('%d.%d')" % (rnd.randrange(-99, 99), rnd.randrange(0, 99))
    return "frozenset({%d, %d})" % (rnd.randrange(0, 50), rnd.randrange(0, 50))
def setexpr():
    k = rnd.random()
    if k < 0.4: return "{" + ", ".join(elem() for _ in range(rnd.randrange(0, 25))) + "}"
    if k < 0.6: return "set(range(%d, %d, %d))" % (rnd.randrange(-20, 20), rnd.randrange(20, 400), rnd.randrange(1, 9))
    if k < 0.8: return "set([" + ", ".join(elem() for _ in range(rnd.randrange(0, 40))) + "])"
    return "{x * %d for x in range(%d)}" % (rnd.choice([1, 8, 16, 2**10, 2**32, -3]), rnd.randrange(0, 60))
def stmt():
    k = rnd.randrange(26)
    return [
        "a.add(%s)" % elem(), "a.discard(%s)" % elem(), "a.pop() if a else None", "a.update(b)", "a -= b", "a &= b", "a ^= b", "a |= b",
        "a.difference_update(list(b))", "a.symmetric_difference_update(list(b))", "a = a | b", "a = a - b", "a = a ^ b", "a = a & b",
        "a = a.union(list(b), range(%d))" % rnd.randrange(0, 30), "b = set(a)",
        "a.intersection_update(range(%d))" % rnd.randrange(0, 300), "a = a.difference(dict.fromkeys(b))",
        "a = a.symmetric_difference(dict.fromkeys(b))", "a = set(dict.fromkeys(a))", "a = set(frozenset(a) | b)",
        "a.symmetric_difference_update(dict.fromkeys(b))", "a = a.intersection(dict.fromkeys(b))",
        "a = {x for x in a if hash(x) %% %d}" % rnd.randrange(2, 5), "a.clear()", "a = set(sorted(a, key=lambda x: hash(x)))",
    ][k]
KS = "class K:\n    def __init__(self, v):\n        self.v = v\n    def __eq__(self, o):\n        return isinstance(o, K) and self.v == o.v\n    def __hash__(self):\n        return hash(self.v * 2**32)\n    def __repr__(self):\n        return 'K'\nclass H:\n    def __init__(self, v):\n        self.v = v\n    def __hash__(self):\n        return self.v\n    def __repr__(self):\n        return 'H'\n"
rows = []
for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 200):
    setup = KS + "a = %s\nb = %s\n" % (setexpr(), setexpr()) + "\n".join(stmt() for _ in range(rnd.randrange(0, 8)))
    for e in ["[getattr(x, 'v', 0) for x in a][:4]", "a", "b", "list(a)[:3]", "[a.pop() for _ in range(min(3, len(a)))]", "a ^ b", "b - a", "frozenset(a) & b", "list(a ^ b)[:2]", "list(b - a)[-2:]", "list(a | b)[1:3]"]:
        rows.append(generate.measure("fuzz/%s/%d-%s" % (sys.argv[1] if len(sys.argv) > 1 else 1, i, e[:3]), e, setup))
with open(generate.versions.fixture_path("fuzz-sets.jsonl"), "w") as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows))
