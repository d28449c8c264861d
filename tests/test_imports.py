"""No import circles among the archive's modules: a module that needs another's names takes
them from below it, never from a module that imports it back (lazy and type-only imports
count too)."""

import ast
import graphlib
from pathlib import Path

ARCHIVE = Path(__file__).parents[1] / "archive"


def module_name(path: Path) -> str:
    name = ".".join(path.relative_to(ARCHIVE.parent).with_suffix("").parts)
    return name.removesuffix(".__init__")


def imports_of(path: Path, modules: set[str]) -> set[str]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                kept = parts[: len(parts) - node.level + 1]
                base = ".".join([*kept, base] if base else kept)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {module for module in found if module in modules and module != name}


def test_no_module_of_the_archive_imports_one_that_imports_it_back():
    paths = [p for p in ARCHIVE.rglob("*.py") if "migrations" not in p.parts]
    modules = {module_name(p) for p in paths}
    graph = {module_name(p): imports_of(p, modules) for p in paths}
    assert len(graph) > 50  # the whole app was read
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as circle:
        raise AssertionError(f"import circle: {' -> '.join(circle.args[1])}") from None
