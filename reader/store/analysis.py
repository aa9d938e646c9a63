"""Stored analysis of each article: keywords, entities, the terms behind the library's IDF.

Computed in the background after import (:mod:`reader.analysis`) and read when an
article opens, so opening never waits for the segmenter. Document frequencies are kept
by triggers on ``analyses`` (see the schema), so they always match what is stored.
Also the reader's own word lists: user dictionary words and watch words.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.scripts import convert, fold
from reader.store.db import Database

log = logging.getLogger(__name__)

# Bump when the analysis itself changes (stop words, engine), to recompute everything.
ANALYSIS_VERSION = 2  # 2: read through the simplified view, keywords by identity
# Keywords are recomputed once the library has grown or shrunk by this fraction since.
IDF_DRIFT = 0.25


@dataclass(frozen=True)
class StoredEntity:
    start: int
    end: int
    word: str
    kind: str  # person | place | org


class AnalysisStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- what needs work ------------------------------------------------------------------

    def pending(self, limit: int = 1000) -> list[int]:
        """Articles never analysed, or analysed by an older version."""
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
            " WHERE n.article_id IS NULL OR n.version < ? ORDER BY a.id LIMIT ?",
            (ANALYSIS_VERSION, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def stale_keywords(self, limit: int = 1000) -> list[int]:
        """Articles whose keywords used an IDF from a library of a quite different size."""
        n = self.analysed_count()
        low, high = n / (1 + IDF_DRIFT), n * (1 + IDF_DRIFT)
        rows = self.db.execute(
            "SELECT article_id FROM analyses WHERE n_docs < ? OR n_docs > ?"
            " ORDER BY article_id LIMIT ?",
            (low, high, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def analysed_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM analyses").fetchone()[0]

    def document_frequencies(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT term, df FROM term_df WHERE df > 0").fetchall())

    # -- writing --------------------------------------------------------------------------

    def save(
        self,
        article_id: int,
        terms: Iterable[str],
        keywords: list[tuple[str, float]],
        entities: Iterable[tuple[int, int, str, str]],
        n_docs: int,
        keyword_spans: Iterable[tuple[int, int, str]] = (),
    ) -> None:
        with self.db.transaction() as conn:
            exists = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            if not exists:  # deleted while we worked on it
                return
            conn.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
            conn.execute(
                "INSERT INTO analyses (article_id, version, n_docs, terms, entities,"
                " keyword_spans) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    ANALYSIS_VERSION,
                    n_docs,
                    json.dumps(sorted(set(terms)), ensure_ascii=False),
                    json.dumps([list(e) for e in entities], ensure_ascii=False),
                    json.dumps([list(k) for k in keyword_spans], ensure_ascii=False),
                ),
            )
            self._write_keywords(conn, article_id, keywords)

    def save_keywords(
        self,
        article_id: int,
        keywords: list[tuple[str, float]],
        n_docs: int,
        keyword_spans: Iterable[tuple[int, int, str]],
    ) -> None:
        spans = json.dumps([list(k) for k in keyword_spans], ensure_ascii=False)
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE analyses SET n_docs = ?, keyword_spans = ? WHERE article_id = ?",
                (n_docs, spans, article_id),
            )
            self._write_keywords(conn, article_id, keywords)

    @staticmethod
    def _write_keywords(conn, article_id: int, keywords: list[tuple[str, float]]) -> None:
        conn.execute("DELETE FROM keywords WHERE article_id = ?", (article_id,))
        conn.executemany(
            "INSERT INTO keywords (article_id, rank, word, weight) VALUES (?, ?, ?, ?)",
            [(article_id, i, w, weight) for i, (w, weight) in enumerate(keywords)],
        )

    # -- reading --------------------------------------------------------------------------

    def terms(self, article_id: int) -> list[str]:
        row = self.db.execute(
            "SELECT terms FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        return json.loads(row[0]) if row else []

    def keywords(self, article_id: int) -> list[tuple[str, float]]:
        rows = self.db.execute(
            "SELECT word, weight FROM keywords WHERE article_id = ? ORDER BY rank",
            (article_id,),
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def entities(self, article_id: int) -> list[StoredEntity] | None:
        """None when the article has not been analysed yet."""
        row = self.db.execute(
            "SELECT entities FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        return [StoredEntity(*e) for e in json.loads(row[0])] if row else None

    def keyword_spans(self, article_id: int) -> list[tuple[int, int, str]]:
        """Where the stored keywords stand in the body, as whole words (segmenter tokens)."""
        row = self.db.execute(
            "SELECT keyword_spans FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        return [tuple(k) for k in json.loads(row[0])] if row else []

    def articles_with_keyword(self, word: str, exclude: int | None = None, limit: int = 50):
        """Other articles that have ``word`` among their keywords, strongest first."""
        rows = self.db.execute(
            "SELECT article_id FROM keywords WHERE word = ? AND article_id IS NOT ?"
            " ORDER BY weight DESC LIMIT ?",
            (word, exclude, limit),
        ).fetchall()
        return [r[0] for r in rows]

    # -- the reader's word lists ----------------------------------------------------------

    def user_words(self) -> dict[str, str]:
        """word → origin ('user' or 'byline')."""
        return dict(self.db.execute("SELECT word, origin FROM user_words").fetchall())

    def add_user_words(self, words: Iterable[str], origin: str = "user") -> list[str]:
        """Add words not yet known in either script (自行车 is 自行車); returns the ones
        that were new."""
        known = {fold(w) for w in self.user_words()}
        new = []
        for word in dict.fromkeys(words):
            if word and fold(word) not in known:
                known.add(fold(word))
                new.append(word)
        if new:
            with self.db.transaction() as conn:
                conn.executemany(
                    "INSERT INTO user_words (word, origin) VALUES (?, ?)",
                    [(w, origin) for w in new],
                )
        return new

    def remove_user_word(self, word: str) -> None:
        """Remove ``word`` in whichever script it was added."""
        gone = [w for w in self.user_words() if fold(w) == fold(word)] or [word]
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM user_words WHERE word = ?", [(w,) for w in gone])

    def set_user_words(self, words: Iterable[str]) -> bool:
        """The user dictionary becomes ``words`` (blank lines dropped); the articles
        holding a word taken out or added are analysed again. False if nothing changed."""
        wanted = [w.strip() for w in words if w.strip()]
        current = self.user_words()
        gone = set(current) - set(wanted)
        for word in gone:
            self.remove_user_word(word)
            self.invalidate_containing(word)
        new = self.add_user_words(wanted)
        for word in new:
            self.invalidate_containing(word)
        return bool(gone or new)

    def invalidate_containing(self, word: str) -> int:
        """Mark the analyses of articles that contain ``word`` (in any script) for
        recomputation."""
        spellings = sorted(_spellings(word))
        test = " OR ".join(["instr(title, ?) OR instr(body, ?)"] * len(spellings))
        with self.db.transaction() as conn:
            return conn.execute(
                "UPDATE analyses SET version = 0 WHERE article_id IN"
                f" (SELECT id FROM articles WHERE {test})",
                [w for w in spellings for _ in (0, 1)],
            ).rowcount

    def watch_words(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT word FROM watch_words ORDER BY rowid")]

    def set_watch_words(self, words: Iterable[str]) -> None:
        """One entry per word whatever its script (发展 and 發展 are one watch word)."""
        seen: set[str] = set()
        clean = []
        for word in (w.strip() for w in words):
            if word and fold(word) not in seen:
                seen.add(fold(word))
                clean.append(word)
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM watch_words")
            conn.executemany("INSERT INTO watch_words (word) VALUES (?)", [(w,) for w in clean])


def _spellings(word: str) -> set[str]:
    """``word`` as simplified, traditional, Taiwan and Hong Kong text would write it."""
    simplified = convert(word, "t2s")
    return {word, simplified} | {convert(simplified, c) for c in ("s2t", "s2tw", "s2hk")}
