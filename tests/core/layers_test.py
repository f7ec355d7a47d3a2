"""The core imports nothing from Django, io, web or cli: dependencies point inward."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "jixiao" / "core"
FORBIDDEN = ("django", "jixiao.io", "jixiao.web", "jixiao.cli", "rich")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_only_inward():
    offenders = {
        str(path.relative_to(CORE)): sorted(
            m for m in imported_modules(path) if m.startswith(FORBIDDEN)
        )
        for path in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
