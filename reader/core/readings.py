"""Readings of Chinese text, word by word: pinyin (tone marks or numbers), zhuyin, jyutping.

Pure Python, no Qt. The words come from our segmenter (the article's segmentation), so a
polyphonic character is read as the word it stands in: 银行 yín háng, 行长 háng zhǎng.

* Mandarin: pypinyin, whose phrase dictionary chooses the reading of each word. It reads
  simplified text best, so a traditional word is read through its simplified form
  (t2s, kept only where that keeps one character for one).
* Cantonese: xjyutping, which reads traditional text; a simplified word is read through
  its traditional form (s2hk) the same way.

A reading has one syllable per Han character, separated by spaces; text without Han
characters reads as "". A Han character neither library knows (𠮷) is its own syllable,
so the syllables still line up with the characters.

Both libraries load when first used, never at import, and in a way that never holds
Python's lock for long (:mod:`reader.core.internals`; tests/perf/bench_lookup.py, "first
lookup in the window").
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.core import internals, memory, scripts

log = logging.getLogger(__name__)

MARKS = "marks"
NUMBERS = "numbers"
ZHUYIN = "zhuyin"
JYUTPING = "jyutping"
FORMATS = (MARKS, NUMBERS, ZHUYIN, JYUTPING)

# The reading the window shows (the popup's first, 拼音 mode's): the reader's choice, or
# by default pinyin, and jyutping in the Hong Kong script views.
AUTO = "auto"
CHOICES = (AUTO, MARKS, ZHUYIN, JYUTPING)
HK_VIEWS = ("s2hk", "s2hkp", "t2hk")


def shown_format(choice: str, config: str | None) -> str:
    """The format shown for the reader's `choice` (one of CHOICES; anything else counts
    as AUTO) in the script view `config`."""
    if choice in (MARKS, ZHUYIN, JYUTPING):
        return choice
    return JYUTPING if config in HK_VIEWS else MARKS


# CJK Unified Ideographs with their extensions and the compatibility block.
HAN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U0003134f]"
)
_HAN_RUN = re.compile(f"{HAN.pattern}+")


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


@dataclass(frozen=True)
class Piece:
    """A stretch of text and its reading ("" when it has no Han characters)."""

    text: str
    reading: str


class UnknownFormat(ValueError):  # noqa: N818 - reads as what happened
    def __init__(self, fmt: object) -> None:
        super().__init__(f"unknown reading format {fmt!r}; valid: {' '.join(FORMATS)}")


class _Engines:
    """pypinyin and xjyutping, each loaded once, when first asked for."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pinyin: Any = None
        self._jyutping: Any = None

    def jyutping_loaded(self) -> bool:
        return self._jyutping is not None

    def pinyin(self) -> Any:
        if self._pinyin is None:
            with self._lock:
                if self._pinyin is None:
                    with memory.loading_for_good():
                        self._pinyin = internals.import_pypinyin()
        return self._pinyin

    def jyutping(self) -> Any:
        if self._jyutping is None:
            with self._lock:
                if self._jyutping is None:
                    with memory.loading_for_good():
                        self._jyutping = internals.new_jyutping()
        return self._jyutping


_ENGINES = _Engines()


def jyutping_ready() -> bool:
    """Whether xjyutping is loaded (else the next Cantonese reading loads it)."""
    return _ENGINES.jyutping_loaded()


def warm_up(jyutping: bool = False) -> None:
    """Load the engines now (off the window's thread) rather than at the first reading."""
    _ENGINES.pinyin()
    if jyutping:
        _ENGINES.jyutping()


def same_length(word: str, config: str) -> str:
    """`word` in another script, or `word` itself when converting would change its length
    (then the syllables would no longer line up with its characters)."""
    converted = scripts.convert(word, config)
    return converted if len(converted) == len(word) else word


def _pypinyin_syllables(run: str, fmt: str) -> list[str]:
    pypinyin = _ENGINES.pinyin()
    style = {
        MARKS: pypinyin.Style.TONE,
        NUMBERS: pypinyin.Style.TONE3,
        ZHUYIN: pypinyin.Style.BOPOMOFO,
    }[fmt]
    syllables: list[str] = pypinyin.lazy_pinyin(
        # One of our words, which pypinyin reads whole when its phrase dictionary has it,
        # else cuts into the phrases it knows (别着急: 别 + 着急 zháo jí).
        run,
        style=style,
        neutral_tone_with_five=True,
        v_to_u=True,
        errors=list,  # an unknown character stays itself, one item each
    )
    return syllables


def _jyutping_syllables(run: str) -> list[str]:
    text: str = _ENGINES.jyutping().get_jyutping(run, " ")
    return text.split(" ")


@functools.lru_cache(maxsize=65536)
def _run_reading(run: str, fmt: str, as_given: bool = False) -> tuple[str, ...]:
    """One syllable per character of a run of Han characters (a word or part of one)."""
    if fmt == JYUTPING:
        syllables = _jyutping_syllables(run if as_given else same_length(run, "s2hk"))
    else:
        syllables = _pypinyin_syllables(run if as_given else same_length(run, "t2s"), fmt)
    if len(syllables) != len(run):  # never expected; keep the promise of one per character
        log.debug("reading of %r came out as %r", run, syllables)
        if len(run) == 1:
            return (run,)
        return tuple(s for char in run for s in _run_reading(char, fmt, as_given))
    # A character no table knows is its own syllable (pypinyin adds the tone 5 to it).
    return tuple(char if HAN.match(s) else s for char, s in zip(run, syllables, strict=True))


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UnknownFormat(fmt)
    return fmt


def syllables(word: str, fmt: str = MARKS, *, as_given: bool = False) -> list[str]:
    """The syllables of the Han characters of `word`, read as one word, in order.
    `as_given`: `word` is already written as its engine reads best (simplified for pinyin
    and zhuyin, traditional for jyutping), as a dictionary's headword is; no script
    converter is asked."""
    check_format(fmt)
    return [s for run in _HAN_RUN.findall(word) for s in _run_reading(run, fmt, as_given)]


def reading(word: str, fmt: str = MARKS, *, as_given: bool = False) -> str:
    """`word`'s reading: its syllables separated by spaces ("" without Han characters)."""
    return " ".join(syllables(word, fmt, as_given=as_given))


def read_words(words: Iterable[str], fmt: str = MARKS) -> list[Piece]:
    """`words` (a text cut into words, in order) with their readings; neighbouring words
    without Han characters are joined into one piece, so the pieces still cover the text."""
    check_format(fmt)
    pieces: list[Piece] = []
    plain: list[str] = []
    for word in words:
        if not word:
            continue
        if not has_han(word):
            plain.append(word)
            continue
        if plain:
            pieces.append(Piece("".join(plain), ""))
            plain = []
        pieces.append(Piece(word, reading(word, fmt)))
    if plain:
        pieces.append(Piece("".join(plain), ""))
    return pieces


def cut(text: str) -> list[str]:
    """`text` cut into words by our segmenter, as read here: traditional text is cut where
    its simplified form is (jieba's dictionary is simplified: 長大 is two words to it, 长大
    one) whenever t2s keeps one character for one."""
    from reader.core import segment  # jieba's dictionary: only when text is to be cut

    simplified = same_length(text, "t2s")
    if simplified == text:
        return segment.cut(text)
    words, start = [], 0
    for word in segment.cut(simplified):
        words.append(text[start : start + len(word)])
        start += len(word)
    return words


def read_text(text: str, fmt: str = MARKS) -> list[Piece]:
    """`text` cut by our segmenter and read word by word."""
    return read_words(cut(text), fmt)


def char_readings(words: Sequence[str], fmt: str = MARKS) -> list[str]:
    """One reading per code point of the text `words` cover ("" for a non-Han one): what
    ruby above each character shows."""
    out: list[str] = []
    for word in words:
        runs = iter(syllables(word, fmt)) if has_han(word) else iter(())
        out.extend(next(runs, "") if HAN.match(char) else "" for char in word)
    return out


# -- pinyin with tone numbers (CC-CEDICT's form) to tone marks -----------------------------


def numbers_to_marks(text: str) -> str:
    """CC-CEDICT's ``yin2 hang2`` / ``lu:4`` as ``yín háng`` / ``lǜ``; other words kept."""
    _ENGINES.pinyin()  # pypinyin loaded our way, before its submodule below loads it
    from pypinyin.contrib.tone_convert import to_tone

    out = []
    for syllable in text.split(" "):
        plain = syllable.replace("u:", "v").replace("U:", "V")
        if re.fullmatch("[A-Za-z]+[1-5]", plain):
            marked = to_tone(plain.lower())
            out.append(marked[0].upper() + marked[1:] if plain[0].isupper() else marked)
        else:
            out.append(syllable)
    return " ".join(out)
