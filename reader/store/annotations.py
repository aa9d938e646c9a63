"""Highlights and notes in the library file: plain records in, plain records out. No Qt.

An annotation is stored against the article's ORIGINAL body: ``start``/``end`` count its code
points (W3C TextPositionSelector) and ``exact``/``prefix``/``suffix`` hold the quote and its
context (TextQuoteSelector), so it can be found again when the text changes
(:mod:`reader.core.anchors`). A highlight made in a script view is mapped to the original
before it gets here (:meth:`reader.library.Library.annotate`).

Every write is one transaction that also refreshes the article's searchable extra text
(all its quotes and notes), so a note is found by the library search as soon as it is saved,
and a crash loses nothing that a returned call reported saved.

An *orphaned* annotation is one whose quote could not be found again after its article was
re-split or changed: it keeps its old offsets and quote, is never drawn, and is listed by
:meth:`AnnotationStore.orphans` until the user deletes it.

Colours are keys (``yellow``, ``green``, ``blue``, ``pink``); what each means (重点, 引用, ...)
is the user's, kept in the library's ``meta`` table as JSON, so it travels with the library.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import replace

from reader.core import textsearch
from reader.core.anchors import Anchor
from reader.core.errors import AnnotationError, AnnotationNotFound
from reader.core.records import DEFAULT_COLOUR, DEFAULT_COLOURS, Annotation, Colour, now
from reader.core.web_annotation import new_note_id, normalise_id
from reader.store.db import Database
from reader.store.search import SearchIndex

log = logging.getLogger(__name__)

COLOURS_META_KEY = "annotation_colours"


_COLUMNS = (
    'id, article_id, start, "end", exact, prefix, suffix, color, note, orphaned, created, modified'
)
_SELECT = f"SELECT {', '.join('n.' + c for c in _COLUMNS.split(', '))} FROM annotations n"
# Library list order (newest source first, page order), then place in the article.
_LIST_ORDER = "a.source_id DESC, a.position, a.id, n.start, n.id"


def _annotation(row: sqlite3.Row | tuple) -> Annotation:
    return Annotation(
        id=row[0],
        article_id=row[1],
        start=row[2],
        end=row[3],
        exact=row[4],
        prefix=row[5],
        suffix=row[6],
        color=row[7],
        note=row[8],
        orphaned=bool(row[9]),
        created=row[10],
        modified=row[11],
    )


class AnnotationStore:
    """Reads and writes annotations; every write is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.index = SearchIndex(db)

    # -- writes -------------------------------------------------------------------------

    def add(
        self,
        article_id: int,
        anchor: Anchor,
        color: str = DEFAULT_COLOUR,
        note: str = "",
        id: str | None = None,
    ) -> Annotation:
        """Store a new annotation of ``article_id``'s original body.

        Raises ValueError for an unknown colour or an anchor whose quote is not at its
        position in the body, AnnotationError for a missing article or a taken id."""
        self.check_colour(color)
        stamp = now()
        annotation = Annotation.of(
            normalise_id(id) if id else new_note_id(),
            article_id,
            anchor,
            color=color,
            note=note,
            created=stamp,
            modified=stamp,
        )
        with self.db.transaction() as conn:
            body = _body(conn, article_id)
            if body[anchor.start : anchor.end] != anchor.exact or anchor.start >= anchor.end:
                raise ValueError(
                    f"the quote is not at {anchor.start}..{anchor.end} of article {article_id}"
                )
            if _exists(conn, annotation.id):
                raise AnnotationError(f"annotation {annotation.id} already exists")
            self.put_in(conn, annotation)
            self.refresh_extra_in(conn, article_id)
        log.debug("annotation %s added to article %d", annotation.id, article_id)
        return annotation

    def update(self, id: str, *, color: str | None = None, note: str | None = None) -> Annotation:
        """Change the colour and/or the note; returns the annotation as saved."""
        if color is not None:
            self.check_colour(color)
        with self.db.transaction() as conn:
            old = self._get_in(conn, id)
            new = replace(
                old,
                color=old.color if color is None else color,
                note=old.note if note is None else note,
                modified=now(),
            )
            self.put_in(conn, new)
            self.refresh_extra_in(conn, new.article_id)
        return new

    def delete(self, id: str) -> Annotation:
        """Delete one annotation; returns it as it was (for undo: :meth:`restore`)."""
        with self.db.transaction() as conn:
            old = self._get_in(conn, id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (old.id,))
            self.refresh_extra_in(conn, old.article_id)
        return old

    def restore(self, annotation: Annotation) -> None:
        """Put ``annotation`` back exactly as given (same id, dates and all), replacing the
        stored one with that id if there is one: undo of a delete or an edit."""
        with self.db.transaction() as conn:
            if _body_or_none(conn, annotation.article_id) is None:
                raise AnnotationError(
                    f"article {annotation.article_id} is no longer in the library"
                )
            old = self._find_in(conn, annotation.id)
            self.put_in(conn, annotation)
            self.refresh_extra_in(conn, annotation.article_id)
            if old is not None and old.article_id != annotation.article_id:
                self.refresh_extra_in(conn, old.article_id)

    # -- reads --------------------------------------------------------------------------

    def get(self, id: str) -> Annotation:
        """The annotation with this id; AnnotationNotFound if there is none."""
        return self._get_in(self.db.conn, id)

    def find(self, id: str) -> Annotation | None:
        """The annotation with this id, or None."""
        return self._find_in(self.db.conn, id)

    def for_article(self, article_id: int) -> list[Annotation]:
        """All of an article's annotations (orphaned ones too), by position."""
        rows = self.db.execute(
            f"{_SELECT} WHERE n.article_id = ? ORDER BY n.start, n.end, n.id", (article_id,)
        )
        return [_annotation(r) for r in rows]

    def browse(
        self,
        query: str = "",
        color: str | None = None,
        article_id: int | None = None,
        *,
        orphaned: bool | None = None,
        include_trashed: bool = False,
    ) -> list[Annotation]:
        """Annotations across the library, grouped by article in list order, by position.

        ``query``: whitespace-separated terms that must all occur in the quote or the note,
        compared as the library search does (traditional and simplified fold together, so
        简 finds 繁; case and full width ignored). ``color``: one colour key. ``orphaned``:
        only orphaned (True) or only placed (False) ones. Annotations of articles in the
        trash are left out unless ``include_trashed``.
        """
        where: list[str] = ["1"]
        params: list[object] = []
        if color is not None:
            where.append("n.color = ?")
            params.append(color)
        if article_id is not None:
            where.append("n.article_id = ?")
            params.append(article_id)
        if orphaned is not None:
            where.append("n.orphaned = ?")
            params.append(int(orphaned))
        if not include_trashed:
            where.append("n.article_id NOT IN (SELECT article_id FROM article_trash)")
        rows = self.db.execute(
            f"{_SELECT} JOIN articles a ON a.id = n.article_id"
            f" WHERE {' AND '.join(where)} ORDER BY {_LIST_ORDER}",
            params,
        )
        found = [_annotation(r) for r in rows]
        terms = textsearch.query_terms(query)
        if not terms:
            return found
        return [
            n
            for n in found
            if all(t in textsearch.normalise(f"{n.exact}\n{n.note}") for t in terms)
        ]

    def orphans(self) -> list[Annotation]:
        """Annotations whose quote was lost in a re-split or a changed text (trash too)."""
        return self.browse(orphaned=True, include_trashed=True)

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM annotations").fetchone()[0]

    def count_for(self, article_ids: list[int]) -> int:
        """How many annotations these articles hold (e.g. before emptying the trash)."""
        total = 0
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            total += self.db.execute(
                f"SELECT count(*) FROM annotations WHERE article_id IN ({marks})", chunk
            ).fetchone()[0]
        return total

    # -- colours ------------------------------------------------------------------------

    def colours(self) -> list[Colour]:
        """The colours in menu order, with the user's meanings."""
        labels = self._labels()
        return [
            replace(c, label=labels[c.key], renamed=True) if c.key in labels else c
            for c in DEFAULT_COLOURS
        ]

    def colour(self, key: str) -> Colour:
        for c in self.colours():
            if c.key == key:
                return c
        raise ValueError(_unknown_colour(key))

    def meaning(self, key: str) -> str:
        """The user's label for a colour key ("" for a key this version does not know)."""
        return next((c.label for c in self.colours() if c.key == key), "")

    def colour_key(self, name: str) -> str:
        """The key for a colour named by key (yellow) or by meaning (重点)."""
        wanted = name.strip()
        for c in self.colours():
            if wanted in (c.key, c.label):
                return c.key
        raise ValueError(_unknown_colour(wanted, self.colours()))

    def rename_colour(self, key: str, label: str) -> None:
        """Give a colour a new meaning (one line, not empty)."""
        self.check_colour(key)
        text = " ".join(label.split())
        if not text:
            raise ValueError("a colour's meaning cannot be empty")
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT value FROM meta WHERE key = ?", (COLOURS_META_KEY,)
            ).fetchone()
            labels = _parse_labels(row[0] if row else None)
            labels[key] = text
            if text == next(c.label for c in DEFAULT_COLOURS if c.key == key):
                del labels[key]  # back to the default, which a GUI may translate again
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (COLOURS_META_KEY, json.dumps(labels, ensure_ascii=False)),
            )

    @staticmethod
    def check_colour(key: str) -> None:
        if key not in {c.key for c in DEFAULT_COLOURS}:
            raise ValueError(_unknown_colour(key))

    def _labels(self) -> dict[str, str]:
        row = self.db.execute(
            "SELECT value FROM meta WHERE key = ?", (COLOURS_META_KEY,)
        ).fetchone()
        return _parse_labels(row[0] if row else None)

    # -- inside a caller's transaction (re-split, import) -------------------------------

    def put_in(self, conn: sqlite3.Connection, annotation: Annotation) -> None:
        """Insert or replace one row as given (no extra-text refresh)."""
        n = annotation
        conn.execute(
            f"INSERT OR REPLACE INTO annotations ({_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                n.id,
                n.article_id,
                n.start,
                n.end,
                n.exact,
                n.prefix,
                n.suffix,
                n.color,
                n.note,
                int(n.orphaned),
                n.created,
                n.modified,
            ),
        )

    def refresh_extra_in(self, conn: sqlite3.Connection, article_id: int) -> None:
        """Make the article's searchable extra text its quotes and notes."""
        parts: list[str] = []
        for exact, note in conn.execute(
            "SELECT exact, note FROM annotations WHERE article_id = ? ORDER BY start, id",
            (article_id,),
        ):
            parts.append(exact)
            if note:
                parts.append(note)
        self.index.set_extra_text(conn, article_id, "\n".join(parts))

    def for_article_in(self, conn: sqlite3.Connection, article_id: int) -> list[Annotation]:
        rows = conn.execute(
            f"{_SELECT} WHERE n.article_id = ? ORDER BY n.start, n.end, n.id", (article_id,)
        )
        return [_annotation(r) for r in rows]

    def find_in(self, conn: sqlite3.Connection, id: str) -> Annotation | None:
        return self._find_in(conn, id)

    def _find_in(self, conn: sqlite3.Connection, id: str) -> Annotation | None:
        try:
            key = normalise_id(id)
        except ValueError:
            return None
        row = conn.execute(f"{_SELECT} WHERE n.id = ?", (key,)).fetchone()
        return _annotation(row) if row else None

    def _get_in(self, conn: sqlite3.Connection, id: str) -> Annotation:
        found = self._find_in(conn, id)
        if found is None:
            raise AnnotationNotFound(f"no annotation with id {id}")
        return found


def _exists(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("SELECT 1 FROM annotations WHERE id = ?", (key,)).fetchone() is not None


def _body_or_none(conn: sqlite3.Connection, article_id: int) -> str | None:
    row = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def _body(conn: sqlite3.Connection, article_id: int) -> str:
    body = _body_or_none(conn, article_id)
    if body is None:
        raise AnnotationError(f"no article with id {article_id}")
    return body


def _parse_labels(value: str | None) -> dict[str, str]:
    """The user's colour meanings from meta; a damaged value falls back to the defaults."""
    if not value:
        return {}
    try:
        data = json.loads(value)
    except json.JSONDecodeError:
        log.warning("colour meanings in the library are not JSON; using the defaults")
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}


def _unknown_colour(key: str, colours: list[Colour] | tuple[Colour, ...] = DEFAULT_COLOURS) -> str:
    valid = ", ".join(f"{c.key} ({c.label})" for c in colours)
    return f"unknown colour {key!r}; valid: {valid}"
