"""List the modules of jixiao that no test file names (a report, never a failure)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Print each module whose name appears in no test file."""
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    missing = []
    for module in sorted((ROOT / "jixiao").rglob("*.py")):
        if module.name in {"__init__.py", "__main__.py"}:
            continue
        dotted = ".".join(module.relative_to(ROOT).with_suffix("").parts)
        code = module.stem.replace("_", "-")  # a check module is tested through its code
        if dotted not in tests and f"{module.stem}_test" not in tests and f'"{code}"' not in tests:
            missing.append(dotted)
    print(f"modules named by no test: {len(missing)}" + "".join(f"\n  {m}" for m in missing))


if __name__ == "__main__":
    main()
