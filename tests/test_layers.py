"""The package's layers, read from the imports of every module under reader/.

core/ is pure Python (no Qt, no store); store/ is sqlite3 over core; the service layer
(library.py and its neighbours) is what the CLI and the window call; gui/ alone speaks
PySide6 and reaches the data only through reader.library.Library and core records.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "reader"
QT_PACKAGES = ("PySide6", "shiboken6")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    """The absolute name an ImportFrom refers to (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _imports(module: str, path: Path) -> Iterator[str]:
    """Every module name imported anywhere in the file (functions and TYPE_CHECKING too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, node, is_package)
            # `from reader.x import y` imports reader.x.y when that is a module, else a
            # name of reader.x.
            submodules = [f"{target}.{a.name}" for a in node.names]
            yield from (name for name in submodules if name in MODULES)
            if not all(name in MODULES for name in submodules):
                yield target


def _ours(name: str) -> str | None:
    """The module of ours an import names (None when not ours). reader.resources and
    reader.seeds are data packages (resources/, seeds/ in the repository), not code."""
    return name if name in MODULES else None


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        edges = {_ours(name) for name in _imports(module, path)}
        # Importing reader.x.y runs reader/__init__ and reader/x/__init__ too, but those
        # parents are not edges of the design: only the module named is.
        graph[module] = {edge for edge in edges if edge and edge != module}
    return graph


GRAPH = _graph()
RAW_IMPORTS = {module: set(_imports(module, path)) for module, path in MODULES.items()}


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's components of more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _offences(source: str, allowed: tuple[str, ...]) -> list[str]:
    """Imports of ours from modules in `source` that land outside the `allowed` packages."""
    return sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        if _in(module, source)
        for target in targets
        if _in(target, "reader") and not any(_in(target, ok) for ok in allowed)
    )


def test_the_graph_sees_the_package() -> None:
    assert "reader.library" in GRAPH and "reader.gui.mainwindow" in GRAPH
    assert "reader.store.db" in GRAPH["reader.store.articles"]


def test_no_import_cycles() -> None:
    cycles = _strongly_connected(GRAPH)
    assert not cycles, "import cycles among reader modules:\n" + "\n".join(
        " ⇄ ".join(component) for component in cycles
    )


def test_core_imports_only_core() -> None:
    offences = _offences("reader.core", ("reader.core",))
    assert not offences, "reader.core imports outside core:\n" + "\n".join(offences)


def test_store_imports_only_core_and_store() -> None:
    offences = _offences("reader.store", ("reader.core", "reader.store"))
    assert not offences, "reader.store imports above it:\n" + "\n".join(offences)


def test_gui_does_not_reach_the_store() -> None:
    offences = [
        offence
        for offence in _offences("reader.gui", ("reader.core", "reader.gui", "reader.library"))
        if offence.split(" -> ")[1].startswith("reader.store")
    ]
    assert not offences, "reader.gui imports reader.store (use Library):\n" + "\n".join(offences)


def test_qt_only_in_gui() -> None:
    offences = sorted(
        f"{module} -> {name}"
        for module, names in RAW_IMPORTS.items()
        if not _in(module, "reader.gui")
        for name in names
        if name.split(".")[0] in QT_PACKAGES
    )
    assert not offences, "Qt imported outside reader.gui:\n" + "\n".join(offences)


def test_core_and_store_import_without_qt() -> None:
    names = [m for m in MODULES if _in(m, "reader.core") or _in(m, "reader.store")]
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r})\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
