"""Chinese full-text search: an FTS5 index of overlapping characters, verified hits, snippets.

Semantics
    A query is split on whitespace into terms; an article matches when *every* term is a
    substring of its title, its body or its extra text (notes, annotation quotes), after
    both sides went through :func:`normalise`: :func:`reader.core.scripts.fold` (traditional
    and variant characters to simplified, so 發展 finds 发展), lower case, and full-width
    ASCII to ASCII. ``normalise`` keeps one code point per code point, so offsets found in
    normalised text are offsets in the original.

Index design (why not jieba tokens, unicode61 or trigram)
    Segmenter tokens miss substrings across word boundaries (情防 in 疫情防控) and change with
    the dictionary; unicode61 finds nothing in unsegmented Chinese; trigram misses 1- and
    2-character queries. So each field is indexed in a contentless FTS5 table
    (``search_index``, rowid = article id, ``ascii`` tokenizer so every non-ASCII code point
    is a token character) as its characters, one token each, followed by its overlapping
    bigrams ("疫 情 防 控 疫情 情防 防控"):

    * a 1-character query is the token itself (only characters are 1-character tokens);
    * a query of n >= 2 characters is the phrase of its n-1 bigrams, and bigrams follow
      each other in text order, so a phrase match means the query is there: exact, not a
      candidate (a bigram never equals a character, so no phrase spans the two runs).

    To keep that, every character becomes exactly one token: ASCII characters the
    tokenizer would treat as separators (space, punctuation, controls) are mapped to private
    use code points U+E000+code. That map is the only lossy step (a literal U+E02D in an
    article looks like "-"), so a query containing such a character is *verified*: the
    candidates' normalised texts are checked for a real substring, in rank order and only
    as many as the page shown needs (the whole list for an id list). Results shown with
    snippets are always checked (the snippet needs the hit positions anyway); one that
    fails a query without such characters means the index is out of step (a warning).

Ranking: bm25 with article lengths in classes (as Lucene stores them, in one byte)
    FTS5's bm25 over every match, title weighted above extra text above body, best first
    and newest first among equals (SQL ``ORDER BY ... LIMIT``; only the page shown is read
    and given snippets). bm25's length normalisation needs each matching article's length,
    and FTS5 reading it (a look-up per match in its column-size table) was half of a
    search. So the table keeps no column sizes (``columnsize=0``: FTS5 then counts every
    column as -1 token long) and the length is put where bm25 reads it anyway, the
    column: an article's fields go in the columns of its *length class* (its token count
    rounded to a power of :data:`_CLASS_RATIO`, within ~10%), and each class's columns are
    weighted at query time by :func:`rank_weights` so that bm25 with FTS5's constant
    length gives what it gives for the class's length. That is exact algebra: weighting
    the term count f by s gives ``s·f·(k1+1) / (s·f + K_fts) = f·(k1+1) / (f + K_fts/s)``,
    so the weight ``s = K_fts / K_class`` makes FTS5's length term K the class's. The
    library's mean length comes from FTS5's own totals, as bm25 takes it. Scores equal
    plain bm25's with lengths rounded to their class (tested against it).

Extra text (notes, annotation quotes)
    :meth:`SearchIndex.set_extra_text` replaces an article's extra text (kept in
    ``search_extra``) and re-indexes it in the same transaction. Pass *all* of an article's
    notes and quotes at once, joined by newlines; an empty string removes them.

Keeping the index right
    The table is contentless, so removing a row ('delete') needs the exact tokens it was
    indexed with; they are recomputed from the stored texts. If the tokenisation changes
    (:data:`INDEX_VERSION`, or a new fold table from a dictionary update), ``meta`` no
    longer holds the current :func:`signature`; :meth:`SearchIndex.rebuild` then
    re-indexes every article, a batch per transaction, and writes update the index only
    for the articles it has reached. The window's analysis process runs it after an
    upgrade; a search rebuilds first if nobody did.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import logging
import math
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import add

from reader.core import textsearch
from reader.core.textsearch import (
    SearchHit,
    TermFinder,
    hit,
    normal_table,
    query_terms,
)
from reader.store.db import Database, ordered_ids

log = logging.getLogger(__name__)

# reader.gui.mainwindow, still to move onto Library, imports find_spans from here.
find_spans = textsearch.find_spans

# Bump when tokens change: libraries then rebuild their index.
INDEX_VERSION = 2
META_KEY = "search_index"
# While a rebuild is under way: "<signature> <last article id indexed>".
_REBUILT_TO_KEY = "search_index_rebuilt_to"
# Articles re-indexed per transaction: the window's own writes (marking an article read)
# wait for one batch.
REBUILD_BATCH = 100
# FTS5 pages written per step of tidy(): each step a short write (bench.py import_s).
MERGE_PAGES = 64
FIELDS = ("title", "body", "extra")
# bm25 weight of each field.
FIELD_WEIGHTS = {"title": 5.0, "body": 1.0, "extra": 2.0}
# Length classes (see Ranking above): class k holds articles of about _CLASS_BASE *
# _CLASS_RATIO**k tokens (title, body and extra; ~2 per character), the last one all longer.
# 40 classes x 3 fields keep bm25's arguments under SQLite's limit of 127; they reach
# ~56,000 tokens (~28,000 characters).
LENGTH_CLASSES = 40
_CLASS_RATIO = 1.22
_CLASS_BASE = 24.0
# The table's columns: the fields of each length class in turn (title0, body0, extra0, ...).
COLUMNS = tuple(f"{field}{k}" for k in range(LENGTH_CLASSES) for field in FIELDS)
# FTS5's bm25 constants (fts5_aux.c).
_K1, _B = 1.2, 0.75
# The ranking expression; its parameters are rank_weights(), one per column.
RANK_SQL = f"bm25(search_index, {', '.join('?' * len(COLUMNS))})"

# The search index's row id (an article id), to narrow a filter's WHERE clause by.
ROWID = "search_index.rowid"
# The ids of the articles matching an expression (one parameter), for a list to narrow by.
MATCHING_IDS = "SELECT rowid FROM search_index WHERE search_index MATCH ?"
# What a search hit needs (textsearch.hit): texts for the snippet and the display title.
_HIT_COLUMNS = "a.id, a.title, a.section, a.continued_from, a.body, x.text"
_HIT_EXTRA = "LEFT JOIN search_extra x ON x.article_id = a.id"

# Private-use block that stands in for ASCII separators inside tokens.
_PUA = 0xE000
_PUA_END = _PUA + 0x80
ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]
# A body of this many characters or more is indexed through the staging table (_stage),
# and stored once it is indexed (reader.store.articles).
LONG_TEXT = 1 << 18
_STAGING = "search_column"


# --- normalisation and tokens -----------------------------------------------------------


@functools.cache
def _token_table() -> dict[int, int]:
    """ASCII that the ascii tokenizer would split on -> a private-use stand-in."""
    return {c: _PUA + c for c in range(0x80) if not chr(c).isalnum()}


@functools.cache
def _index_table() -> list[int]:
    """normalise, then _encode, as one dense table: one fast pass over a text to index."""
    token = _token_table()
    return [token.get(code, code) for code in normal_table()]


def prepare() -> None:
    """Build the tables of normalising, finding hits and tokens (once per process, too long
    for the window's thread), e.g. on a worker before the window first marks a search."""
    textsearch.prepare()
    _index_table()


def _encode(normal: str) -> str:
    return normal.translate(_token_table())


def _indexed(text: str) -> str:
    """_encode(normalise(text)): the characters of ``text`` as they are indexed."""
    return text.translate(_index_table())


def tokens(text: str) -> tuple[bytearray, int]:
    """One field's column text, UTF-8 (its characters, then its bigrams), and its token
    count. FTS5 reads a blob as the text it holds."""
    encoded = _indexed(text)
    return bytearray().join(_column_pieces(encoded)), _token_count(encoded)


def _token_count(text: str) -> int:
    return max(0, 2 * len(text) - 1)  # (normalise and _encode keep the length)


_PIECE = 1 << 16  # characters turned into column text at a time
_SPACE = array("I", [ord(" ")])


def _column_pieces(encoded: str) -> Iterator[bytes]:
    """b"a b c ab bc" for "abc", in pieces: the column of a 20 MB one-line page never
    exists as a Python str (tests/perf/bench_bounds.py)."""
    n = len(encoded)
    for start in range(0, n, _PIECE):
        yield _spaced(encoded[start : start + _PIECE], 1, last=start + _PIECE >= n == 1)
    for start in range(0, n - 1, _PIECE):  # each with the character after it
        yield _spaced(encoded[start : start + _PIECE + 1], 2, last=start + _PIECE >= n - 1)


def _column_size(encoded: str) -> int:
    """len(b"".join(_column_pieces(encoded))), without making it."""
    n = len(encoded)
    if n < 2:
        return len(encoded.encode())
    sizes = sum(len(encoded[s : s + _PIECE].encode()) for s in range(0, n, _PIECE))
    ends = len(encoded[0].encode()) + len(encoded[-1].encode())
    # Each character and a space, then each bigram and a space, less the last space.
    return (sizes + n) + (2 * sizes - ends + n - 1) - 1


def _spaced(chars: str, width: int, last: bool) -> bytes:
    """b"a b c " (width 1) or b"ab bc " (width 2) for "abc" (no space at the end if
    ``last``), laid out in an array of code points: joining one string per character or
    bigram took 5x as long."""
    codes = array("I", chars.encode("utf-32-le"))
    count = len(codes) - width + 1
    out = _SPACE * ((width + 1) * count - last)
    for k in range(width):
        out[k :: width + 1] = codes[k : k + count]
    return codecs.utf_32_le_decode(memoryview(out))[0].encode()


def length_class(size: int) -> int:
    """The length class of an article of ``size`` tokens."""
    if size <= _CLASS_BASE:
        return 0
    return min(LENGTH_CLASSES - 1, round(math.log(size / _CLASS_BASE, _CLASS_RATIO)))


def rank_weights(conn: sqlite3.Connection) -> tuple[float, ...]:
    """RANK_SQL's parameters now: each column's field weight times its class's length
    factor (see Ranking above), from FTS5's totals of rows and tokens."""
    row = conn.execute("SELECT block FROM search_index_data WHERE id = 1").fetchone()
    return _weights(bytes(row[0]) if row else b"")


@functools.lru_cache(maxsize=8)
def _weights(averages: bytes) -> tuple[float, ...]:
    # FTS5's "averages" record: varints of the row count, then each column's token total.
    numbers = _varints(averages)
    factors = [1.0] * LENGTH_CLASSES  # an empty index (or a record not understood)
    if len(numbers) == len(COLUMNS) + 1 and numbers[0] and sum(numbers[1:]):
        mean = sum(numbers[1:]) / numbers[0]
        k_fts = _K1 * (1 - _B + _B * -len(COLUMNS) / mean)  # every column counted -1 long
        if abs(k_fts) >= 1e-9:  # (lengths can't be carried by a factor of 0)
            factors = [
                k_fts / (_K1 * (1 - _B + _B * _CLASS_BASE * _CLASS_RATIO**k / mean))
                for k in range(LENGTH_CLASSES)
            ]
    return tuple(FIELD_WEIGHTS[field] * factor for factor in factors for field in FIELDS)


def _varints(data: bytes) -> list[int]:
    """SQLite's varints (big-endian 7-bit groups; a 9th byte holds 8 bits)."""
    numbers, value, length = [], 0, 0
    for byte in data:
        length += 1
        if length == 9:
            numbers.append(value << 8 | byte)
            value, length = 0, 0
        elif byte & 0x80:
            value = value << 7 | byte & 0x7F
        else:
            numbers.append(value << 7 | byte)
            value, length = 0, 0
    return numbers


@functools.cache
def signature() -> str:
    """Changes whenever the tokens of some text would change: index version and fold table."""
    digest = hashlib.sha256(str(INDEX_VERSION).encode())
    digest.update(array("I", normal_table()).tobytes())
    return f"{INDEX_VERSION}:{digest.hexdigest()[:16]}"


def _term_expression(term: str) -> str:
    # No column filter: every column is searched (filtering positions by column costs ~20%
    # per row), and a token's length already says whether it is a character or a bigram.
    encoded = _encode(term)
    if len(encoded) == 1:
        return f'"{encoded}"'
    return '"' + " ".join(map(add, encoded, encoded[1:])) + '"'


def match_expression(terms: Sequence[str]) -> str:
    """The FTS5 MATCH text for the AND of ``terms`` (already normalised, non-empty)."""
    return " AND ".join(f"({_term_expression(t)})" for t in terms)


def needs_verification(terms: Iterable[str]) -> bool:
    """True when a term holds a character the token map is lossy for."""
    return any(
        (ord(c) < 0x80 and not c.isalnum()) or _PUA <= ord(c) < _PUA_END for t in terms for c in t
    )


def filter_expression(query: str, mentions: Sequence[str] | None) -> str | None:
    """The MATCH text for a filter's query and its mentions (any of those words): "" when it
    has neither, None when some term's hits need checking (the token map's stand-ins)."""
    terms = query_terms(query)
    words = [query_terms(w) for w in mentions or ()]
    if not all(words):  # a blank word is in every article
        words = []
    if needs_verification([*terms, *(t for w in words for t in w)]):
        return None
    either = " OR ".join(f"({match_expression(w)})" for w in words)
    if terms and either:
        return f"({match_expression(terms)}) AND ({either})"
    return match_expression(terms) if terms else either


# --- the index ---------------------------------------------------------------------------


@dataclass
class _Texts:
    title: str
    body: str
    extra: str = ""


class SearchIndex:
    """Writes and queries ``search_index``. Writes take the caller's transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- state --------------------------------------------------------------------------

    def needs_rebuild(self) -> bool:
        """True when articles are stored that the index does not (correctly) hold."""
        if self._stored_signature() == signature():
            return False
        return self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None

    def _stored_signature(self, conn: sqlite3.Connection | None = None) -> str | None:
        return _meta(conn or self.db.conn, META_KEY)

    def indexed(self, conn: sqlite3.Connection, article_id: int) -> bool:
        """Inside a write: does the index hold this article as the current tokens have it
        (so the write must update it)? Not while it waits for a rebuild to reach it."""
        if self._stored_signature(conn) == signature():
            return True
        reached = _rebuilt_to(conn)
        return reached is not None and article_id <= reached

    def ensure_current(self) -> None:
        if self.needs_rebuild():
            self.rebuild()

    def rebuild(self, progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> int:
        """Index every article anew, in id order, :data:`REBUILD_BATCH` articles per
        transaction (other writers wait one batch at most); returns how many it indexed.

        Cancelled or killed, it goes on from its last batch next time (and another
        process's rebuild works along with it). Until the last batch the stored signature
        stays old: searches rebuild first, and writes update the index only for articles
        already re-indexed (:meth:`indexed`)."""
        done = 0
        while not (cancelled and cancelled()):
            with self.db.transaction() as conn:
                reached = self._rebuild_start(conn)
                if reached is None:
                    break
                rows = conn.execute(
                    "SELECT a.id, a.title, a.body, x.text FROM articles a"
                    " LEFT JOIN search_extra x ON x.article_id = a.id"
                    " WHERE a.id > ? ORDER BY a.id LIMIT ?",
                    (reached, REBUILD_BATCH),
                ).fetchall()
                for article_id, title, body, extra in rows:
                    self._insert(conn, article_id, title, body, extra or "")
                if rows:
                    reached = rows[-1][0]
                if len(rows) < REBUILD_BATCH:  # the last batch: the index is whole
                    _set_meta(conn, META_KEY, signature())
                    conn.execute("DELETE FROM meta WHERE key = ?", (_REBUILT_TO_KEY,))
                else:
                    _set_meta(conn, _REBUILT_TO_KEY, f"{signature()} {reached}")
            done += len(rows)
            self.tidy(steps=4)  # keeping up with the batches' segments
            if progress:  # (counted outside the write: others wait on it)
                indexed, total = self.db.execute(
                    "SELECT total(id <= ?), count(*) FROM articles", (reached,)
                ).fetchone()
                whole = len(rows) < REBUILD_BATCH  # (imports since hold the current index)
                progress(total if whole else int(indexed), total, "")
        log.info("search index: %d articles re-indexed", done)
        return done

    def tidy(self, steps: int | None = None, cancelled: CancelFn | None = None) -> int:
        """Merge the index's segments, a step of :data:`MERGE_PAGES` pages per transaction,
        until nothing is left to merge (or after ``steps``); returns the steps taken.

        Every write adds a segment (a b-tree) and a search looks a term up in each: a
        library imported file by file searches slower than one merged. FTS5 merges
        only when asked (the table's automerge is 0, so no import's write does it for
        seconds); imports take a step per file, the analysis process the rest."""
        taken = 0
        while (steps is None or taken < steps) and not (cancelled and cancelled()):
            with self.db.transaction() as conn:
                before = conn.total_changes
                conn.execute(
                    "INSERT INTO search_index(search_index, rank) VALUES ('merge', ?)",
                    (MERGE_PAGES,),
                )
                merged = conn.total_changes - before > 1  # (nothing to do writes ~1 row)
            if not merged:
                break
            taken += 1
        return taken

    def _rebuild_start(self, conn: sqlite3.Connection) -> int | None:
        """Inside the rebuild's write: the last article id re-indexed (0: start, emptying
        the index), or None when the index is current."""
        if self._stored_signature(conn) == signature():
            return None
        reached = _rebuilt_to(conn)
        if reached is None:
            conn.execute("INSERT INTO search_index(search_index) VALUES ('delete-all')")
            _set_meta(conn, _REBUILT_TO_KEY, f"{signature()} 0")
            reached = 0
        return reached

    # -- writes (inside the caller's transaction) ---------------------------------------

    def add(self, conn: sqlite3.Connection, article_id: int, title: str, body: str) -> None:
        """Index a newly stored article (its extra text starts empty)."""
        if self.indexed(conn, article_id) or self._first_article(conn, article_id):
            self._insert(conn, article_id, title, body, "")

    def replace(self, conn: sqlite3.Connection, article_id: int, title: str, body: str) -> None:
        """Index an article's new title and body in place of its stored ones (call before
        its row is written); its notes stay indexed with it."""
        texts = self._texts(conn, article_id)
        if texts is not None and self.indexed(conn, article_id):
            self._delete(conn, article_id, texts.title, texts.body, texts.extra)
            self._insert(conn, article_id, title, body, texts.extra)

    def _first_article(self, conn: sqlite3.Connection, article_id: int) -> bool:
        """Is this a new library's first article? Then the index is current from now on
        (nothing to rebuild)."""
        if self._stored_signature(conn) is not None or _rebuilt_to(conn) is not None:
            return False
        others = conn.execute("SELECT 1 FROM articles WHERE id != ? LIMIT 1", (article_id,))
        if others.fetchone() is not None:
            return False
        _set_meta(conn, META_KEY, signature())
        return True

    def remove(self, conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
        """Take articles out of the index; call before deleting their rows."""
        for article_id in article_ids:
            texts = self._texts(conn, article_id)
            if texts is not None and self.indexed(conn, article_id):
                self._delete(conn, article_id, texts.title, texts.body, texts.extra)

    def set_extra_text(self, conn: sqlite3.Connection, article_id: int, text: str) -> bool:
        """Replace an article's searchable extra text; False if there is no such article."""
        texts = self._texts(conn, article_id)
        if texts is None:
            return False
        if texts.extra == text:
            return True
        current = self.indexed(conn, article_id)
        if current:
            self._delete(conn, article_id, texts.title, texts.body, texts.extra)
        if text:
            conn.execute(
                "INSERT INTO search_extra (article_id, text) VALUES (?, ?)"
                " ON CONFLICT(article_id) DO UPDATE SET text = excluded.text",
                (article_id, text),
            )
        else:
            conn.execute("DELETE FROM search_extra WHERE article_id = ?", (article_id,))
        if current:
            self._insert(conn, article_id, texts.title, texts.body, text)
        return True

    def extra_text(self, article_id: int) -> str:
        row = self.db.execute(
            "SELECT text FROM search_extra WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else ""

    @staticmethod
    def _texts(conn: sqlite3.Connection, article_id: int) -> _Texts | None:
        row = conn.execute(
            "SELECT a.title, a.body, x.text FROM articles a"
            " LEFT JOIN search_extra x ON x.article_id = a.id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        return _Texts(row[0], row[1], row[2] or "") if row else None

    def _insert(
        self, conn: sqlite3.Connection, article_id: int, title: str, body: str, extra: str
    ) -> None:
        _write(conn, article_id, (title, body, extra))

    def _delete(
        self, conn: sqlite3.Connection, article_id: int, title: str, body: str, extra: str
    ) -> None:
        # Contentless: FTS5 removes exactly the tokens given, so they must be the indexed ones
        # (the same texts give the same length class).
        _write(conn, article_id, (title, body, extra), delete=True)

    # -- queries ------------------------------------------------------------------------

    # -- queries (``where``, ``params``: a filter's conditions on ROWID) ---------------

    def count(self, match: str, where: str = "1", params: Sequence[object] = ()) -> int:
        """How many articles match ``match`` (and ``where``)."""
        sql = f"SELECT count(*) FROM search_index WHERE search_index MATCH ? AND {where}"
        return self.db.execute(sql, [match, *params]).fetchone()[0]

    def ranked_ids(
        self, match: str, where: str, params: Sequence[object], descending: bool = True
    ) -> list[int]:
        """Every id matching ``match``, best first (worst first unless ``descending``);
        newest first among equals."""
        order, ties = ("ASC", "DESC") if descending else ("DESC", "ASC")  # bm25: lower wins
        select = (
            "SELECT rowid AS id FROM search_index WHERE search_index MATCH ?"
            f" AND {where} ORDER BY {RANK_SQL} {order}, rowid {ties}"
        )
        weights = rank_weights(self.db.conn)
        return ordered_ids(self.db, select, [match, *params, *weights])

    def verified(self, ids: list[int], terms: list[str]) -> list[int]:
        """Keep the ids whose texts really hold every term (the token map is lossy)."""
        keep: set[int] = set()
        finder = TermFinder(terms)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                "SELECT a.id, a.title, a.body, x.text FROM articles a LEFT JOIN search_extra x"
                f" ON x.article_id = a.id WHERE a.id IN ({marks})",
                chunk,
            ):
                if finder.holds_all(r[1], r[2], r[3] or ""):
                    keep.add(r[0])
        return [i for i in ids if i in keep]

    def search(
        self, terms: list[str], where: str, params: Sequence[object], limit: int, offset: int
    ) -> list[SearchHit]:
        """Best hits of ``terms`` (normalised, non-empty) first, with snippets."""
        match = match_expression(terms)
        if not needs_verification(terms):
            # Bigram phrases match exactly: rank in SQL, read the texts of the page only.
            return self.hits(self._ranked(match, where, params, limit, offset), terms)
        # Candidates may be false (the token map's stand-ins): check them in rank order,
        # a growing batch at a time, only until the page is full.
        found: list[SearchHit] = []
        start, batch = 0, max(offset + limit, 50)
        while len(found) < offset + limit:
            ranked = self._ranked(match, where, params, batch, start)
            found += self.hits(ranked, terms, expect_false=True)
            if len(ranked) < batch:
                break
            start += batch
            batch *= 2
        return found[offset : offset + limit]

    def _ranked(
        self, match: str, where: str, params: Sequence[object], limit: int, offset: int = 0
    ) -> list[tuple[tuple, float]]:
        """(hit row, score) matching ``match``, best first, filtered before the limit: the
        ranking and the page's texts in one query. The score is -bm25: higher is better."""
        sql = (
            f"SELECT {_HIT_COLUMNS}, r.score FROM ("
            f" SELECT rowid, -{RANK_SQL} AS score FROM search_index"
            f" WHERE search_index MATCH ? AND {where} ORDER BY score DESC, rowid DESC"
            " LIMIT ? OFFSET ?"
            f") r JOIN articles a ON a.id = r.rowid {_HIT_EXTRA}"
            " ORDER BY r.score DESC, r.rowid DESC"
        )
        weights = rank_weights(self.db.conn)
        rows = self.db.execute(sql, [*weights, match, *params, limit, offset]).fetchall()
        return [(tuple(r)[:-1], r[-1]) for r in rows]

    def hit(self, article_id: int, terms: list[str]) -> SearchHit | None:
        """Snippet and title hits of one article (score 0); None when it does not match."""
        row = self.db.execute(
            f"SELECT {_HIT_COLUMNS} FROM articles a {_HIT_EXTRA} WHERE a.id = ?", (article_id,)
        ).fetchone()
        if not terms or row is None:
            return None
        found = self.hits([(tuple(row), 0.0)], terms, expect_false=True)
        return found[0] if found else None

    def hits(
        self,
        rows: Iterable[tuple[Sequence, float]],
        terms: Sequence[str],
        expect_false: bool = False,
    ) -> list[SearchHit]:
        """SearchHits for (row, score) pairs, rows holding (id, title, section,
        continued_from, body, extra); rows where some term is not really there are dropped.

        Without ``expect_false`` such a row means the index is out of step (a warning);
        with it (a query the token map is lossy for) it is an expected false candidate."""
        finder = TermFinder(terms)
        found = []
        for row, score in rows:
            one = hit(finder, tuple(row), score)
            if one is not None:
                found.append(one)
            elif not expect_false:
                log.warning("search index out of step for article %d; dropped", row[0])
        return found


def _write(
    conn: sqlite3.Connection, article_id: int, texts: tuple[str, str, str], delete: bool = False
) -> None:
    """Index (or with ``delete`` unindex) an article's title, body and extra text, in the
    columns of its length class. A long body reaches FTS5 through a staging table written
    piece by piece: neither Python nor the statement's parameters hold its column whole."""
    title, body, extra = texts
    k = length_class(sum(map(_token_count, texts))) * len(FIELDS)
    columns = ", ".join(COLUMNS[k : k + len(FIELDS)])
    if delete:
        sql = f"INSERT INTO search_index (search_index, rowid, {columns}) SELECT 'delete', ?"
    else:
        sql = f"INSERT INTO search_index (rowid, {columns}) SELECT ?"
    title_column, extra_column = (tokens(t)[0] for t in (title, extra))
    if len(body) < LONG_TEXT:
        body_column = tokens(body)[0]
        conn.execute(f"{sql}, ?, ?, ?", (article_id, title_column, body_column, extra_column))
        return
    _stage(conn, body)
    try:
        conn.execute(
            f"{sql}, ?, column, ? FROM temp.{_STAGING} WHERE rowid = 1",
            (article_id, title_column, extra_column),
        )
    finally:
        conn.execute(f"DELETE FROM temp.{_STAGING}")


def _stage(conn: sqlite3.Connection, text: str) -> None:
    """The column text of ``text`` into row 1 of the staging table, piece by piece (its
    normalised text goes with this call, before FTS5 reads the column)."""
    encoded = _indexed(text)
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_STAGING} (column BLOB NOT NULL)")
    conn.execute(
        f"INSERT OR REPLACE INTO temp.{_STAGING} (rowid, column) VALUES (1, zeroblob(?))",
        (_column_size(encoded),),
    )
    with conn.blobopen(_STAGING, "column", 1, name="temp") as blob:
        for piece in _column_pieces(encoded):
            blob.write(piece)


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _rebuilt_to(conn: sqlite3.Connection) -> int | None:
    """The last article id a rebuild towards the current signature has indexed, if one
    is under way."""
    mark = _meta(conn, _REBUILT_TO_KEY)
    if mark is None:
        return None
    made_for, _, reached = mark.rpartition(" ")
    return int(reached) if made_for == signature() else None
