"""Finding search terms in text: normalising, query terms, hit spans and snippets. No SQL.

A query is split on whitespace into terms; a text holds a term when the term is a substring
of it after both went through :func:`normalise`: :func:`reader.core.scripts.fold`
(traditional and variant characters to simplified, so 發展 finds 发展), lower case, and
full-width ASCII to ASCII. ``normalise`` keeps one code point per code point, so offsets
found in normalised text are offsets in the original. The library's index of these
(:mod:`reader.store.search`) finds the articles; this module finds the words in them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from reader.core import scripts
from reader.core.records import display_title

log = logging.getLogger(__name__)

# Code points fold may change end below this (CJK compatibility supplement: U+2FA1F).
_FOLD_LIMIT = 0x40000
# The ranges holding every code point with a different one-character lower case (Python's
# Unicode database; a test checks the whole range), so the table builds in milliseconds.
_CASED = (
    (0x41, 0x5A), (0xC0, 0x24E), (0x370, 0x556), (0x10A0, 0x10CD), (0x13A0, 0x13F5),
    (0x1C90, 0x1CBF), (0x1E00, 0x1FFC), (0x2126, 0x2183), (0x24B6, 0x24CF), (0x2C00, 0x2CF2),
    (0xA640, 0xA69A), (0xA722, 0xA7F5), (0xFF21, 0xFF3A), (0x10400, 0x10427),
    (0x104B0, 0x104D3), (0x10570, 0x10595), (0x10C80, 0x10CB2), (0x118A0, 0x118BF),
    (0x16E40, 0x16E5F), (0x1E900, 0x1E921),
)  # fmt: skip

SNIPPET_WIDTH = 80
ELLIPSIS = "…"
# Marks around the hits in a marked snippet: the CLI's and the list tooltip's. Chinese
# emphasis brackets, read as marks at a glance in either script.
HIT_OPEN, HIT_CLOSE = "【", "】"


# --- normalisation ---------------------------------------------------------------------


@functools.cache
def _case_table() -> list[int]:
    """Dense translate table: full-width ASCII to ASCII, then one-character lower case."""
    from reader.core.opencc_engine import dense_table  # only once a table is built

    table: dict[int, int] = {}
    for first, last in _CASED:
        for code in range(first, last + 1):
            lower = chr(code).lower()
            if len(lower) == 1:
                table[code] = ord(lower)
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII (２０２０, ＣＰＩ)
        table[code] = ord(chr(code - 0xFEE0).lower())
    return dense_table(table)


@functools.cache
def normal_table() -> list[int]:
    """fold then the case table, composed into one table: one pass over the text.

    Built a block of code points at a time: workers build it beside the window's thread,
    and the whole range at once held Python's lock for long in single calls."""
    from reader.core.opencc_engine import code_points

    case = _case_table()
    shared = code_points().__getitem__  # an int object of its own per entry: 8 MB more
    table: list[int] = []
    for start in range(0, _FOLD_LIMIT, 0x4000):
        block = "".join(map(chr, range(start, min(start + 0x4000, _FOLD_LIMIT))))
        table += map(shared, map(ord, scripts.fold(block).translate(case)))
    return table


def prepare() -> None:
    """Build the tables normalising and finding hits need (once per process, too long for
    the window's thread), e.g. on a worker before the window first marks a search."""
    normal_table()
    _variants()


def normalise(text: str) -> str:
    """The text search compares: folded to simplified, lower case; same length as ``text``."""
    # Past the table's end nothing folds or has case: such code points pass unchanged.
    return text.translate(normal_table())


def query_terms(query: str) -> list[str]:
    """The normalised, distinct whitespace-separated terms of a query."""
    return list(dict.fromkeys(normalise(t) for t in query.split()))


# --- snippets ---------------------------------------------------------------------------


class Snippet(NamedTuple):
    """A piece of text with the hits in it; spans count code points of ``text``."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, open_mark: str = HIT_OPEN, close_mark: str = HIT_CLOSE) -> str:
        """The text with every hit wrapped in markers (by default 【】, the CLI's form)."""
        out, last = [], 0
        for start, end in self.spans:
            out += [self.text[last:start], open_mark, self.text[start:end], close_mark]
            last = end
        out.append(self.text[last:])
        return "".join(out)


@functools.cache
def _variants() -> dict[str, str]:
    """Each character that others normalise to -> every code point normalising to it."""
    table = normal_table()
    found: dict[int, list[int]] = {}
    for code, normal in enumerate(table):
        if code != normal:
            found.setdefault(normal, []).append(code)
    return {
        chr(normal): "".join(map(chr, sorted({*codes, normal} if _fixed(normal) else codes)))
        for normal, codes in found.items()
    }


def _fixed(code: int) -> bool:
    """Does this code point normalise to itself?"""
    return code >= _FOLD_LIMIT or normal_table()[code] == code


class TermFinder:
    """Finds normalised terms in *original* text, without normalising the text.

    Each term is looked for in every spelling that normalises to it (发展 as 发展, 發展 and
    髮展; cpi as cpi, CPI, ＣＰＩ …); normalise maps code points one to one, so a spelling
    at p means ``normalise(text)[p:p+len(term)] == term``. Searching the text in C costs a
    fraction of normalising it first."""

    def __init__(self, terms: Iterable[str]) -> None:
        self._terms = [(_spellings(t), len(t)) for t in dict.fromkeys(terms) if t]
        self.single = len(self._terms) == 1

    def holds_all(self, *texts: str) -> bool:
        """Is every term in one of the texts?"""
        for spelled, _ in self._terms:
            for text in texts:
                if _holds(text, spelled):
                    break
            else:
                return False
        return True

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms occur in ``text``; overlapping hits merged, in order."""
        found: list[tuple[int, int]] = []
        for spelled, length in self._terms:
            found += [(at, at + length) for at in _starts(text, spelled)]
        return _merge(found) if len(found) > 1 else found


# More spellings than this (a long term, many characters with variants) become a pattern:
# compiling one costs far more than a find (the charset tables of CJK classes).
_MAX_SPELLINGS = 32


@functools.lru_cache(maxsize=256)
def _spellings(term: str) -> tuple[str, ...] | re.Pattern[str]:
    """Every original spelling of a normalised term, or a pattern matching them all."""
    variants = _variants()
    groups = []
    count = 1
    for char in term:
        group = variants.get(char, char if _fixed(ord(char)) else "")
        if not group:
            return ()  # nothing normalises to this character: the term is nowhere
        groups.append(group)
        count *= len(group)
    if count <= _MAX_SPELLINGS:
        return tuple(map("".join, itertools.product(*groups)))
    return re.compile("".join(re.escape(g) if len(g) == 1 else f"[{re.escape(g)}]" for g in groups))


def _holds(text: str, spelled: tuple[str, ...] | re.Pattern[str]) -> bool:
    """Does one of the spellings occur in ``text``?"""
    if isinstance(spelled, tuple):
        return any(map(text.__contains__, spelled))
    return spelled.search(text) is not None


def _starts(text: str, spelled: tuple[str, ...] | re.Pattern[str]) -> list[int]:
    """Every position where one of the spellings starts (overlapping ones too)."""
    starts = []
    if isinstance(spelled, tuple):
        for spelling in spelled:
            at = text.find(spelling)
            while at >= 0:
                starts.append(at)
                at = text.find(spelling, at + 1)
    else:
        found = spelled.search(text)
        while found:
            starts.append(found.start())
            found = spelled.search(text, found.start() + 1)
    return starts


def find_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where the (normalised) terms occur in ``text``; overlapping hits merged, in order."""
    return TermFinder(terms).spans(text)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, terms: Sequence[str], width: int = SNIPPET_WIDTH) -> Snippet:
    """The ``width``-character window of ``text`` with the most hits, newlines as spaces."""
    return _snippet(text, find_spans(text, terms), width)


def _snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_WIDTH) -> Snippet:
    """The window of ``text`` with the most of these (sorted, merged) hit spans."""
    start = _best_window(spans, width) if spans else 0
    start = max(0, min(start, len(text) - width))
    end = min(len(text), start + width)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    inside = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    ]
    body = text[start:end].replace("\n", " ")
    return Snippet(prefix + body + suffix, tuple(inside))


def _best_window(spans: list[tuple[int, int]], width: int) -> int:
    """Start of the window holding most hits; a little context before the first of them."""
    starts = [s for s, _ in spans]
    best, best_count = starts[0], 0
    for i, s in enumerate(starts):
        count = bisect.bisect_left(starts, s + width - 8) - i
        if count > best_count:
            best, best_count = s, count
    return best - min(width // 5, 16)


# --- hits ------------------------------------------------------------------------------


class SearchHit(NamedTuple):
    """One ranked result: display title, a snippet with its hits, and a score (higher wins).
    (Named tuples: a page of them is made per search, and they are the cheapest to make.)"""

    id: int
    title: str
    snippet: Snippet
    score: float
    title_spans: tuple[tuple[int, int], ...] = ()
    field: str = "body"  # where the snippet comes from: "title" | "body" | "extra"

    @property
    def marked_snippet(self) -> str:
        return self.snippet.marked()

    def as_json(self) -> dict[str, object]:
        """The CLI's ``reader search --json`` item: the snippet with 【】 around the hits."""
        return {
            "id": self.id,
            "title": self.title,
            "snippet": self.snippet.marked(),
            "score": round(self.score, 4),
        }


def hit(
    finder: TermFinder,
    row: tuple[int, str, str, str, str, str | None],
    score: float,
) -> SearchHit | None:
    """The hit of one article's texts, (id, title, section, continued_from, body, extra),
    with its snippet; None when some term is not really in them."""
    article_id, title, section, continued_from, body, extra = row
    extra = extra or ""
    title_spans, body_spans = finder.spans(title), finder.spans(body)
    # Snippet from the body, or from the notes when only they hold a hit.
    source, text, spans = "body", body, body_spans
    if not spans and extra:
        source, text, spans = "extra", extra, finder.spans(extra)
    # One term is there when it has spans; more must each be somewhere.
    if not ((spans or title_spans) if finder.single else finder.holds_all(title, body, extra)):
        return None
    snippet = _snippet(text, spans)
    return SearchHit(
        article_id,
        title or display_title(title, section, continued_from, body),
        snippet,
        score,
        tuple(title_spans),
        source if snippet.spans else "title",
    )
