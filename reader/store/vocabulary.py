"""The reader's vocabulary (生词本) in the library file. Every write is one transaction."""

from __future__ import annotations

import logging
from dataclasses import astuple

from reader.core.records import VocabularyWord, now
from reader.core.scripts import fold
from reader.store.db import Database

log = logging.getLogger(__name__)

_COLUMNS = "word, reading, definition, sentence, article_id, article_title, known, added_at"


class VocabularyStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        word: str,
        *,
        reading: str = "",
        definition: str = "",
        sentence: str = "",
        article_id: int | None = None,
        article_title: str = "",
    ) -> VocabularyWord:
        """Add `word`; a word already there keeps its place in the list and gets the new
        details where they are given (a sentence met later replaces an empty one)."""
        with self.db.transaction() as conn:
            conn.execute(
                f"INSERT INTO vocabulary ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"
                " ON CONFLICT(word) DO UPDATE SET"
                " reading = CASE WHEN excluded.reading != '' THEN excluded.reading"
                "  ELSE reading END,"
                " definition = CASE WHEN excluded.definition != '' THEN excluded.definition"
                "  ELSE definition END,"
                " sentence = CASE WHEN excluded.sentence != '' THEN excluded.sentence"
                "  ELSE sentence END,"
                " article_id = coalesce(excluded.article_id, article_id),"
                " article_title = CASE WHEN excluded.article_id IS NOT NULL"
                "  THEN excluded.article_title ELSE article_title END",
                (word, reading, definition, sentence, article_id, article_title, now()),
            )
        found = self.get(word)
        assert found is not None
        return found

    def get(self, word: str) -> VocabularyWord | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM vocabulary WHERE word = ?", (word,)
        ).fetchone()
        return _word(row) if row else None

    def all(self, query: str = "") -> list[VocabularyWord]:
        """Every word, the newest first; with `query`, those whose word, reading,
        definition or sentence contains it (case-insensitive for Latin letters)."""
        sql = f"SELECT {_COLUMNS} FROM vocabulary"
        params: tuple[str, ...] = ()
        if query:
            sql += (
                " WHERE instr(lower(word || char(31) || reading || char(31) || definition"
                " || char(31) || sentence), lower(?)) > 0"
            )
            params = (query,)
        rows = self.db.execute(sql + " ORDER BY added_at DESC, rowid DESC", params)
        return [_word(row) for row in rows]

    def ids(self, query: str = "") -> list[str]:
        """The words, the newest first (what the vocabulary window lists); with `query`,
        those whose word, reading, definition, sentence or article title contains it in
        either script (發展 finds 发展 and back; case-insensitive)."""
        wanted = fold(query.strip()).lower()
        sql = "SELECT word FROM vocabulary"
        params: tuple[str, ...] = ()
        if wanted:
            # Folded row by row by a function of ours: only the words found come back to
            # Python at once (a fetch of every row's text holds Python's lock throughout).
            self.db.conn.create_function("reader_folded", 1, _folded, deterministic=True)
            sql += (
                " WHERE instr(reader_folded(word || char(31) || reading || char(31) ||"
                " definition || char(31) || sentence || char(31) || article_title), ?) > 0"
            )
            params = (wanted,)
        rows = self.db.execute(sql + " ORDER BY added_at DESC, rowid DESC", params)
        return [row[0] for row in rows]

    def rows(self, words: list[str]) -> dict[str, VocabularyWord]:
        """These words' rows (those still there), read together."""
        out: dict[str, VocabularyWord] = {}
        for start in range(0, len(words), 500):  # SQLite's limit on parameters
            chunk = words[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT {_COLUMNS} FROM vocabulary WHERE word IN ({marks})"
            for row in self.db.execute(sql, tuple(chunk)):
                out[row[0]] = _word(row)
        return out

    def remove_words(self, words: list[str]) -> list[VocabularyWord]:
        """Remove these words in one transaction; what was removed (to put back)."""
        gone = list(self.rows(words).values())
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM vocabulary WHERE word = ?", [(w.word,) for w in gone])
        return gone

    def put_back(self, words: list[VocabularyWord]) -> None:
        """Words removed before, as they were (known, added date: their place in the list);
        a word added again meanwhile keeps its new row."""
        with self.db.transaction() as conn:
            conn.executemany(
                f"INSERT OR IGNORE INTO vocabulary ({_COLUMNS}) VALUES (?, ?, ?, ?,"
                # An article deleted for good meanwhile: the word is kept without it.
                " (SELECT id FROM articles WHERE id = ?), ?, ?, ?)",
                [astuple(w) for w in words],
            )

    def words(self, known: bool | None = None) -> set[str]:
        """The words alone (those known or not, when asked): what the pane marks."""
        sql = "SELECT word FROM vocabulary"
        if known is not None:
            sql += f" WHERE known = {int(known)}"
        return {row[0] for row in self.db.execute(sql)}

    def remove(self, word: str) -> bool:
        with self.db.transaction() as conn:
            return conn.execute("DELETE FROM vocabulary WHERE word = ?", (word,)).rowcount > 0

    def set_known(self, word: str, known: bool = True) -> bool:
        with self.db.transaction() as conn:
            done = conn.execute(
                "UPDATE vocabulary SET known = ? WHERE word = ?", (int(known), word)
            )
            return done.rowcount > 0


def _folded(text: str) -> str:
    return fold(text).lower()


def _word(row: tuple) -> VocabularyWord:
    word, reading, definition, sentence, article_id, title, known, added_at = row
    return VocabularyWord(
        word, reading, definition, sentence, article_id, title, bool(known), added_at
    )
