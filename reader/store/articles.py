"""Articles and their sources in the library file: plain records in, plain records out."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reader.store.db import Database

log = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")

# Columns for the article list: everything but the body and the source text.
_ROW_COLUMNS = """a.id, a.title, a.subtitle, a.section, a.kind, a.continued_from,
    substr(a.body, 1, 40) AS lead, a.added_at, s.path AS source"""


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

    @property
    def display_title(self) -> str:
        return display_title(self.title, self.section, self.continued_from, self.lead)

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
        return result

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def ids(self) -> list[int]:
        """All article ids, newest import first, page order within a source."""
        rows = self.db.execute(
            "SELECT id FROM articles ORDER BY source_id DESC, position, id"
        ).fetchall()
        return [r[0] for r in rows]

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
                found[r["id"]] = ArticleRow(**{k: r[k] or "" for k in r.keys()})  # noqa: SIM118
        return found

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
