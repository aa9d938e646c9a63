"""The reading companion as the CLI and the window use it: look a word up (its readings,
CC-CEDICT's definitions, its other script, its parts and characters).

No Qt here. The dictionary index is opened (and built, once) at the first lookup, never
before: the window does that on a worker. Readings come from :mod:`reader.core.readings`.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import readings, scripts

if TYPE_CHECKING:
    from reader.core.cedict import Entry
    from reader.store.dictionary import Dictionary

log = logging.getLogger(__name__)

# How many characters a looked-up stretch may have (the popup widens up to this).
MAX_WORD = 12


class NothingToLookUp(ValueError):  # noqa: N818 - reads as what happened
    """Nothing to look up (no Han characters, too long): the message says why."""


@dataclass(frozen=True)
class Sense:
    """One dictionary entry for a headword: its reading and its senses."""

    simplified: str
    traditional: str
    pinyin: str  # tone marks
    definitions: tuple[str, ...]

    def as_json(self) -> dict:
        return {
            "simplified": self.simplified,
            "traditional": self.traditional,
            "pinyin": self.pinyin,
            "definitions": list(self.definitions),
        }


@dataclass(frozen=True)
class Part:
    """A word or character inside the looked-up word, read as it is read there."""

    text: str
    pinyin: str
    senses: tuple[Sense, ...]

    @property
    def definitions(self) -> list[str]:
        return [d for s in self.senses for d in s.definitions]

    def as_json(self) -> dict:
        return {"text": self.text, "pinyin": self.pinyin, "definitions": self.definitions}


@dataclass(frozen=True)
class Lookup:
    """What the popup shows and ``reader lookup`` prints."""

    word: str  # as shown (in the view's script)
    simplified: str
    traditional: str
    pinyin: str
    zhuyin: str
    jyutping: str
    senses: tuple[Sense, ...]  # the entries of the word, those read as `pinyin` first
    parts: tuple[Part, ...] = field(default=())

    @property
    def found(self) -> bool:
        return bool(self.senses)

    @property
    def definitions(self) -> list[str]:
        return [d for s in self.senses for d in s.definitions]

    def as_json(self) -> dict:
        return {
            "word": self.word,
            "simplified": self.simplified,
            "traditional": self.traditional,
            "pinyin": self.pinyin,
            "zhuyin": self.zhuyin,
            "jyutping": self.jyutping,
            "definitions": self.definitions,
            "entries": [s.as_json() for s in self.senses],
            "parts": [p.as_json() for p in self.parts],
        }


class Companion:
    """Lookups over the CC-CEDICT index in `cache_folder` (built there at first use)."""

    def __init__(self, cache_folder: Path) -> None:
        self._folder = cache_folder
        self._lock = threading.Lock()
        self._dictionary: Dictionary | None = None

    def dictionary(self) -> Dictionary:
        with self._lock:
            if self._dictionary is None:
                from reader.store.dictionary import Dictionary

                self._dictionary = Dictionary.open(self._folder)
            return self._dictionary

    def warm_up(self, jyutping: bool = False) -> None:
        """Open the dictionary and load what a lookup needs (the script converters, the
        readings), so that the first lookup is as quick as the others: the window does
        this on a worker once the reader first pauses over an article. Nothing while the
        dictionary has never been indexed: the first lookup builds it (once)."""
        from reader.store.dictionary import index_exists

        if self._dictionary is None and not index_exists(self._folder):
            return
        self.dictionary()
        scripts.convert("发展", "t2s")
        scripts.convert("发展", "s2t")
        readings.warm_up(jyutping)
        self.lookup("发展", jyutping=jyutping, parts=False)

    def close(self) -> None:
        with self._lock:
            if self._dictionary is not None:
                self._dictionary.close()
                self._dictionary = None

    def lookup(
        self,
        word: str,
        *,
        config: str | None = None,
        reading: str | None = None,
        jyutping: bool = True,
        parts: bool = True,
    ) -> Lookup:
        """`word` (in any script) looked up. `reading`: its pinyin with tone marks as read
        in its context, when the caller knows it; `jyutping=False` skips the Cantonese
        reading (the popup asks for it only where the view wants it). A word with no entry
        gives a Lookup that is not ``found`` (its characters may still have entries).
        Raises NothingToLookUp for text with no Han characters."""
        word = word.strip()
        if not readings.has_han(word):
            raise NothingToLookUp(f"{word!r} has no Chinese characters to look up")
        if len(word) > MAX_WORD:
            raise NothingToLookUp(f"{word[:MAX_WORD]}… is too long to look up (at most {MAX_WORD})")
        simplified, traditional, entries = self._entries(word)
        # Read through the headword's forms (the converters' when there is none): as the
        # engines read best, and with no converter to load for a word the dictionary has.
        pinyin = reading or readings.reading(simplified, readings.MARKS, as_given=True)
        syllables = pinyin.split(" ")
        found = Lookup(
            word=scripts.convert(word, config) if config else word,
            simplified=simplified,
            traditional=traditional,
            pinyin=pinyin,
            zhuyin=readings.reading(simplified, readings.ZHUYIN, as_given=True),
            jyutping="",
            senses=_senses(entries, pinyin),
            parts=tuple(self._parts(word, simplified, syllables)) if parts else (),
        )
        return with_jyutping(found) if jyutping else found

    def _entries(self, word: str) -> tuple[str, str, list[Entry]]:
        """`word`'s simplified and traditional forms and its entries. CC-CEDICT has both
        forms of its words: the script converters (simplified-to-traditional is the slow
        one to load, bench_lookup.py "first lookup in the window") are asked only for a
        word it does not have as written (臺灣 for its 台灣, or no entry at all)."""
        dictionary = self.dictionary()
        simplified = word  # as written: one of the headword's forms when found so
        entries = dictionary.entries([word])
        if not entries:
            simplified = readings.same_length(word, "t2s")
            traditional = readings.same_length(word, "s2t")
            entries = dictionary.entries(_unique([simplified, traditional]))
            if not entries:
                return simplified, traditional, []
        best = _headword(entries, word, simplified)
        return best.simplified, best.traditional, entries

    def _parts(self, word: str, simplified: str, syllables: list[str]) -> list[Part]:
        """The dictionary words inside `word` (longest first, left to right), then its
        characters, each with the syllables it has in `word`. `simplified`: `word`'s
        simplified form, character for character."""
        chars = list(word)
        if len(chars) < 2:
            return []
        if len(simplified) != len(word):  # not expected of CC-CEDICT's headwords
            simplified = readings.same_length(word, "t2s")
        dictionary = self.dictionary()
        spans: list[tuple[int, int]] = []
        if len(chars) > 2:
            candidates = [
                (i, j)
                for i in range(len(chars))
                for j in range(i + 2, min(len(chars), i + MAX_WORD) + 1)
                if j - i < len(chars)
            ]
            known = dictionary.known(
                _unique([f for i, j in candidates for f in ("".join(chars[i:j]), simplified[i:j])])
            )
            i = 0
            while i < len(chars):
                for j in range(len(chars) - (i == 0), i + 1, -1):
                    if "".join(chars[i:j]) in known or simplified[i:j] in known:
                        spans.append((i, j))
                        i = j - 1
                        break
                i += 1
        seen: set[str] = set()
        for i, char in enumerate(chars):
            if readings.HAN.match(char) and char not in seen:
                seen.add(char)
                spans.append((i, i + 1))
        aligned = len(syllables) == len(chars)
        out = []
        for i, j in spans:
            text = "".join(chars[i:j])
            pinyin = " ".join(syllables[i:j]) if aligned else readings.reading(text)
            found = dictionary.entries(_unique([text, simplified[i:j]]))
            out.append(Part(text, pinyin, _senses(found, pinyin)))
        return out


def with_jyutping(found: Lookup) -> Lookup:
    """`found` with its Cantonese reading (xjyutping's, which loads at its first use)."""
    cantonese = readings.reading(found.traditional, readings.JYUTPING, as_given=True)
    return replace(found, jyutping=cantonese)


def _unique(words: list[str]) -> list[str]:
    return list(dict.fromkeys(words))


def _headword(entries: list[Entry], word: str, simplified: str) -> Entry:
    """The entry whose headword the word is, as written, else its simplified form."""
    for entry in entries:
        if word in (entry.traditional, entry.simplified):
            return entry
    for entry in entries:
        if entry.simplified == simplified:
            return entry
    return entries[0]


def _senses(entries: list[Entry], pinyin: str) -> tuple[Sense, ...]:
    """Entries as Senses, those read as `pinyin` (tone marks) first, the rest in order."""
    from reader.core.cedict import readable_sense

    senses = [
        Sense(
            e.simplified,
            e.traditional,
            readings.numbers_to_marks(e.pinyin),
            tuple(readable_sense(s) for s in e.senses),
        )
        for e in entries
    ]
    wanted = pinyin.lower()
    return tuple(sorted(senses, key=lambda s: s.pinyin.lower() != wanted))
