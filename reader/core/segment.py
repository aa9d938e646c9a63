"""Word segmentation behind one module, so its engine can change.

Two engines share jieba's dictionary and are kept in step:

* rjieba (a binding of jieba-rs) cuts text for `tokenize`, the hot path (faster than
  jieba: bench_keywords.py). jieba-rs treats a few things differently from jieba (CJK
  extension blocks and astral characters count as Han; ``e-mail`` stays one piece), so
  text is split into blocks with jieba's own patterns first and unknown mixed tokens are
  re-cut the way jieba does. The tests prove identical output against jieba.
* jieba itself (``jieba.dt`` and ``jieba.posseg``) tags parts of speech for `tag`. That runs
  in the background, so the slower reference tagger is fine.

Nothing loads at import time. `warm_up` loads both engines; the first call that needs an
engine loads it otherwise. jieba's prefix dictionary is pickled to the user cache dir
(keyed by a hash of the dictionary file), which loads several times faster than building
it or than jieba's own marshal cache. User words are added on top after loading.

Processes that use it: the keyword analysis (reader.analysis) and, for the window's word
selection, :mod:`reader.core.segment_server`: loading the dictionaries is too much Python
to share a process with a window.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core import internals, paths

log = logging.getLogger(__name__)

# jieba's own block patterns (jieba/__init__.py), so both engines see the same blocks.
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_RE_SKIP = re.compile("(\r\n|\\s)")
_RE_ENG = re.compile("[a-zA-Z0-9]+")
_RE_PURE_HAN = re.compile("[\u4e00-\u9fd5]+")

# Bump when the pickle layout changes.
_CACHE_FORMAT = 1


@dataclass(frozen=True)
class Token:
    """A word and its code-point span in the text it was cut from."""

    word: str
    start: int
    end: int


def _file_digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def cached_pickle(name: str, source: Path, build: Any) -> Any:
    """Load `build()`'s result from the cache dir, keyed by `source`'s content hash.

    A missing, stale or unreadable cache is rebuilt; failing to write it is not an error.
    """
    folder = paths.cache_dir()
    digest = _file_digest(source)
    target = folder / f"{name}-{digest}-v{_CACHE_FORMAT}.pickle"
    try:
        with target.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception:  # a truncated or foreign file: rebuild it
        log.warning("ignoring unreadable cache %s", target, exc_info=True)
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        log.warning("could not write cache %s", target, exc_info=True)
    return value


class _Segmenter:
    """The process-wide engines and the user words applied to both."""

    def __init__(self) -> None:
        self._lock = threading.RLock()  # loading engines, changing user words
        self._fast_lock = threading.Lock()  # rjieba calls vs. swapping its instance
        self._fast: Any = None  # rjieba.Jieba
        self._jieba: Any = None  # jieba.Tokenizer (jieba.dt)
        self._pos: Any = None  # jieba.posseg.POSTokenizer
        self._finalseg: Any = None  # jieba.finalseg module
        # word -> frequency (None until an engine has suggested one), in the order added.
        # Both engines get the same frequency so they keep cutting alike.
        self._freq: dict[str, int | None] = {}
        self._tags: dict[str, str] = {}  # word -> POS flag to report for user words

    # -- loading -----------------------------------------------------------------------

    def warm_up(self) -> None:
        self.fast()
        self.pos()

    def fast(self) -> Any:
        """The rjieba instance, with the user words added."""
        fast = self._fast
        if fast is not None:
            return fast
        with self._lock:
            if self._fast is None:
                started = time.perf_counter()
                import jieba.finalseg  # no dictionary load; used to re-cut odd tokens
                import rjieba

                self._finalseg = jieba.finalseg
                # A reset later makes a fresh one.
                fast = internals.rjieba_default() or rjieba.Jieba()
                self._add_all(
                    fast, lambda w: fast.suggest_freq(w), lambda w, f: fast.add_word(w, f, None)
                )
                self._fast = fast
                log.debug("rjieba ready in %.3f s", time.perf_counter() - started)
            return self._fast

    def jieba(self) -> Any:
        """jieba.dt, initialised from the pickle cache, with the user words added."""
        dt = self._jieba
        if dt is not None:
            return dt
        with self._lock:
            if self._jieba is None:
                started = time.perf_counter()
                dt = _load_jieba()
                self._add_all(dt, lambda w: dt.suggest_freq(w, False), dt.add_word)
                self._jieba = dt
                log.debug("jieba ready in %.3f s", time.perf_counter() - started)
            return self._jieba

    def pos(self) -> Any:
        """jieba.posseg's tokenizer (it wraps jieba.dt)."""
        pos = self._pos
        if pos is not None:
            return pos
        with self._lock:
            if self._pos is None:
                self.jieba()
                # Importing posseg reads the dictionary's tags: background only.
                import jieba.posseg

                self._pos = jieba.posseg.dt
            return self._pos

    def _add_all(self, engine: Any, suggest: Any, add: Any) -> None:
        for word, freq in self._freq.items():
            if freq is None:
                freq = self._freq[word] = int(suggest(word))
            add(word, freq)

    # -- user words --------------------------------------------------------------------

    def set_user_words(self, words: dict[str, str | None]) -> None:
        """Make exactly `words` (word -> POS flag or None) the user words."""
        with self._lock:
            wanted = {w: t for w, t in words.items() if w and not w.isspace()}
            self._tags = {w: t for w, t in wanted.items() if t}
            if any(w not in wanted for w in self._freq):
                # Neither engine can take a word back exactly: reload from the dictionary.
                self._freq = {}
                self._reset_engines()
            for word in wanted:
                if word not in self._freq:
                    self._add(word)

    def user_words(self) -> list[str]:
        with self._lock:
            return list(self._freq)

    def user_tag(self, word: str) -> str | None:
        return self._tags.get(word)

    def in_dictionary(self, word: str) -> bool:
        """Whether jieba's bundled dictionary (not the user) has `word` as a word."""
        return word not in self._freq and bool(self.jieba().FREQ.get(word))

    def is_word(self, word: str) -> bool:
        """Whether the dictionary or the user words have ``word`` (not just as a prefix)."""
        self.fast()  # loaded, with the user words
        with self._fast_lock:
            return bool(self._fast.has_word(word))

    def _add(self, word: str) -> None:
        freq: int | None = None
        if self._jieba is not None:
            freq = int(self._jieba.suggest_freq(word, False))
        elif self._fast is not None:
            freq = int(self._fast.suggest_freq(word))
        self._freq[word] = freq  # None: the first engine to load suggests it
        if freq is None:
            return
        if self._fast is not None:
            with self._fast_lock:
                self._fast.add_word(word, freq, None)
        if self._jieba is not None:
            self._jieba.add_word(word, freq)

    def _reset_engines(self) -> None:
        if self._fast is not None:
            import rjieba

            fresh = rjieba.Jieba()
            with self._fast_lock:
                self._fast = fresh
        if self._jieba is not None:
            internals.replace_jieba_prefix_dict(self._jieba, _jieba_prefix_dict())

    # -- cutting -----------------------------------------------------------------------

    def cut(self, text: str) -> list[str]:
        """Cut like ``jieba.lcut(text)`` (HMM on), with the faster engine."""
        self.fast()
        finalseg = self._finalseg
        out: list[str] = []
        append, extend = out.append, out.extend
        with self._fast_lock:
            fast = self._fast
            for block in _RE_HAN.split(text):
                if not block:
                    continue
                if _RE_HAN.match(block):
                    # The dictionary path is the same in both engines; unknown runs of
                    # single characters go through jieba's own HMM, as jieba.lcut does
                    # (jieba-rs's HMM breaks ties differently, e.g. in 脱记记记贫).
                    buf = ""
                    for word in fast.cut(block, False):
                        # jieba-rs groups unknown letters and digits; jieba's route has them
                        # as single characters.
                        if len(word) == 1 or (_RE_ENG.fullmatch(word) and not fast.has_word(word)):
                            buf += word
                            continue
                        if buf:
                            _flush(buf, fast, finalseg, append, extend)
                            buf = ""
                        append(word)
                    if buf:
                        _flush(buf, fast, finalseg, append, extend)
                else:
                    for piece in _RE_SKIP.split(block):
                        if not piece:
                            continue
                        if _RE_SKIP.match(piece):
                            append(piece)
                        else:
                            extend(piece)  # one token per character, as jieba does
        return out

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, POS flag) pairs from jieba.posseg, covering the text."""
        pos = self.pos()
        tags = self._tags
        return [(p.word, tags.get(p.word, p.flag)) for p in pos.cut(text)]


def _flush(buf: str, fast: Any, finalseg: Any, append: Any, extend: Any) -> None:
    """jieba's handling of a run of single-character words (``Tokenizer.__cut_DAG``)."""
    if len(buf) == 1:
        append(buf)
    elif fast.has_word(buf):
        extend(buf)  # a dictionary word the route split: one token per character
    else:
        extend(finalseg.cut(buf))


def _load_jieba() -> Any:
    """jieba.dt, its cache file in our cache dir, its prefix dict from our pickle."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it prints "Building prefix dict..." otherwise
    folder = paths.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return internals.initialise_jieba(_jieba_prefix_dict, folder)


def _jieba_prefix_dict() -> tuple[dict[str, int], int]:
    """jieba's prefix dict (word/prefix -> frequency, total) for its bundled dictionary."""
    dict_path = internals.jieba_folder() / "dict.txt"

    def build() -> tuple[dict[str, int], int]:
        with dict_path.open("rb") as f:
            return internals.jieba_prefix_dict(f)

    return cached_pickle("jieba-pfdict", dict_path, build)


_SEGMENTER = _Segmenter()


def segmenter() -> _Segmenter:
    return _SEGMENTER


def warm_up() -> None:
    _SEGMENTER.warm_up()


def cut(text: str) -> list[str]:
    return _SEGMENTER.cut(text)


def tokenize(text: str) -> list[Token]:
    """Tokens covering `text` end to end (spaces and punctuation included)."""
    tokens: list[Token] = []
    start = 0
    for word in _SEGMENTER.cut(text):
        end = start + len(word)  # len counts code points, so 𠮷 moves the offset by 1
        tokens.append(Token(word, start, end))
        start = end
    return tokens


def tag(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(word, flag, start, end) for each word jieba.posseg finds, code-point offsets."""
    start = 0
    for word, flag in _SEGMENTER.tag(text):
        end = start + len(word)
        yield word, flag, start, end
        start = end


def set_user_words(words: dict[str, str | None] | Iterable[str]) -> None:
    if not isinstance(words, dict):
        words = dict.fromkeys(words)
    _SEGMENTER.set_user_words(words)
