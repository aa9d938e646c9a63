"""How the window starts a Python process of ours (the keyword analysis, the word segmenter,
the feed refresh), from a pip install and from the self-contained bundle alike.

Installed, it is ``python -m MODULE ARGS``. The bundle has no ``python`` to run: its one
executable starts itself again with a hidden first argument, ``reader --run-module MODULE
ARGS``, which the command line hands to :func:`run_module` before anything else.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

RUN_MODULE = "--run-module"
# The modules that run as processes of their own; the hidden argument starts these only.
MODULES = (
    "reader.analysis",
    "reader.core.segment_server",
    "reader.core.speech_server",
    "reader.feed_refresh",
)


def frozen() -> bool:
    """True in the bundle (PyInstaller sets ``sys.frozen``), False in a Python install."""
    return bool(getattr(sys, "frozen", False))


def command(module: str, args: Sequence[str] = ()) -> list[str]:
    """The program and arguments that run `module` as ``__main__`` with `args`."""
    if module not in MODULES:
        raise ValueError(f"{module} is not one of the reader's processes")
    if frozen():
        return [sys.executable, RUN_MODULE, module, *args]
    return [sys.executable, "-m", module, *args]


def run_module(argv: Sequence[str]) -> int:
    """``MODULE ARGS`` (what follows ``--run-module``): run the module as ``python -m``
    would, its ``sys.argv`` being ``[MODULE, *ARGS]``; its exit status."""
    if not argv or argv[0] not in MODULES:
        name = argv[0] if argv else "nothing"
        print(f"reader: {RUN_MODULE} runs one of {', '.join(MODULES)}, not {name}", file=sys.stderr)
        return 1
    import runpy  # only here: the command line imports this module on every start

    sys.argv = list(argv)
    try:
        runpy.run_module(argv[0], run_name="__main__", alter_sys=True)
    except SystemExit as e:  # the module's own sys.exit(): its status, as the process's
        code = e.code
        if code is None or isinstance(code, int):
            return code or 0
        print(code, file=sys.stderr)
        return 1
    return 0
