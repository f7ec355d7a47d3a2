"""Compare parser output (jixiao/parse@1) with hand-checked gold files, field by field.

Usage: goldcmp.py GOLD_DIR PARSED_DIR [--show N]
GOLD_DIR holds NAME.json gold files; PARSED_DIR holds NAME.json parser outputs
(one jixiao/parse@1 object, or a list of them, or {"forms": [...]}).
Prints per-file accuracy and a last line "fields A/B (P%)"; exit 0 always.
"""

import json
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

NUMERIC_KEYS = {
    "initial_budget",
    "budget",
    "total_budget",
    "executed",
    "previous_budget",
    "previous_executed",
    "execution_rate",
    "execution_weight",
    "execution_score",
    "weight",
    "score",
    "total_score",
    "amount",
}


def norm_text(v):
    if isinstance(v, str):
        v = re.sub(r"\s+", " ", v.replace("\u3000", " ")).strip()
        v = re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", v)
    return v


def norm(key, v):
    if v is None or v == "" or v == []:
        return None
    if key in NUMERIC_KEYS and isinstance(v, (str, int, float)):
        try:
            return Decimal(str(v).replace(",", "").rstrip("%")).normalize()
        except InvalidOperation:
            return norm_text(v)
    return norm_text(v)


def flatten(obj, prefix=""):
    out = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            p = f"{prefix}.{k}" if prefix else k
            if isinstance(v, (dict, list)) and v not in ([], {}):
                out.update(flatten(v, p))
            else:
                out[p] = norm(k, v)
    elif isinstance(obj, list):
        key = prefix.rsplit(".", 1)[-1]
        for i, v in enumerate(obj):
            if isinstance(v, (dict, list)):
                out.update(flatten(v, f"{prefix}[{i}]"))
            else:  # lists of text (category, funds_use) are compared item by item
                out[f"{prefix}[{i}]"] = norm(key, v)
    return out


def load_forms(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(data, list):
        forms = []
        for d in data:
            forms.extend(d.get("forms", []))
        return forms
    return data.get("forms", [])


def main():
    gold_dir, parsed_dir = Path(sys.argv[1]), Path(sys.argv[2])
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    total = matched = 0
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        skip = {(u["form"], u["path"]) for u in gold.get("uncertain", [])}
        parsed_file = parsed_dir / gold_file.name
        parsed_forms = load_forms(parsed_file) if parsed_file.exists() else []
        f_total = f_matched = 0
        misses = []
        for i, gform in enumerate(gold["forms"]):
            g = flatten(gform)
            p = flatten(parsed_forms[i]) if i < len(parsed_forms) else {}
            for path, gv in g.items():
                if gv is None or any(i == f and path.startswith(sp) for f, sp in skip):
                    continue
                f_total += 1
                if p.get(path) == gv:
                    f_matched += 1
                else:
                    misses.append(f"  form {i} {path}: gold={gv!r} got={p.get(path)!r}")
        total += f_total
        matched += f_matched
        pct = 100 * f_matched / f_total if f_total else 100
        print(
            f"{gold_file.name}: {f_matched}/{f_total} ({pct:.1f}%) forms gold={len(gold['forms'])} parsed={len(parsed_forms)}"
        )
        for m in misses[:show]:
            print(m[:300])
    pct = 100 * matched / total if total else 0
    print(f"fields {matched}/{total} ({pct:.1f}%)")


if __name__ == "__main__":
    main()
