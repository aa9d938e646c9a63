"""A cheaper answer to the question PySide asks of every module the app imports.

Once PySide is loaded, its import hook asks of each module an import statement names for
the first time whether the module uses PySide (for its opt-in ``__feature__`` switches),
by searching the module's source for "PySide6" through ``inspect.getsource``: ~0.2 ms a
module, ~15 ms for the ~70 modules imported before the window paints. Reading the file's
bytes gives the same answer in a fraction of that. Only that question is answered
differently: where PySide's helper is not found (another version), nothing changes.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)


def install() -> None:
    """Replace PySide's source check with a byte search of the module's file."""
    import PySide6.QtCore  # noqa: F401  (loads PySide's import hook and its helpers)

    feature = sys.modules.get("shibokensupport.feature")
    slow = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or slow is None or hasattr(slow, "fallback"):
        return  # not this PySide's helper, or already replaced

    def uses_pyside(module: object) -> bool:
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return slow(module)  # built-in, extension or source-less: PySide's own answer
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return slow(module)

    uses_pyside.fallback = slow  # type: ignore[attr-defined]  # a mark on the function object
    vars(feature)["_mod_uses_pyside"] = uses_pyside  # a module without stubs
    log.debug("PySide's import check reads module files directly")
