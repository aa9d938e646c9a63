"""Annotation anchors: where a highlight sits in an article body, and finding it again.

Pure Python, no Qt, no SQLite. Offsets count code points of the ORIGINAL article body (a
highlight made in a script view is mapped to the original first, :func:`to_original_anchor`).

An :class:`Anchor` holds both W3C selectors: a TextPositionSelector (``start``/``end``) and a
TextQuoteSelector (``exact`` with up to :data:`CONTEXT` code points of ``prefix``/``suffix``).
Positions are fast but break when text moves; the quote and its context survive re-splitting,
paragraph repair, corrected typos, whitespace changes and text inserted before.

Re-anchoring (:func:`resolve`), cheapest first:

1. Position: ``body[start:end] == exact`` still holds, with all of its context (whitespace
   ignored). O(len(exact) + CONTEXT).
2. Exact quote: every occurrence of ``exact`` (at most :data:`MAX_OCCURRENCES`) is scored by
   how much of the prefix/suffix context matches (whitespace ignored) and, as a tie-break,
   by proximity to the old position. O(len(body)) in C plus O(CONTEXT) per occurrence.
3. Fuzzy, on the body and quote with all whitespace removed (newspaper re-splits join and
   break lines): first an exact search of the squashed quote, then an approximate search
   allowing :data:`FUZZY_TOLERANCE` (20%) edits of the quote length, with Myers' bit-parallel
   edit-distance algorithm: one pass of ~10 big-integer operations per body character, so
   O(len(body) * ceil(len(quote) / 64)) word operations (bench_annotations.py times
   re-splits that move annotations). Bounds: bodies longer than :data:`FUZZY_MAX_BODY` are
   searched only within :data:`FUZZY_WINDOW` code points of the old position; quotes longer
   than :data:`FUZZY_MAX_QUOTE` are located by their first and last :data:`FUZZY_PIECE` code
   points, which must land about the quote's length apart; each such span's edit distance is
   then checked in one pass over the span. At most :data:`FUZZY_CANDIDATES` candidate
   matches are scored by similarity, context and proximity.
4. Nothing good enough: ``None``. The caller keeps the annotation and flags it orphaned.

Short quotes (under :data:`SHORT_QUOTE` code points) found anywhere but at their old position
need some matching context, so that a highlighted 疫情 whose paragraph was deleted does not
jump to another 疫情.
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

log = logging.getLogger(__name__)

CONTEXT = 32  # code points of prefix/suffix kept
MAX_OCCURRENCES = 10_000  # exact occurrences scored (a one-character quote in a long book)
FUZZY_TOLERANCE = 0.2  # edits allowed, as a share of the (whitespace-free) quote length
FUZZY_MAX_QUOTE = 1000  # longer quotes are matched by their head and tail
FUZZY_PIECE = 64  # code points of head / tail for long quotes
FUZZY_MAX_BODY = 200_000  # longer bodies are searched near the old position only
FUZZY_WINDOW = 20_000  # code points either side of the old position for long bodies
FUZZY_CANDIDATES = 32  # approximate matches scored at most
SHORT_QUOTE = 6  # quotes shorter than this need context when found away from home
SHORT_QUOTE_CONTEXT = 0.25  # ... this share of it

# Weights of a candidate's score: quote similarity dominates, context picks among equal
# quotes, proximity breaks remaining ties.
W_QUOTE, W_CONTEXT, W_PROXIMITY = 0.6, 0.3, 0.1


@dataclass(frozen=True)
class Anchor:
    """A highlighted span of an original article body, with the selectors to find it again."""

    start: int  # TextPositionSelector over the original body (code points)
    end: int
    exact: str  # TextQuoteSelector: the quoted text
    prefix: str  # up to CONTEXT code points before
    suffix: str  # up to CONTEXT code points after


@dataclass(frozen=True)
class Resolved:
    """Where an anchor sits in a (possibly changed) body.

    ``exact_match`` is true when ``body[start:end] == anchor.exact``; ``score`` is 1.0 for the
    anchor's own position, lower the less quote, context and position agree (0..1).
    """

    start: int
    end: int
    exact_match: bool
    score: float


class SpanMap(Protocol):
    """An offset map between an original text and a view of it
    (:class:`reader.core.scripts.Conversion`)."""

    def to_view(self, start: int, end: int) -> tuple[int, int]: ...

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...


# ---------------------------------------------------------------------------------------
# Making anchors


def make_anchor(body: str, start: int, end: int) -> Anchor:
    """The anchor of ``body[start:end]``. Raises ValueError for an empty or out-of-range span."""
    if not 0 <= start < end <= len(body):
        raise ValueError(f"span {start}..{end} is empty or outside the body (0..{len(body)})")
    return Anchor(
        start=start,
        end=end,
        exact=body[start:end],
        prefix=body[max(0, start - CONTEXT) : start],
        suffix=body[end : end + CONTEXT],
    )


def anchor_by_quote(body: str, quote: str, occurrence: int = 1) -> Anchor:
    """The anchor of the ``occurrence``-th (1-based) appearance of ``quote`` in ``body``."""
    if not quote:
        raise ValueError("the quote is empty")
    if occurrence < 1:
        raise ValueError(f"occurrence must be 1 or more, not {occurrence}")
    found = 0
    at = body.find(quote)
    while at != -1:
        found += 1
        if found == occurrence:
            return make_anchor(body, at, at + len(quote))
        at = body.find(quote, at + 1)
    if found == 0:
        raise ValueError(f"quote {_show(quote)} is not in the text")
    raise ValueError(
        f"quote {_show(quote)} occurs {found} time(s); occurrence {occurrence} asked for"
    )


def _show(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")


# ---------------------------------------------------------------------------------------
# Offsets through script views


def to_original_anchor(body: str, conversion: SpanMap, view_start: int, view_end: int) -> Anchor:
    """The anchor of a span selected in a view of ``body`` (spans inside a length-changing
    segment widen to the whole segment)."""
    start, end = conversion.to_original(view_start, view_end)
    return make_anchor(body, start, end)


def view_span(anchor_or_resolved: Anchor | Resolved, conversion: SpanMap) -> tuple[int, int]:
    """Where an anchor (or its resolved place) shows in a view."""
    return conversion.to_view(anchor_or_resolved.start, anchor_or_resolved.end)


# ---------------------------------------------------------------------------------------
# Re-anchoring


def resolve(anchor: Anchor, body: str) -> Resolved | None:
    """Find ``anchor`` in ``body`` (see the module docstring); ``None`` when it is lost."""
    if not anchor.exact:
        return None
    # The old position wins outright only with its whole context: text that moved by the
    # distance between two occurrences of a quote puts the wrong one there.
    if _holds(anchor, body) and _Context.of(anchor).score(*_around(body, anchor)) == 1.0:
        return Resolved(anchor.start, anchor.end, True, 1.0)
    found = _by_exact_quote(anchor, body)
    if found is None:
        found = _by_fuzzy_quote(anchor, body)
    if found is None:
        log.debug("anchor %s lost", _show(anchor.exact))
    return found


def rebase(anchors: Sequence[Anchor], old_body: str, new_body: str) -> list[Resolved | None]:
    """Resolve anchors made on ``old_body`` in ``new_body``.

    One shared diff (common prefix and suffix of the two bodies) moves each old position to
    where it should be now, so a single edit anywhere keeps every other anchor on the fast
    positional path; the quote search then handles the rest.
    """
    head = _common_prefix_len(old_body, new_body)
    tail = _common_prefix_len(old_body[head:][::-1], new_body[head:][::-1])
    shift = len(new_body) - len(old_body)
    changed_to = len(old_body) - tail  # old text from here on is unchanged, only moved
    results: list[Resolved | None] = []
    for anchor in anchors:
        if anchor.start >= changed_to and _holds(anchor, old_body):
            anchor = replace(anchor, start=anchor.start + shift, end=anchor.end + shift)
        # Anchors before or across the edit keep their old start as the proximity hint.
        results.append(resolve(anchor, new_body))
    return results


def _holds(anchor: Anchor, body: str) -> bool:
    """The anchor's position still holds its quote."""
    return 0 <= anchor.start <= anchor.end <= len(body) and (
        body[anchor.start : anchor.end] == anchor.exact
    )


def _common_prefix_len(a: str, b: str) -> int:
    """Length of the common prefix, by bisection on slice comparisons (C speed)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


# Step 2: exact occurrences of the quote ------------------------------------------------


def _by_exact_quote(anchor: Anchor, body: str) -> Resolved | None:
    context = _Context.of(anchor)
    size = len(anchor.exact)
    best: tuple[float, float, int] | None = None  # (score, context, start)
    at, seen = body.find(anchor.exact), 0
    while at != -1 and seen < MAX_OCCURRENCES:
        seen += 1
        ctx = context.score(*_around(body, anchor, at))
        score = W_QUOTE + W_CONTEXT * ctx + W_PROXIMITY * _proximity(at, anchor.start, body)
        if best is None or score > best[0]:
            best = (score, ctx, at)
        at = body.find(anchor.exact, at + 1)
    if best is None or not _enough_context(anchor, context, best[1]):
        return None
    return Resolved(best[2], best[2] + size, True, round(best[0], 4))


# Step 3: fuzzy --------------------------------------------------------------------------


def _by_fuzzy_quote(anchor: Anchor, body: str) -> Resolved | None:
    quote = _squash(anchor.exact)
    if not quote:
        return None
    squashed, index = _squashed(body)
    lo, hi = _search_window(anchor, body, index)
    text = squashed[lo:hi]
    tolerance = int(len(quote) * FUZZY_TOLERANCE)
    if len(quote) <= FUZZY_MAX_QUOTE:
        matches = _approximate(quote, text, tolerance)
    else:
        matches = _approximate_long(quote, text, tolerance)
    context = _Context.of(anchor)
    best: tuple[float, float, int, int, int] | None = None  # (score, ctx, start, end, dist)
    for start, end, distance in matches:
        start, end = start + lo, end + lo
        ctx = context.score(
            squashed[max(0, start - CONTEXT) : start], squashed[end : end + CONTEXT]
        )
        similarity = 1.0 - distance / len(quote)
        where = index[start]
        score = (
            W_QUOTE * similarity
            + W_CONTEXT * ctx
            + W_PROXIMITY * _proximity(where, anchor.start, body)
        )
        if best is None or score > best[0]:
            best = (score, ctx, start, end, distance)
    if best is None:
        return None
    score, ctx, start, end, distance = best
    if not _enough_context(anchor, context, ctx, distance > 0):
        return None
    # Back to body offsets: from the first to the last non-space character matched.
    first, last = index[start], index[end - 1] + 1
    return Resolved(first, last, body[first:last] == anchor.exact, round(score, 4))


def _search_window(anchor: Anchor, body: str, index: list[int]) -> tuple[int, int]:
    """The squashed-body range to search: all of it unless the body is very long."""
    if len(body) <= FUZZY_MAX_BODY:
        return 0, len(index)
    lo = bisect.bisect_left(index, anchor.start - FUZZY_WINDOW)
    hi = bisect.bisect_right(index, anchor.end + FUZZY_WINDOW)
    return lo, hi


def _approximate(quote: str, text: str, tolerance: int) -> list[tuple[int, int, int]]:
    """Up to FUZZY_CANDIDATES ``(start, end, distance)`` matches of ``quote`` in ``text``
    within ``tolerance`` edits. An exact match short-circuits the edit search."""
    exact = _exact_matches(quote, text)
    if exact or tolerance == 0:
        return exact
    matches = []
    for ends in _candidate_ends(_distances(quote, text, anchored=False), tolerance):
        # Equal distances can end a character apart (a changed last character is also a
        # deleted one): take the span whose length is nearest the quote's.
        spans = [(_match_start(quote, text, end, tolerance), end, d) for end, d in ends[:4]]
        start, end, distance = min(spans, key=lambda s: abs(s[1] - s[0] - len(quote)))
        if start < end:
            matches.append((start, end, distance))
    return matches


def _approximate_long(quote: str, text: str, tolerance: int) -> list[tuple[int, int, int]]:
    """Matches of a long quote: its head and tail matched separately, paired when they land
    about a quote's length apart, then the whole span's edit distance checked (one
    anchored pass over the span)."""
    head, tail = quote[:FUZZY_PIECE], quote[-FUZZY_PIECE:]
    piece_tolerance = int(FUZZY_PIECE * FUZZY_TOLERANCE)
    tails = _approximate(tail, text, piece_tolerance)
    matches = []
    for h_start, _, _ in _approximate(head, text, piece_tolerance):
        for _, t_end, _ in tails:
            if abs((t_end - h_start) - len(quote)) <= tolerance:
                distance = _distances(quote, text[h_start:t_end], anchored=True)[-1]
                if distance <= tolerance:
                    matches.append((h_start, t_end, distance))
        if len(matches) >= FUZZY_CANDIDATES:
            break
    return matches


def _exact_matches(quote: str, text: str) -> list[tuple[int, int, int]]:
    matches: list[tuple[int, int, int]] = []
    at = text.find(quote)
    while at != -1 and len(matches) < FUZZY_CANDIDATES:
        matches.append((at, at + len(quote), 0))
        at = text.find(quote, at + 1)
    return matches


def _candidate_ends(distances: list[int], tolerance: int) -> list[list[tuple[int, int]]]:
    """For each run of ends within tolerance, the ``(end, distance)`` pairs of its fewest
    edits; the FUZZY_CANDIDATES runs with the fewest edits."""
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for j, distance in enumerate(distances):
        if distance > tolerance:
            if run:
                runs.append(run)
                run = []
        elif not run or distance < run[0][1]:
            run = [(j + 1, distance)]
        elif distance == run[0][1]:
            run.append((j + 1, distance))
    if run:
        runs.append(run)
    runs.sort(key=lambda r: r[0][1])
    return runs[:FUZZY_CANDIDATES]


def _match_start(quote: str, text: str, end: int, tolerance: int) -> int:
    """Where the best match of ``quote`` ending at ``end`` starts: the same distance
    computation run backwards from ``end``, anchored there."""
    lo = max(0, end - len(quote) - tolerance)
    backwards = text[lo:end][::-1]
    distances = _distances(quote[::-1], backwards, anchored=True)
    # Fewest edits; among equals, the length nearest the quote's.
    best = min(range(len(distances)), key=lambda j: (distances[j], abs(j + 1 - len(quote))))
    return end - (best + 1)


def _distances(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Edit distance between ``pattern`` and the best substring of ``text`` ending after each
    character (``anchored``: the prefix ``text[:j+1]`` itself).

    Myers (1999) bit-vector algorithm in Hyyrö's formulation; Python's big integers make
    the bit vectors as long as the pattern.
    """
    m = len(pattern)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    carry = 1 if anchored else 0  # anchored: the top row grows 0, 1, 2 ... instead of all 0
    peq: dict[str, int] = {}
    for i, char in enumerate(pattern):
        peq[char] = peq.get(char, 0) | (1 << i)
    get = peq.get
    pv, mv, score = mask, 0, m
    out = [0] * len(text)
    for j, char in enumerate(text):
        eq = get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        out[j] = score
    return out


# Scoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """An anchor's prefix and suffix with whitespace removed."""

    prefix: str
    suffix: str

    @classmethod
    def of(cls, anchor: Anchor) -> _Context:
        return cls(_squash(anchor.prefix), _squash(anchor.suffix))

    @property
    def size(self) -> int:
        return len(self.prefix) + len(self.suffix)

    def score(self, before: str, after: str) -> float:
        """Share of the context found next to a candidate (1.0 when there is none to find)."""
        if not self.size:
            return 1.0
        before = before[-len(self.prefix) :] if self.prefix else ""
        after = after[: len(self.suffix)]
        matched = _common_prefix_len(self.prefix[::-1], before[::-1])
        matched += _common_prefix_len(self.suffix, after)
        return matched / self.size


def _enough_context(anchor: Anchor, context: _Context, ctx: float, inexact: bool = False) -> bool:
    """Short quotes, and inexact matches of quotes, found away from their old place need
    some context around them to count as found."""
    if not context.size:
        return True
    needs = inexact or len(_squash(anchor.exact)) < SHORT_QUOTE
    return not needs or ctx >= SHORT_QUOTE_CONTEXT


def _around(body: str, anchor: Anchor, at: int | None = None) -> tuple[str, str]:
    """The squashed text before and after the anchor's quote placed at ``at`` (default: its
    own start); twice CONTEXT raw code points, so whitespace cannot starve the comparison."""
    start = anchor.start if at is None else at
    end = start + len(anchor.exact)
    before = body[max(0, start - 2 * CONTEXT) : start]
    return _squash(before), _squash(body[end : end + 2 * CONTEXT])


def _proximity(start: int, old_start: int, body: str) -> float:
    return 1.0 - min(1.0, abs(start - old_start) / max(1, len(body)))


# Whitespace-free text -------------------------------------------------------------------


def _squash(text: str) -> str:
    return "".join(text.split())


@functools.lru_cache(maxsize=8)
def _squashed(body: str) -> tuple[str, list[int]]:
    """``body`` without whitespace, and the body offset of each remaining character.

    Cached: rebasing many anchors on one body squashes it once.
    """
    index = [i for i, char in enumerate(body) if not char.isspace()]
    return "".join([body[i] for i in index]), index
