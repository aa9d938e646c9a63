"""PySide loaded early, with its check of every later import made cheaper.

Called by the command line before the GUI's own modules are imported, so that they all
meet the cheaper check (``reader.core.internals.faster_pyside_import_check``).
"""

from __future__ import annotations

import PySide6.QtCore  # noqa: F401  (loads PySide's import hook and its helpers)

from reader.core import internals


def install() -> bool:
    return internals.faster_pyside_import_check()
