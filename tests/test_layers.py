"""The layers of the package: lower layers never import higher ones, and no modules import each
other in a circle.

    base < model < reading, rules (independent of each other) < render < the API (wcplan) < cli

Every import counts, those inside functions included (they run too, only later); an import
under `if TYPE_CHECKING:` counts as well. Each subpackage's docstring says what it may import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "wcplan"
#: Each layer, and the layers it may import (itself included).
LAYERS = {
    "base": {"base"},
    "model": {"base", "model"},
    "reading": {"base", "model", "reading"},
    "rules": {"base", "model", "rules"},
    "render": {"base", "model", "rules", "render"},
    "api": {"base", "model", "reading", "rules", "render", "api"},
    "cli": {"base", "model", "reading", "rules", "render", "api", "cli"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "api"  # wcplan/__init__.py: the public API
    if parts[1] == "__main__":
        return "cli"
    return parts[1]


def imports(module: str) -> set[str]:
    """The wcplan modules that `module` imports, anywhere in it."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{module}: relative import"
            base = node.module or ""
            # `from wcplan.render import text` imports the module wcplan.render.text
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for name in names:
            if name == "wcplan" or name.startswith("wcplan."):
                while name not in MODULES:  # a name inside a module: the module
                    name = name.rpartition(".")[0]
                found.add(name)
    found.discard(module)
    return found


GRAPH = {module: imports(module) for module in MODULES}


def test_every_module_is_in_a_layer():
    assert {layer(m) for m in MODULES} <= set(LAYERS)
    for package in ("base", "model", "reading", "rules", "render", "cli"):
        assert f"wcplan.{package}" in MODULES, f"wcplan/{package}/__init__.py is missing"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module):
    allowed = LAYERS[layer(module)]
    wrong = sorted(m for m in GRAPH[module] if layer(m) not in allowed)
    assert not wrong, f"{module} ({layer(module)}) may not import {wrong}"


def test_no_modules_import_each_other():
    """No cycle of any length: Tarjan's strongly connected components are all single modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(GRAPH[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert not cycles, f"modules that import each other: {cycles}"


def test_every_subpackage_says_what_it_holds_and_may_import():
    for package in ("base", "model", "reading", "rules", "render", "cli"):
        doc = ast.get_docstring(ast.parse(MODULES[f"wcplan.{package}"].read_text(encoding="utf-8")))
        assert doc and ("import" in doc.lower()), f"wcplan.{package} has no docstring naming its imports"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_400_lines(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= 400, f"{module} has {lines} lines: split it by what it does"
