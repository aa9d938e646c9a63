"""Subscriptions in the library file: the feeds, their refresh state, and the entries each
one has brought (which article each became). Every write is one transaction; the ``*_in``
methods run inside the caller's."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timedelta

from reader.core.records import Feed, now
from reader.store.db import Database

log = logging.getLogger(__name__)

_NOT_TRASHED = "e.article_id NOT IN (SELECT article_id FROM article_trash)"
_FEED_COLUMNS = f"""f.*,
    (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id AND e.article_id IS NOT NULL
     AND {_NOT_TRASHED}) AS n_articles,
    (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id AND e.article_id IS NOT NULL
     AND {_NOT_TRASHED}
     AND e.article_id NOT IN (SELECT article_id FROM article_reads)) AS n_unread"""
# After n failures in a row a feed is left alone for this long (capped) by automatic refreshes.
BACKOFF_MINUTES = (0, 15, 60, 240, 720, 1440)


class FeedExists(ValueError):  # noqa: N818 - reads as what happened
    def __init__(self, feed_id: int) -> None:
        super().__init__(f"already subscribed (feed {feed_id})")
        self.feed_id = feed_id


class FeedStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading ------------------------------------------------------------------------

    def all(self) -> list[Feed]:
        """Every subscription with its counts, by folder then name."""
        rows = self.db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds f").fetchall()
        feeds = [_feed(r) for r in rows]
        return sorted(feeds, key=lambda f: (f.folder, f.name.casefold(), f.id))

    def get(self, feed_id: int) -> Feed | None:
        row = self.db.execute(
            f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.id = ?", (feed_id,)
        ).fetchone()
        return _feed(row) if row else None

    def by_url(self, url: str) -> int | None:
        row = self.db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def folders(self) -> list[str]:
        rows = self.db.execute("SELECT DISTINCT folder FROM feeds WHERE folder != '' ORDER BY 1")
        return [r[0] for r in rows]

    def entries(self, feed_id: int) -> dict[str, tuple[str, int | None]]:
        """The entries seen in a feed: key → (digest of its text, its article or None)."""
        rows = self.db.execute(
            "SELECT key, digest, article_id FROM feed_entries WHERE feed_id = ?", (feed_id,)
        )
        return {r[0]: (r[1], r[2]) for r in rows}

    def due(self, default_minutes: int, at: datetime | None = None) -> list[int]:
        """Feeds an automatic refresh should fetch now: never refreshed, or refreshed longer
        ago than their interval (at least the feed's own ttl), and not backing off."""
        at = at or datetime.now().astimezone()
        found = []
        for f in self.all():
            if f.retry_at and _time(f.retry_at) > at:
                continue
            if f.last_refresh is None:
                found.append(f.id)
                continue
            minutes = max(f.interval_minutes or default_minutes, f.ttl_minutes or 0, 1)
            if _time(f.last_refresh) + timedelta(minutes=minutes) <= at:
                found.append(f.id)
        return found

    # -- subscribing --------------------------------------------------------------------

    def add(self, url: str, title: str = "", site: str = "", folder: str = "") -> int:
        """A new subscription; FeedExists when the address is subscribed already."""
        with self.db.transaction() as conn:
            existing = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if existing is not None:
                raise FeedExists(existing[0])
            feed_id = conn.execute(
                "INSERT INTO feeds (url, title, site, folder, added_at) VALUES (?, ?, ?, ?, ?)",
                (url, title, site, folder.strip(), now()),
            ).lastrowid
        assert feed_id is not None
        log.info("subscribed to %s (feed %d)", url, feed_id)
        return feed_id

    def rename(self, feed_id: int, name: str) -> None:
        """The reader's own name for it ("" goes back to the feed's title)."""
        self._set(feed_id, "name", " ".join(name.split()) or None)

    def move(self, feed_id: int, folder: str) -> None:
        self._set(feed_id, "folder", " ".join(folder.split()))

    def set_summary_only(self, feed_id: int, on: bool) -> None:
        self._set(feed_id, "summary_only", int(on))

    def set_interval(self, feed_id: int, minutes: int | None) -> None:
        if minutes is not None and minutes < 1:
            raise ValueError("an interval is at least one minute")
        self._set(feed_id, "interval_minutes", minutes)

    def _set(self, feed_id: int, column: str, value: object) -> None:
        with self.db.transaction() as conn:
            done = conn.execute(f"UPDATE feeds SET {column} = ? WHERE id = ?", (value, feed_id))
            if done.rowcount == 0:
                raise KeyError(feed_id)

    def remove(self, feed_id: int) -> list[int]:
        """Unsubscribe; the ids of the articles it brought (they stay in the library)."""
        with self.db.transaction() as conn:
            rows = conn.execute(
                "SELECT article_id FROM feed_entries WHERE feed_id = ? AND article_id IS NOT NULL",
                (feed_id,),
            ).fetchall()
            done = conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
            if done.rowcount == 0:
                raise KeyError(feed_id)
        return [r[0] for r in rows]

    # -- refreshing (inside the caller's transaction) -----------------------------------

    @staticmethod
    def record_entry_in(
        conn: sqlite3.Connection, feed_id: int, key: str, digest: str, article_id: int | None
    ) -> None:
        conn.execute(
            "INSERT INTO feed_entries (feed_id, key, digest, article_id, seen_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(feed_id, key) DO UPDATE SET"
            " digest = excluded.digest, article_id = coalesce(excluded.article_id, article_id),"
            " seen_at = excluded.seen_at",
            (feed_id, key, digest, article_id, now()),
        )

    @staticmethod
    def refreshed_in(
        conn: sqlite3.Connection,
        feed_id: int,
        *,
        title: str | None,
        site: str | None,
        ttl_minutes: int | None,
        etag: str | None,
        last_modified: str | None,
        problem: str = "",
    ) -> None:
        """A refresh that reached the feed (``problem``: what it said was wrong with it)."""
        conn.execute(
            "UPDATE feeds SET title = coalesce(nullif(?, ''), title),"
            " site = coalesce(nullif(?, ''), site), ttl_minutes = coalesce(?, ttl_minutes),"
            " etag = ?, last_modified = ?, last_refresh = ?, error = ?, failures = 0,"
            " retry_at = NULL WHERE id = ?",
            (title, site, ttl_minutes, etag, last_modified, now(), problem, feed_id),
        )

    def failed(self, feed_id: int, error: str) -> None:
        """A refresh that did not reach the feed: said on it, and backed off."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT failures FROM feeds WHERE id = ?", (feed_id,)).fetchone()
            if row is None:
                return
            failures = row[0] + 1
            wait = BACKOFF_MINUTES[min(failures, len(BACKOFF_MINUTES) - 1)]
            retry = datetime.now().astimezone() + timedelta(minutes=wait)
            conn.execute(
                "UPDATE feeds SET error = ?, failures = ?, retry_at = ?, last_refresh = ?"
                " WHERE id = ?",
                (error, failures, retry.isoformat(timespec="seconds"), now(), feed_id),
            )


def _time(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return datetime.min.replace(tzinfo=datetime.now().astimezone().tzinfo)
    return when if when.tzinfo else when.astimezone()


def _feed(r: sqlite3.Row) -> Feed:
    return Feed(
        id=r["id"],
        url=r["url"],
        name=r["name"] or r["title"] or r["url"],
        title=r["title"],
        site=r["site"],
        folder=r["folder"],
        summary_only=bool(r["summary_only"]),
        interval_minutes=r["interval_minutes"],
        ttl_minutes=r["ttl_minutes"],
        last_refresh=r["last_refresh"],
        error=r["error"],
        unread=r["n_unread"],
        articles=r["n_articles"],
        etag=r["etag"],
        last_modified=r["last_modified"],
        failures=r["failures"],
        retry_at=r["retry_at"],
    )
