"""Articles and their sources in the library file: plain records in, plain records out."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from reader.store import search
from reader.store.db import Database
from reader.store.search import SearchHit, SearchIndex

log = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")

# Columns for the article list: everything but the body and the source text.
_ROW_COLUMNS = """a.id, a.title, a.subtitle, a.section, a.kind, a.continued_from,
    substr(a.body, 1, 40) AS lead, a.added_at, s.path AS source,
    (SELECT read_at FROM article_reads WHERE article_id = a.id) AS read_at,
    EXISTS (SELECT 1 FROM article_stars WHERE article_id = a.id) AS starred,
    EXISTS (SELECT 1 FROM article_trash WHERE article_id = a.id) AS trashed,
    (SELECT json_group_array(t.name) FROM article_tags g JOIN tags t ON t.id = g.tag_id
     WHERE g.article_id = a.id) AS tags"""

# sort name -> ORDER BY template ({d} is ASC or DESC); page order stays ascending.
SORTS: dict[str, str] = {
    "added": "a.source_id {d}, a.position, a.id",
    "date": "a.added_at {d}, a.source_id {d}, a.position, a.id",
    "title": "a.title = '', a.title {d}, a.id",
    "source": "s.path {d}, a.source_id {d}, a.position, a.id",
    "relevance": "rank",  # only with a query; otherwise "added"
}

_NOT_TRASHED = "a.id NOT IN (SELECT article_id FROM article_trash)"
_TRASHED = "a.id IN (SELECT article_id FROM article_trash)"


@dataclass
class NewArticle:
    """An article about to be stored (what the splitter produced plus its script)."""

    title: str
    body: str
    script: str
    subtitle: str = ""
    byline: str = ""
    section: str = ""
    captions: list[str] = field(default_factory=list)
    continued_from: str = ""
    continues_to: str = ""
    kind: str = "article"

    @property
    def digest(self) -> str:
        """Same normalised content, same digest: how duplicates are recognised."""
        return content_digest(self.title, self.body)


@dataclass(frozen=True)
class ArticleRow:
    """What the article list shows; no body."""

    id: int
    title: str
    subtitle: str
    section: str
    kind: str
    continued_from: str
    lead: str
    added_at: str
    source: str
    read_at: str = ""  # "" while unread
    starred: bool = False
    trashed: bool = False
    tags: tuple[str, ...] = ()

    @property
    def display_title(self) -> str:
        return display_title(self.title, self.section, self.continued_from, self.lead)

    @property
    def read(self) -> bool:
        return bool(self.read_at)

    @property
    def date(self) -> str:
        return self.added_at[:10]


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    title: str
    subtitle: str
    byline: str
    section: str
    body: str
    captions: list[str]
    continued_from: str
    continues_to: str
    kind: str
    script: str
    added_at: str
    source: str
    encoding: str
    source_id: int | None

    @property
    def display_title(self) -> str:
        return display_title(self.title, self.section, self.continued_from, self.body)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p.strip()]


@dataclass
class ArticleFilter:
    """What the article list shows; every field narrows it (all None/False: everything)."""

    query: str = ""  # search text: whitespace-separated terms, all must occur
    unread_only: bool = False
    starred_only: bool = False
    tag: str | None = None
    source: int | str | None = None  # source id, or the path it was imported from
    section: str | None = None
    date_from: str | None = None  # "YYYY-MM-DD", inclusive, on the date added
    date_to: str | None = None  # "YYYY-MM-DD", inclusive
    trashed: bool = False  # True: the trash instead of the library


@dataclass
class AddResult:
    ids: list[int] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)  # ids of the articles already stored


def content_digest(title: str, body: str) -> str:
    normalised = _SPACE.sub("", title) + "\n" + _SPACE.sub("", body)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def display_title(title: str, section: str, continued_from: str, body: str) -> str:
    """A title for untitled items (briefs, continuations): label plus the first words."""
    if title:
        return title
    lead = body.strip().split("\n", 1)[0][:18]
    if len(lead) == 18:
        lead += "…"
    label = section or (f"上接{continued_from}" if continued_from else "")
    return f"{label}：{lead}" if label else lead


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


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
        """Store a source and its new articles at once: all of it or nothing."""
        result = AddResult()
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        search.signature()  # build the token tables first, not while holding the write lock
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id FROM sources WHERE digest = ?", (digest,)).fetchone()
            if row:
                source_id = row[0]
            else:
                source_id = conn.execute(
                    "INSERT INTO sources (path, encoding, digest, text, splitter_version,"
                    " imported_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (path, encoding, digest, text, splitter_version, now()),
                ).lastrowid
            for position, art in enumerate(articles):
                existing = conn.execute(
                    "SELECT id FROM articles WHERE digest = ?", (art.digest,)
                ).fetchone()
                if existing:
                    result.duplicates.append(existing[0])
                    continue
                result.ids.append(
                    conn.execute(
                        "INSERT INTO articles (source_id, position, title, subtitle, byline,"
                        " section, body, captions, continued_from, continues_to, kind, script,"
                        " digest, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            source_id,
                            position,
                            art.title,
                            art.subtitle,
                            art.byline,
                            art.section,
                            art.body,
                            json.dumps(art.captions, ensure_ascii=False),
                            art.continued_from,
                            art.continues_to,
                            art.kind,
                            art.script,
                            art.digest,
                            now(),
                        ),
                    ).lastrowid
                )
                self.index.add(conn, result.ids[-1], art.title, art.body)
        return result

    def count(self, filter: ArticleFilter | None = None) -> int:
        """All stored articles (trash included), or those ``filter`` selects."""
        if filter is None:
            return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return len(self.ids(filter))

    # -- the article list ---------------------------------------------------------------

    def ids(
        self,
        filter: ArticleFilter | None = None,
        sort: str = "added",
        descending: bool = True,
    ) -> list[int]:
        """Article ids the filter selects, in ``sort`` order (a key of :data:`SORTS`).

        By default: every article not in the trash, newest import first, page order
        within a source. ``sort="relevance"`` orders a query's hits best first.
        """
        f = filter or ArticleFilter()
        if sort not in SORTS:
            raise ValueError(f"unknown sort {sort!r}; valid: {', '.join(SORTS)}")
        terms = search.query_terms(f.query)
        where, params = _where(f)
        direction = "DESC" if descending else "ASC"
        if terms:
            self.index.ensure_current()
            params.insert(0, search.match_expression(terms))
        if terms and sort == "relevance":
            # bm25 is negative, best first when ascending.
            order = f"{search.RANK_SQL} {'ASC' if descending else 'DESC'}, a.id"
            sql = (
                "SELECT a.id FROM search_index JOIN articles a ON a.id = search_index.rowid"
                f" WHERE search_index MATCH ? AND {where} ORDER BY {order}"
            )
        else:
            if terms:
                where = (
                    "a.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)"
                    f" AND {where}"
                )
            order = SORTS["added" if sort == "relevance" else sort].format(d=direction)
            join = " LEFT JOIN sources s ON s.id = a.source_id" if sort == "source" else ""
            sql = f"SELECT a.id FROM articles a{join} WHERE {where} ORDER BY {order}"
        found = [r[0] for r in self.db.execute(sql, params)]
        if terms and search.needs_verification(terms):
            found = self._verified(found, terms)
        return found

    def _verified(self, ids: list[int], terms: list[str]) -> list[int]:
        """Keep the ids whose texts really hold every term (lossy token map, see search)."""
        keep: set[int] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                "SELECT a.id, a.title, a.body, x.text FROM articles a LEFT JOIN search_extra x"
                f" ON x.article_id = a.id WHERE a.id IN ({marks})",
                chunk,
            ):
                if search.contains_all(terms, r[1], r[2], r[3] or ""):
                    keep.add(r[0])
        return [i for i in ids if i in keep]

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
        terms = search.query_terms(query)
        if not terms:
            return []
        self.index.ensure_current()
        where, params = _where(filter or ArticleFilter())
        sql = (
            "SELECT a.id, a.title, a.section, a.continued_from, a.body, x.text AS extra,"
            f" -{search.RANK_SQL} AS score FROM search_index"
            " JOIN articles a ON a.id = search_index.rowid"
            " LEFT JOIN search_extra x ON x.article_id = a.id"
            f" WHERE search_index MATCH ? AND {where} ORDER BY score DESC, a.id"
        )
        args = [search.match_expression(terms), *params]
        if search.needs_verification(terms):
            # Candidates may include false ones: verify all before paging.
            hits = self.index.hits(self.db.execute(sql, args), terms)
            return hits[offset : offset + limit]
        rows = self.db.execute(f"{sql} LIMIT ? OFFSET ?", [*args, limit, offset])
        return self.index.hits(rows, terms)

    def hit(self, article_id: int, query: str) -> SearchHit | None:
        """Snippet and title hits of one article for a query (e.g. for a list row)."""
        terms = search.query_terms(query)
        row = self.db.execute(
            "SELECT a.id, a.title, a.section, a.continued_from, a.body, x.text AS extra,"
            " 0.0 AS score FROM articles a LEFT JOIN search_extra x ON x.article_id = a.id"
            " WHERE a.id = ?",
            (article_id,),
        ).fetchall()
        found = self.index.hits(row, terms) if terms else []
        return found[0] if found else None

    def set_extra_text(self, article_id: int, text: str) -> bool:
        """Replace the article's searchable notes / annotation quotes (all of them, joined
        by newlines; "" clears). False when there is no such article."""
        with self.db.transaction() as conn:
            return self.index.set_extra_text(conn, article_id, text)

    def extra_text(self, article_id: int) -> str:
        return self.index.extra_text(article_id)

    # -- reading state ------------------------------------------------------------------

    def mark_read(self, ids: int | Iterable[int], read: bool = True) -> None:
        """Mark articles read now (keeps the first read time), or unread again."""
        wanted = _id_list(ids)
        with self.db.transaction() as conn:
            if read:
                stamp = now()
                conn.executemany(
                    "INSERT OR IGNORE INTO article_reads (article_id, read_at)"
                    " SELECT id, ? FROM articles WHERE id = ?",
                    [(stamp, i) for i in wanted],
                )
            else:
                _delete_ids(conn, "article_reads", wanted)

    def set_starred(self, ids: int | Iterable[int], starred: bool = True) -> None:
        wanted = _id_list(ids)
        with self.db.transaction() as conn:
            if starred:
                stamp = now()
                conn.executemany(
                    "INSERT OR IGNORE INTO article_stars (article_id, starred_at)"
                    " SELECT id, ? FROM articles WHERE id = ?",
                    [(stamp, i) for i in wanted],
                )
            else:
                _delete_ids(conn, "article_stars", wanted)

    def read_at(self, article_id: int) -> str | None:
        row = self.db.execute(
            "SELECT read_at FROM article_reads WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def is_starred(self, article_id: int) -> bool:
        return _exists(self.db, "article_stars", article_id)

    def is_trashed(self, article_id: int) -> bool:
        return _exists(self.db, "article_trash", article_id)

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

    # -- trash --------------------------------------------------------------------------

    def trash(self, ids: int | Iterable[int]) -> None:
        """Move articles to the trash: hidden from ids() and search until restored."""
        wanted = _id_list(ids)
        with self.db.transaction() as conn:
            stamp = now()
            conn.executemany(
                "INSERT OR IGNORE INTO article_trash (article_id, trashed_at)"
                " SELECT id, ? FROM articles WHERE id = ?",
                [(stamp, i) for i in wanted],
            )

    def restore(self, ids: int | Iterable[int]) -> None:
        wanted = _id_list(ids)
        with self.db.transaction() as conn:
            _delete_ids(conn, "article_trash", wanted)

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


def _where(f: ArticleFilter) -> tuple[str, list[object]]:
    """SQL condition on ``articles a`` (and its parameters) for everything but the query."""
    clauses = [_TRASHED if f.trashed else _NOT_TRASHED]
    params: list[object] = []
    if f.unread_only:
        clauses.append("a.id NOT IN (SELECT article_id FROM article_reads)")
    if f.starred_only:
        clauses.append("a.id IN (SELECT article_id FROM article_stars)")
    if f.tag is not None:
        clauses.append(
            "a.id IN (SELECT g.article_id FROM article_tags g"
            " JOIN tags t ON t.id = g.tag_id WHERE t.name = ?)"
        )
        params.append(f.tag.strip())
    if isinstance(f.source, int):
        clauses.append("a.source_id = ?")
        params.append(f.source)
    elif f.source is not None:
        clauses.append("a.source_id IN (SELECT id FROM sources WHERE path = ?)")
        params.append(f.source)
    if f.section is not None:
        clauses.append("a.section = ?")
        params.append(f.section)
    # added_at is local ISO time: a date prefix compares as a string.
    if f.date_from:
        clauses.append("a.added_at >= ?")
        params.append(_day(f.date_from).isoformat())
    if f.date_to:
        clauses.append("a.added_at < ?")
        params.append((_day(f.date_to) + timedelta(days=1)).isoformat())
    return " AND ".join(clauses), params


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError as e:
        raise ValueError(f"not a date (YYYY-MM-DD): {text!r}") from e


def _row(r) -> ArticleRow:
    values = {k: r[k] or "" for k in r.keys()}  # noqa: SIM118
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
