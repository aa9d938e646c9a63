"""Articles and their sources in the library file: plain records in, plain records out."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from reader.core import textsearch
from reader.core.records import (
    ArticleFilter,
    ArticleRecord,
    ArticleRow,
    NewArticle,
    now,
)
from reader.core.textsearch import SearchHit
from reader.store import search
from reader.store.db import Database, ordered_ids
from reader.store.search import LONG_TEXT, SearchIndex

log = logging.getLogger(__name__)

# Columns for the article list: everything but the body and the source text.
_ROW_COLUMNS = """a.id, a.title, a.subtitle, a.section, a.kind, a.continued_from,
    substr(a.body, 1, 40) AS lead, a.added_at, a.published, a.url, a.site, s.path AS source,
    a.script,
    (SELECT read_at FROM article_reads WHERE article_id = a.id) AS read_at,
    EXISTS (SELECT 1 FROM article_stars WHERE article_id = a.id) AS starred,
    EXISTS (SELECT 1 FROM article_trash WHERE article_id = a.id) AS trashed,
    (SELECT json_group_array(t.name) FROM article_tags g JOIN tags t ON t.id = g.tag_id
     WHERE g.article_id = a.id) AS tags"""


# Orders of ids(): "added" = import order (newest source first when descending, page
# order within a source either way), "date" = published, else added (DATE),
# "title" (untitled last),
# "source" = source path, "relevance" = best search hits first (needs a query).
SORTS = ("added", "date", "title", "source", "relevance")
# descending -> ORDER BY for "added"; each one walks an index (schema 1.4).
_ADDED_ORDER = {
    True: "a.source_id DESC, a.position, a.id",
    False: "a.source_id, a.position, a.id",
}
# Up to this many search hits are looked up by id; more are found by walking the list.
_FEW_HITS = 2000

_NOT_TRASHED = "a.id NOT IN (SELECT article_id FROM article_trash)"
# An article's date: when it was published if known, else when it was added (ISO text;
# its first ten characters are the day). Indexed (schema 2.8: articles_by_date).
DATE = "coalesce(a.published, a.added_at)"

# Reading state a replaced article passes to its successor: table, columns. The first two
# (read mark, star) also pass to a new version of a changed file.
_STATE_TABLES = (
    ("article_reads", "read_at"),
    ("article_stars", "starred_at"),
    ("article_trash", "trashed_at"),
    ("reading_positions", "position, updated_at"),
)


@dataclass
class AddResult:
    ids: list[int] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)  # ids of the articles already stored


class ArticleStore:
    """Reads and writes articles; every write is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.index = SearchIndex(db)

    def source_by_digest(self, digest: str) -> int | None:
        row = self.db.execute("SELECT id FROM sources WHERE digest = ?", (digest,)).fetchone()
        return row[0] if row else None

    def add_source(
        self,
        path: str,
        encoding: str,
        text: str,
        splitter_version: int,
        articles: Sequence[NewArticle],
    ) -> AddResult:
        """Store a source and its new articles at once: all of it or nothing.

        Articles already stored are duplicates, wherever they came from; a file holding
        nothing new (a copy of one imported before, at any path) adds no source either.
        New articles are filed under a source of this path: the same text imported from
        another path before gets a source row of its own here, since the path names the
        file the reader knows and its suffix decides how the text is split (and re-split).
        """
        search.signature()  # build the token tables first, not while holding the write lock
        with self.db.transaction() as conn:
            return self.add_source_in(conn, path, encoding, text, splitter_version, articles)

    def add_source_in(
        self,
        conn: sqlite3.Connection,
        path: str,
        encoding: str,
        text: str,
        splitter_version: int,
        articles: Sequence[NewArticle],
    ) -> AddResult:
        """:meth:`add_source` inside the caller's transaction."""
        result = AddResult()
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        source_id: int | None = None
        new_source = False
        for position, art in enumerate(articles):
            existing = self.duplicate_in(conn, art)
            if existing is not None:
                result.duplicates.append(existing)
                continue
            if source_id is None:
                source_id, new_source = _source_of(
                    conn, path, encoding, digest, text, splitter_version
                )
            result.ids.append(self.insert_in(conn, source_id, position, art))
        if new_source and source_id is not None:
            _write_text(conn, "sources", "text", source_id, text)
        return result

    @staticmethod
    def duplicate_in(conn: sqlite3.Connection, art: NewArticle) -> int | None:
        """The stored article ``art`` repeats: the same text, or for a web article the same
        address or the same body under another title."""
        row = conn.execute("SELECT id FROM articles WHERE digest = ?", (art.digest,)).fetchone()
        if row is None and art.web and art.url:
            row = conn.execute(
                "SELECT id FROM articles WHERE url IN (?, ?) ORDER BY id LIMIT 1",
                (art.url, _other_scheme(art.url)),
            ).fetchone()
        if row is None and art.body_digest is not None:
            row = conn.execute(
                "SELECT id FROM articles WHERE body_digest = ? ORDER BY id LIMIT 1",
                (art.body_digest,),
            ).fetchone()
        return row[0] if row else None

    def insert_in(
        self, conn: sqlite3.Connection, source_id: int, position: int, art: NewArticle
    ) -> int:
        """Insert and index one article inside the caller's transaction; its new id."""
        long_body = len(art.body) >= LONG_TEXT
        article_id = conn.execute(
            "INSERT INTO articles (source_id, position, title, subtitle, byline,"
            " section, body, captions, continued_from, continues_to, kind, script,"
            " digest, added_at, published, url, site, body_digest)"
            " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                source_id,
                position,
                art.title,
                art.subtitle,
                art.byline,
                art.section,
                b"" if long_body else art.body.encode(),  # (see _write_text)
                json.dumps(art.captions, ensure_ascii=False),
                art.continued_from,
                art.continues_to,
                art.kind,
                art.script,
                art.digest,
                now(),
                art.published,
                art.url,
                art.site,
                art.body_digest,
            ),
        ).lastrowid
        assert article_id is not None
        self.index.add(conn, article_id, art.title, art.body)
        if long_body:
            _write_text(conn, "articles", "body", article_id, art.body)
        return article_id

    def replace_in(self, conn: sqlite3.Connection, article_id: int, art: NewArticle) -> bool:
        """Give a stored article new text in place (a feed entry changed upstream): same
        id, reading state and tags; indexed again and analysed again. False when another
        article already has this text (then nothing changes)."""
        clash = conn.execute(
            "SELECT id FROM articles WHERE digest = ? AND id != ?", (art.digest, article_id)
        ).fetchone()
        if clash is not None:
            return False
        self.index.replace(conn, article_id, art.title, art.body)
        conn.execute(
            "UPDATE articles SET title = ?, subtitle = ?, byline = ?, body = ?, captions = ?,"
            " script = ?, digest = ?, published = coalesce(?, published),"
            " url = coalesce(?, url), site = coalesce(nullif(?, ''), site), body_digest = ?"
            " WHERE id = ?",
            (
                art.title,
                art.subtitle,
                art.byline,
                art.body,
                json.dumps(art.captions, ensure_ascii=False),
                art.script,
                art.digest,
                art.published,
                art.url,
                art.site,
                art.body_digest,
                article_id,
            ),
        )
        # Its keywords were of the old text: the analysis takes it up again.
        conn.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
        return True

    def count(self, filter: ArticleFilter | None = None) -> int:
        """All stored articles (trash included), or those ``filter`` selects."""
        if filter is None:
            return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        if filter.mentions == ():
            return 0
        match = self._match(filter)
        if match is None:  # hits to check one by one (punctuation): count the list
            return len(self.ids(filter))
        if not match:
            where, params = _where(filter)
            sql = f"SELECT count(*) FROM articles a WHERE {where}"
            return self.db.execute(sql, params).fetchone()[0]
        self.index.ensure_current()
        return self.index.count(match, *_where(filter, search.ROWID))

    @staticmethod
    def _match(f: ArticleFilter) -> str | None:
        return search.filter_expression(f.query, f.mentions)

    def list_signature(self) -> tuple[int, int, int]:
        """Changes when articles are added, deleted, trashed or restored: (articles, the
        highest id, trashed). Counts over narrow indexes: milliseconds at 100,000."""
        row = self.db.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT coalesce(max(id), 0) FROM articles),"
            " (SELECT count(*) FROM article_trash)"
        ).fetchone()
        return (row[0], row[1], row[2])

    # -- the article list ---------------------------------------------------------------

    def ids(
        self,
        filter: ArticleFilter | None = None,
        sort: str = "added",
        descending: bool = True,
    ) -> list[int]:
        """Article ids the filter selects, in ``sort`` order (one of :data:`SORTS`).

        By default: every article not in the trash, newest import first, page order
        within a source. ``sort="relevance"`` orders a query's hits best first (without
        a query it is "added").
        """
        f = filter or ArticleFilter()
        if sort not in SORTS:
            raise ValueError(f"unknown sort {sort!r}; valid: {', '.join(SORTS)}")
        if f.mentions is not None:
            return self._mentioning(f, "added" if sort == "relevance" else sort, descending)
        terms = textsearch.query_terms(f.query)
        if not terms:
            return self._listed(f, "added" if sort == "relevance" else sort, descending)
        self.index.ensure_current()
        match = search.match_expression(terms)
        if sort == "relevance":
            found = self.index.ranked_ids(match, *_where(f, search.ROWID), descending)
        else:
            found = self._matching(match, f, sort, descending)
        if search.needs_verification(terms):
            found = self.index.verified(found, terms)
        return found

    def _mentioning(self, f: ArticleFilter, sort: str, descending: bool) -> list[int]:
        """Ids where any of ``f.mentions`` occurs (and every term of ``f.query``): one FTS5
        query ORing the words. Words whose hits need checking (punctuation) are searched
        one by one and the union put in list order."""
        assert f.mentions is not None
        if not f.mentions:
            return []
        if not all(textsearch.query_terms(w) for w in f.mentions):  # a blank word: everywhere
            return self.ids(replace(f, mentions=None), sort, descending)
        match = self._match(f)
        if match is None:
            keep: set[int] = set()
            for word in f.mentions:
                one = replace(f, mentions=None, query=f"{f.query} {word}")
                keep.update(self.ids(one, "added", descending))
            return self._listed_order(keep, f, sort, descending)
        self.index.ensure_current()
        return self._matching(match, f, sort, descending)

    def _listed(
        self,
        f: ArticleFilter,
        sort: str,
        descending: bool,
        among: tuple[str, object] | None = None,
        walk: bool = True,
    ) -> list[int]:
        """The ids ``f`` selects in ``sort`` order: SQL does the ordering, most sorts by
        walking an index rather than sorting rows.

        ``among``: (a SELECT of candidate ids, its one parameter) narrows the list to
        those ids. With ``walk`` SQLite walks the list's index and probes them (many
        candidates); without, it looks each one up and sorts the few (the cheaper way
        for a small share of the library)."""
        where, params = _where(f)
        if among is not None:
            select, value = among
            # Unary + keeps SQLite walking the ordered index, probing the candidates.
            where = f"{'+' if walk else ''}a.id IN ({select}) AND {where}"
            params.insert(0, value)
        d = "DESC" if descending else "ASC"
        if sort == "source":
            return self._by_source(where, params, descending)
        if sort == "title":
            # Untitled items (briefs, continuations) last in both directions; equal
            # titles by id in the same direction, so the title index is walked as it is.
            titled = self._select(f"a.title != '' AND {where}", params, f"a.title {d}, a.id {d}")
            untitled = self._select(f"a.title = '' AND {where}", params, _ADDED_ORDER[descending])
            return titled + untitled
        order = _ADDED_ORDER[descending] if sort == "added" else f"{DATE} {d}, a.id {d}"
        return self._select(where, params, order)

    def _select(self, where: str, params: list[object], order: str) -> list[int]:
        return ordered_ids(
            self.db, f"SELECT a.id FROM articles a WHERE {where} ORDER BY {order}", params
        )

    def _by_source(self, where: str, params: list[object], descending: bool) -> list[int]:
        """By source path (then source), page order within a source either way: sources
        walked in path order (schema 1.6: sources_by_path), each one's articles by
        articles_list. Articles whose source is gone come last (first when descending)."""
        d = "DESC" if descending else "ASC"
        grouped = ordered_ids(
            self.db,
            "SELECT a.id FROM sources s JOIN articles a ON a.source_id = s.id"
            f" WHERE {where} ORDER BY s.path {d}, s.id {d}, a.position, a.id",
            params,
        )
        orphans = self._select(f"a.source_id IS NULL AND {where}", params, _ADDED_ORDER[False])
        return orphans + grouped if descending else grouped + orphans

    def _matching(self, match: str, f: ArticleFilter, sort: str, descending: bool) -> list[int]:
        """Ids matching ``match`` in a list order: few hits are looked up and sorted, many
        are found by walking the list's index."""
        hits = self.index.count(match)
        if not hits:
            return []
        largest = self.db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
        walk = hits > max(_FEW_HITS, largest // 6)
        return self._listed(f, sort, descending, (search.MATCHING_IDS, match), walk)

    def _listed_order(
        self, keep: set[int], f: ArticleFilter, sort: str, descending: bool
    ) -> list[int]:
        """These ids (already selected by ``f``) in list order."""
        if not keep:
            return []
        largest = self.db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
        among = ("SELECT value FROM json_each(?)", json.dumps(sorted(keep)))
        bare = ArticleFilter(trashed=f.trashed)  # the rest of f is in keep already
        return self._listed(bare, sort, descending, among, len(keep) > largest // 6)

    def rows(self, ids: Iterable[int]) -> dict[int, ArticleRow]:
        """List rows for these ids (missing ids are simply absent)."""
        wanted = list(ids)
        found: dict[int, ArticleRow] = {}
        for start in range(0, len(wanted), 500):  # stay under SQLite's variable limit
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                f"SELECT {_ROW_COLUMNS} FROM articles a LEFT JOIN sources s"
                f" ON s.id = a.source_id WHERE a.id IN ({marks})",
                chunk,
            ):
                found[r["id"]] = _row(r)
        return found

    # -- search -------------------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        filter: ArticleFilter | None = None,
    ) -> list[SearchHit]:
        """Best hits first, with snippets; ``filter`` narrows (its own query is ignored)."""
        terms = textsearch.query_terms(query)
        if not terms or limit <= 0:
            return []
        self.index.ensure_current()
        where, params = _where(filter or ArticleFilter(), search.ROWID)
        return self.index.search(terms, where, params, limit, offset)

    def hit(self, article_id: int, query: str) -> SearchHit | None:
        """Snippet and title hits of one article for a query (e.g. for a list row);
        None when the article does not match. Its score is 0."""
        return self.index.hit(article_id, textsearch.query_terms(query))

    def set_extra_text(self, article_id: int, text: str) -> bool:
        """Replace the article's searchable notes / annotation quotes (all of them, joined
        by newlines; "" clears). False when there is no such article."""
        with self.db.transaction() as conn:
            return self.index.set_extra_text(conn, article_id, text)

    def extra_text(self, article_id: int) -> str:
        return self.index.extra_text(article_id)

    # -- reading state ------------------------------------------------------------------

    def unread_among(self, ids: Sequence[int]) -> set[int]:
        """Which of these articles are unread: one query, a look-up per id (cheap for a
        few ids however many articles were read)."""
        rows = self.db.execute(
            "SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))"
            " AND NOT EXISTS (SELECT 1 FROM article_reads r WHERE r.article_id = a.id)",
            (json.dumps(list(ids)),),
        )
        return {r[0] for r in rows}

    def mark_read(self, ids: int | Iterable[int], read: bool = True) -> None:
        """Mark articles read now (keeps the first read time), or unread again."""
        self._set_mark("article_reads", "read_at", ids, read)

    def set_starred(self, ids: int | Iterable[int], starred: bool = True) -> None:
        self._set_mark("article_stars", "starred_at", ids, starred)

    def _set_mark(self, table: str, stamp_column: str, ids: int | Iterable[int], on: bool) -> None:
        """Add (stamped now; an existing mark keeps its time) or remove a per-article mark."""
        wanted = _id_list(ids)
        with self.db.transaction() as conn:
            if on:
                stamp = now()
                conn.executemany(
                    f"INSERT OR IGNORE INTO {table} (article_id, {stamp_column})"
                    " SELECT id, ? FROM articles WHERE id = ?",
                    [(stamp, i) for i in wanted],
                )
            else:
                _delete_ids(conn, table, wanted)

    def read_at(self, article_id: int) -> str | None:
        row = self.db.execute(
            "SELECT read_at FROM article_reads WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def is_starred(self, article_id: int) -> bool:
        return _exists(self.db, "article_stars", article_id)

    def is_trashed(self, article_id: int) -> bool:
        return _exists(self.db, "article_trash", article_id)

    def reading_position(self, article_id: int) -> float | None:
        """Where the reader left the article (0..1 of its length); None if never kept."""
        row = self.db.execute(
            "SELECT position FROM reading_positions WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def set_reading_position(self, article_id: int, fraction: float) -> None:
        """Remember where the reader is (clamped to 0..1); nothing for a missing article."""
        value = float(fraction)
        if value != value:  # NaN, e.g. from a view with no height yet
            raise ValueError("reading position must be a number between 0 and 1")
        value = min(1.0, max(0.0, value))
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO reading_positions (article_id, position, updated_at)"
                " SELECT id, ?, ? FROM articles WHERE id = ?"
                " ON CONFLICT(article_id) DO UPDATE SET position = excluded.position,"
                " updated_at = excluded.updated_at",
                (value, now(), article_id),
            )

    # -- tags ---------------------------------------------------------------------------

    def add_tag(self, ids: int | Iterable[int], tag: str) -> None:
        name = _tag_name(tag)
        wanted = _id_list(ids)
        with self.db.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
            tag_id = conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()[0]
            conn.executemany(
                "INSERT OR IGNORE INTO article_tags (tag_id, article_id)"
                " SELECT ?, id FROM articles WHERE id = ?",
                [(tag_id, i) for i in wanted],
            )
            _drop_unused_tags(conn)  # no such article: no empty tag either

    def remove_tag(self, ids: int | Iterable[int], tag: str) -> None:
        """Untag articles; a tag no article keeps any more disappears."""
        name = tag.strip()
        wanted = _id_list(ids)
        with self.db.transaction() as conn:
            conn.executemany(
                "DELETE FROM article_tags WHERE article_id = ?"
                " AND tag_id = (SELECT id FROM tags WHERE name = ?)",
                [(i, name) for i in wanted],
            )
            _drop_unused_tags(conn)

    def delete_tag(self, tag: str) -> None:
        """Remove a tag from every article."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM tags WHERE name = ?", (tag.strip(),))

    def rename_tag(self, old: str, new: str) -> None:
        """Rename a tag; renaming onto an existing tag merges the two."""
        old_name, new_name = old.strip(), _tag_name(new)
        if old_name == new_name:
            return
        with self.db.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (new_name,))
            conn.execute(
                "INSERT OR IGNORE INTO article_tags (tag_id, article_id)"
                " SELECT (SELECT id FROM tags WHERE name = ?), g.article_id"
                " FROM article_tags g JOIN tags t ON t.id = g.tag_id WHERE t.name = ?",
                (new_name, old_name),
            )
            conn.execute("DELETE FROM tags WHERE name = ?", (old_name,))

    def tags(self, article_id: int) -> list[str]:
        rows = self.db.execute(
            "SELECT t.name FROM article_tags g JOIN tags t ON t.id = g.tag_id"
            " WHERE g.article_id = ? ORDER BY t.name",
            (article_id,),
        )
        return [r[0] for r in rows]

    def tags_with_counts(self) -> list[tuple[str, int]]:
        """Every tag with how many articles outside the trash carry it, by name."""
        rows = self.db.execute(
            "SELECT t.name, count(g.article_id) FROM tags t LEFT JOIN article_tags g"
            " ON g.tag_id = t.id AND g.article_id NOT IN (SELECT article_id FROM article_trash)"
            " GROUP BY t.id ORDER BY t.name"
        )
        return [(r[0], r[1]) for r in rows]

    # -- facets for filter menus --------------------------------------------------------

    def sources_with_counts(self) -> list[tuple[int, str, int]]:
        """(source id, path, articles outside the trash), newest import first."""
        rows = self.db.execute(
            "SELECT s.id, s.path, count(a.id) FROM sources s JOIN articles a"
            f" ON a.source_id = s.id WHERE {_NOT_TRASHED} GROUP BY s.id ORDER BY s.id DESC"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def sections_with_counts(self) -> list[tuple[str, int]]:
        rows = self.db.execute(
            f"SELECT a.section, count(*) FROM articles a WHERE a.section != '' AND {_NOT_TRASHED}"
            " GROUP BY a.section ORDER BY a.section"
        )
        return [(r[0], r[1]) for r in rows]

    def days_with_counts(self) -> list[tuple[str, int]]:
        """("YYYY-MM-DD" published, count) newest first, then ("", count) of the articles
        whose publication date is unknown (articles outside the trash)."""
        rows = self.db.execute(
            "SELECT substr(a.published, 1, 10) AS day, count(*) FROM articles a"
            f" WHERE {_NOT_TRASHED} GROUP BY day ORDER BY day IS NULL, day DESC"
        )
        return [(r[0] or "", r[1]) for r in rows]

    # -- trash --------------------------------------------------------------------------

    def trash(self, ids: int | Iterable[int]) -> None:
        """Move articles to the trash: hidden from ids() and search until restored."""
        self._set_mark("article_trash", "trashed_at", ids, True)

    def restore(self, ids: int | Iterable[int]) -> None:
        self._set_mark("article_trash", "trashed_at", ids, False)

    def trashed_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM article_trash").fetchone()[0]

    def empty_trash(self) -> int:
        """Delete the trashed articles for good (their sources' raw text stays, so a
        re-import brings them back); returns how many."""
        with self.db.transaction() as conn:
            ids = [r[0] for r in conn.execute("SELECT article_id FROM article_trash")]
            self.index.remove(conn, ids)
            _delete_ids(conn, "articles", ids, column="id")
            _drop_unused_tags(conn)
        log.info("emptied trash: %d articles deleted", len(ids))
        return len(ids)

    # -- new versions of a source (reader.resplit, reader.annotation_io) ---------------
    # The *_in methods run inside the caller's transaction (``db.transaction()``).

    def source_text(self, source_id: int) -> tuple[str, str] | None:
        """(path, kept text) of a stored source."""
        row = self.db.execute("SELECT path, text FROM sources WHERE id = ?", (source_id,))
        found = row.fetchone()
        return (found[0], found[1]) if found else None

    def imported_before(self, path: str, article_id: int) -> bool:
        """True when another (older, different) text was imported from ``path`` than the
        one holding ``article_id``."""
        row = self.db.execute(
            "SELECT 1 FROM sources WHERE path = ? AND id !="
            " (SELECT source_id FROM articles WHERE id = ?) LIMIT 1",
            (path, article_id),
        ).fetchone()
        return row is not None

    def digest(self, article_id: int) -> str | None:
        """The article's content digest: its key across libraries."""
        row = self.db.execute("SELECT digest FROM articles WHERE id = ?", (article_id,))
        found = row.fetchone()
        return found[0] if found else None

    @staticmethod
    def source_articles_in(conn: sqlite3.Connection, source_id: int) -> list[tuple]:
        """(id, digest, title, body) of a source's articles, in page order."""
        return conn.execute(
            "SELECT id, digest, title, body FROM articles WHERE source_id = ?"
            " ORDER BY position, id",
            (source_id,),
        ).fetchall()

    @staticmethod
    def id_by_digest_in(conn: sqlite3.Connection, digest: str) -> int | None:
        row = conn.execute("SELECT id FROM articles WHERE digest = ?", (digest,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def text_in(conn: sqlite3.Connection, article_id: int) -> tuple[int, str, str] | None:
        """(id, title, body) of one article."""
        row = conn.execute(
            "SELECT id, title, body FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    @staticmethod
    def body_by_digest_in(conn: sqlite3.Connection, digest: str) -> tuple[int, str] | None:
        """(id, body) of the article with this content digest."""
        row = conn.execute("SELECT id, body FROM articles WHERE digest = ?", (digest,)).fetchone()
        return (row[0], row[1]) if row else None

    @staticmethod
    def bodies_titled_in(conn: sqlite3.Connection, title: str) -> list[tuple[int, str]]:
        """(id, body) of the articles of this title, oldest first."""
        rows = conn.execute("SELECT id, body FROM articles WHERE title = ? ORDER BY id", (title,))
        return [(r[0], r[1]) for r in rows]

    @staticmethod
    def update_metadata_in(
        conn: sqlite3.Connection, article_id: int, position: int, art: NewArticle
    ) -> None:
        """Place and label an unchanged article as a new split has it."""
        conn.execute(
            "UPDATE articles SET position = ?, subtitle = ?, byline = ?, section = ?,"
            " captions = ?, continued_from = ?, continues_to = ?, kind = ?,"
            " published = coalesce(?, published), url = coalesce(?, url),"
            " site = coalesce(nullif(?, ''), site) WHERE id = ?",
            (
                position,
                art.subtitle,
                art.byline,
                art.section,
                json.dumps(art.captions, ensure_ascii=False),
                art.continued_from,
                art.continues_to,
                art.kind,
                art.published,
                art.url,
                art.site,
                article_id,
            ),
        )

    @staticmethod
    def copy_state_in(
        conn: sqlite3.Connection, old_id: int, new_id: int, *, positions: bool = True
    ) -> None:
        """Copy reading state to a successor: read mark, star and tags; with ``positions``
        also the trash and the reading position. What the successor has already stays."""
        tables = _STATE_TABLES if positions else _STATE_TABLES[:2]
        for table, columns in tables:
            conn.execute(
                f"INSERT OR IGNORE INTO {table} (article_id, {columns})"
                f" SELECT ?, {columns} FROM {table} WHERE article_id = ?",
                (new_id, old_id),
            )
        conn.execute(
            "INSERT OR IGNORE INTO article_tags (tag_id, article_id)"
            " SELECT tag_id, ? FROM article_tags WHERE article_id = ?",
            (new_id, old_id),
        )

    def delete_in(self, conn: sqlite3.Connection, ids: list[int]) -> None:
        """Delete articles (and their index rows and tags no longer used)."""
        self.index.remove(conn, ids)
        _delete_ids(conn, "articles", ids, column="id")
        _drop_unused_tags(conn)

    @staticmethod
    def set_splitter_version_in(conn: sqlite3.Connection, source_id: int, version: int) -> None:
        conn.execute("UPDATE sources SET splitter_version = ? WHERE id = ?", (version, source_id))

    @staticmethod
    def earlier_versions_in(conn: sqlite3.Connection, new_ids: Sequence[int]) -> list[int]:
        """Titled articles imported earlier from the paths of these new articles' sources."""
        marks = ",".join("?" * len(new_ids))
        rows = conn.execute(
            "SELECT DISTINCT a.id FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE s.path IN (SELECT path FROM sources WHERE id IN"
            f" (SELECT source_id FROM articles WHERE id IN ({marks})))"
            f" AND a.id NOT IN ({marks}) AND a.title != ''",
            [*new_ids, *new_ids],
        )
        return [r[0] for r in rows]

    def get(self, article_id: int) -> ArticleRecord | None:
        r = self.db.execute(
            "SELECT a.*, s.path AS source, s.encoding AS encoding FROM articles a"
            " LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if r is None:
            return None
        return ArticleRecord(
            id=r["id"],
            title=r["title"],
            subtitle=r["subtitle"],
            byline=r["byline"],
            section=r["section"],
            body=r["body"],
            captions=json.loads(r["captions"]),
            continued_from=r["continued_from"],
            continues_to=r["continues_to"],
            kind=r["kind"],
            script=r["script"],
            added_at=r["added_at"],
            source=r["source"] or "",
            encoding=r["encoding"] or "",
            source_id=r["source_id"],
            published=r["published"],
            url=r["url"],
            site=r["site"],
        )

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


# --- helpers ------------------------------------------------------------------------------


def _source_of(
    conn: sqlite3.Connection,
    path: str,
    encoding: str,
    digest: str,
    text: str,
    splitter_version: int,
) -> tuple[int, bool]:
    """The source row for ``text`` read from ``path``, made if there is none: (its id,
    whether it is new and its text still to be written by _write_text).

    ``sources.digest`` is unique: the first copy of a text is stored under the digest of
    the text, a copy at another path under the digest of path and text.
    """
    at_path = hashlib.sha256(f"{path}\0{text}".encode()).hexdigest()
    rows = conn.execute(
        "SELECT id, path, digest FROM sources WHERE digest IN (?, ?)", (digest, at_path)
    ).fetchall()
    for row in rows:
        if row[1] == path:
            return row[0], False
    key = at_path if any(row[2] == digest for row in rows) else digest
    source_id = conn.execute(
        "INSERT INTO sources (path, encoding, digest, text, splitter_version,"
        " imported_at) VALUES (?, ?, ?, '', ?, ?)",
        (path, encoding, key, splitter_version, now()),
    ).lastrowid
    assert source_id is not None
    return source_id, True


def _write_text(conn: sqlite3.Connection, table: str, column: str, row_id: int, text: str) -> None:
    """A source's text or a long body into its row, once its articles are indexed: the
    copies SQLite makes of a 20 MB text stay in the process's heap, and indexing takes
    the most memory of an import (tests/perf/bench_bounds.py)."""
    # As UTF-8: a str bound as a parameter keeps a UTF-8 copy of itself for as long as it
    # lives (a 20 MB page: 20 MB more until stored).
    conn.execute(
        f"UPDATE {table} SET {column} = CAST(? AS TEXT) WHERE id = ?", (text.encode(), row_id)
    )


def _where(f: ArticleFilter, ident: str = "a.id") -> tuple[str, list[object]]:
    """SQL condition (and parameters) on the article id ``ident``, for all but the query.

    With ``ident`` other than ``a.id`` (the search index's rowid) columns of ``articles``
    are reached through indexed subqueries."""
    clauses = [f"{ident} {'IN' if f.trashed else 'NOT IN'} (SELECT article_id FROM article_trash)"]
    params: list[object] = []

    def column(condition: str, *values: object, prefix: str = "a.") -> None:
        if ident == "a.id":
            clauses.append(f"{prefix}{condition}")
        else:
            clauses.append(f"{ident} IN (SELECT a.id FROM articles a WHERE {prefix}{condition})")
        params.extend(values)

    if f.unread_only:
        clauses.append(f"{ident} NOT IN (SELECT article_id FROM article_reads)")
    if f.starred_only:
        clauses.append(f"{ident} IN (SELECT article_id FROM article_stars)")
    if f.tag is not None:
        clauses.append(
            f"{ident} IN (SELECT g.article_id FROM article_tags g"
            " JOIN tags t ON t.id = g.tag_id WHERE t.name = ?)"
        )
        params.append(f.tag.strip())
    if isinstance(f.source, int):
        column("source_id = ?", f.source)
    elif f.source is not None:
        column("source_id IN (SELECT id FROM sources WHERE path = ?)", f.source)
    if f.section is not None:
        column("section = ?", f.section)
    if f.feed is not None:
        clauses.append(f"{ident} IN (SELECT article_id FROM feed_entries WHERE feed_id = ?)")
        params.append(f.feed)
    if f.feed_folder is not None:
        clauses.append(
            f"{ident} IN (SELECT e.article_id FROM feed_entries e JOIN feeds d"
            " ON d.id = e.feed_id WHERE d.folder = ?)"
        )
        params.append(f.feed_folder)
    # ISO text: a date prefix compares as a string. The list's date index (published,
    # else added) narrows the range; the publication date must be known.
    if f.date_from:
        column(f"{DATE} >= ? AND a.published IS NOT NULL", _day(f.date_from).isoformat(), prefix="")
    if f.date_to:
        column(f"{DATE} < ? AND a.published IS NOT NULL",
               (_day(f.date_to) + timedelta(days=1)).isoformat(), prefix="")  # fmt: skip
    if f.undated:
        column("published IS NULL")
    return " AND ".join(clauses), params


def _other_scheme(url: str) -> str:
    """The address with http and https swapped (the same page either way)."""
    if url.startswith("https://"):
        return "http://" + url[8:]
    return "https://" + url[7:] if url.startswith("http://") else url


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError as e:
        raise ValueError(f"not a date (YYYY-MM-DD): {text!r}") from e


def _row(r) -> ArticleRow:
    values: dict[str, Any] = {k: r[k] or "" for k in r.keys()}  # noqa: SIM118
    values["starred"] = bool(r["starred"])
    values["trashed"] = bool(r["trashed"])
    values["tags"] = tuple(sorted(json.loads(r["tags"]))) if r["tags"] else ()
    return ArticleRow(**values)


def _id_list(ids: int | Iterable[int]) -> list[int]:
    return [ids] if isinstance(ids, int) else list(dict.fromkeys(ids))


def _delete_ids(conn, table: str, ids: list[int], column: str = "article_id") -> None:
    conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in ids])


def _exists(db: Database, table: str, article_id: int) -> bool:
    sql = f"SELECT 1 FROM {table} WHERE article_id = ?"
    return db.execute(sql, (article_id,)).fetchone() is not None


def _tag_name(tag: str) -> str:
    name = " ".join(tag.split())
    if not name:
        raise ValueError("a tag needs a name")
    return name


def _drop_unused_tags(conn) -> None:
    conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)")
