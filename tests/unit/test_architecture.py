"""The shape of the package, as docs/architecture.md draws it: layers import downwards only,
the window reaches its stand through the session's desks, no import circle anywhere.

Imports are read from the source (module level, inside functions and under TYPE_CHECKING
alike), so a lazy import is held to the same rules as any other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "posapp"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def imported(name: str) -> Iterator[str]:
    """Every module *name* imports (posapp's modules resolved; others by their full name)."""
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield full if full in MODULES else base


def posapp_imports(name: str) -> set[str]:
    return {m for m in imported(name) if m in MODULES and m != name}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


#: What each layer may import of posapp (DESIGN.md: imports point down only). The leaf
#: modules posapp, posapp.resources and posapp.logs may be imported by every layer.
ALLOWED = {
    "domain": {"domain"},
    "store": {"domain", "store"},
    "printing": {"domain", "printing"},
    "sync": {"domain", "store", "sync"},
    "bootstrap": {"domain", "store"},
    "services": {"domain", "store", "printing", "sync", "services", "bootstrap"},
    "cli": {"domain", "services", "cli", "bootstrap", "printing", "ui"},
    "ui": {"domain", "services", "ui", "bootstrap"},
}
LEAVES = {"posapp", "posapp.resources", "posapp.logs"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_module_imports_only_the_layers_below_it(module: str) -> None:
    own = layer(module)
    if module in LEAVES:
        return
    wrong = sorted(m for m in posapp_imports(module)
                   if m not in LEAVES and layer(m) not in ALLOWED[own])
    assert wrong == [], f"{module} ({own}) may not import {wrong}"


ENTRIES = {"posapp.ui.app", "posapp.ui.organizer.app"}


def test_the_cli_reaches_the_windows_only_through_their_entries() -> None:
    """The command line imports the stand's and the organizer's app modules (which import
    Qt inside their functions) and nothing else of the UI."""
    wrong = sorted({(m, i) for m in MODULES if layer(m) == "cli"
                    for i in posapp_imports(m) if layer(i) == "ui" and i not in ENTRIES})
    assert wrong == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) != "ui"))
def test_only_the_ui_imports_qt(module: str) -> None:
    assert not [m for m in imported(module) if m.startswith(("PySide6", "shiboken6"))]


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) == "ui"))
def test_the_window_never_touches_storage(module: str) -> None:
    """No SQLAlchemy, no store, no sync, no printing in posapp/ui, and no unit of work or
    stand handle reached through the session: every use case is a desk method."""
    heavy = sorted(m for m in imported(module) if m.startswith(
        ("sqlalchemy", "posapp.store", "posapp.sync", "posapp.printing", "alembic")))
    assert heavy == []
    reached = sorted({node.attr for node in ast.walk(TREES[module])
                      if isinstance(node, ast.Attribute) and node.attr in ("uow", "handle")})
    assert reached == [], f"{module} reaches the stand's {reached}"


def test_there_is_no_import_circle_in_the_package() -> None:
    graph = {name: posapp_imports(name) for name in MODULES}
    circles = [sorted(c) for c in strongly_connected(graph) if len(c) > 1]
    assert circles == []


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
    return found


def test_the_circle_finder_finds_a_circle() -> None:
    """The check above can fail: a made-up a -> b -> c -> a is found, a tree is not."""
    assert sorted(map(sorted, strongly_connected(
        {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}))) == [["a", "b", "c"], ["d"]]


MAX_LINES = 350


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_fits_a_screen_of_reading_or_says_why(module: str) -> None:
    """No module past about 350 lines without a reason written at its top (a line starting
    with 'Longer than a screen:' in its docstring)."""
    source = MODULES[module].read_text(encoding="utf-8")
    if source.count("\n") <= MAX_LINES:
        return
    doc = ast.get_docstring(TREES[module]) or ""
    assert "Longer than a screen:" in doc, f"{module}: {source.count(chr(10))} lines"
