"""The library schema and its migrations.

``MIGRATIONS[n]`` takes a library from minor version n-1 to n; a new library runs
them all. Never edit a released migration: add the next one. Minor numbers go on across
major versions; the major goes up with a migration older versions of Reader could not
work with (they refuse the library untouched instead): 2 since 7.
"""

from __future__ import annotations

MAJOR = 2


def _search_index_v7() -> str:
    # Written out here, not taken from reader.store.search: a released migration never
    # changes. Each field of each of 40 length classes (see search's Ranking).
    columns = ", ".join(f"{f}{k}" for k in range(40) for f in ("title", "body", "extra"))
    return (
        f"CREATE VIRTUAL TABLE search_index USING fts5({columns},"
        " content='', tokenize='ascii', detail='full', columnsize=0)"
    )


MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        # The decoded source text, kept whole so a better splitter can re-split it later.
        """CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            encoding TEXT NOT NULL,
            digest TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            splitter_version INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        )""",
        # Articles as the splitter produced them; conversions and highlights are
        # derived views and never written over these fields.
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL DEFAULT '',
            subtitle TEXT NOT NULL DEFAULT '',
            byline TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            captions TEXT NOT NULL DEFAULT '[]',
            continued_from TEXT NOT NULL DEFAULT '',
            continues_to TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'article',
            script TEXT NOT NULL,
            digest TEXT NOT NULL UNIQUE,
            added_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_by_source ON articles(source_id, position)",
        "CREATE INDEX articles_by_added ON articles(added_at, id)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    2: (
        # Keywords and entities, computed in the background after import.
        """CREATE TABLE analyses (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            n_docs INTEGER NOT NULL,
            terms TEXT NOT NULL,
            entities TEXT NOT NULL,
            keyword_spans TEXT NOT NULL
        )""",
        """CREATE TABLE keywords (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            rank INTEGER NOT NULL,
            word TEXT NOT NULL,
            weight REAL NOT NULL,
            PRIMARY KEY (article_id, rank)
        )""",
        "CREATE INDEX keywords_by_word ON keywords(word, weight)",
        # Document frequency of each term over analysed articles: the library's own IDF.
        "CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
        """CREATE TRIGGER analyses_df_add AFTER INSERT ON analyses BEGIN
            INSERT INTO term_df (term, df) SELECT value, 1 FROM json_each(NEW.terms) WHERE 1
            ON CONFLICT(term) DO UPDATE SET df = df + 1;
        END""",
        """CREATE TRIGGER analyses_df_remove AFTER DELETE ON analyses BEGIN
            UPDATE term_df SET df = df - 1
            WHERE term IN (SELECT value FROM json_each(OLD.terms));
        END""",
        "CREATE TABLE user_words (word TEXT PRIMARY KEY, origin TEXT NOT NULL)",
        "CREATE TABLE watch_words (word TEXT PRIMARY KEY)",
    ),
    3: (
        # Full-text search (reader.store.search): per field, one token per character (_1)
        # and overlapping bigrams (_2). Contentless; rowid = article id. A library migrated
        # here has articles but no index yet: SearchIndex.rebuild fills it.
        """CREATE VIRTUAL TABLE search_index USING fts5(
            title_1, title_2, body_1, body_2, extra_1, extra_2,
            content='', tokenize='ascii', detail='full'
        )""",
        # Notes and annotation quotes, searchable with the article.
        """CREATE TABLE search_extra (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL
        )""",
        # Reading state as narrow tables where a row means "yes": filters never read the
        # wide article rows (their bodies), and most articles need no row at all.
        """CREATE TABLE article_reads (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            read_at TEXT NOT NULL
        )""",
        """CREATE TABLE article_stars (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            starred_at TEXT NOT NULL
        )""",
        """CREATE TABLE article_trash (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            trashed_at TEXT NOT NULL
        )""",
        "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        """CREATE TABLE article_tags (
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (tag_id, article_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX article_tags_by_article ON article_tags(article_id, tag_id)",
        # Filters and sorts of the article list at 100,000 articles.
        "CREATE INDEX articles_by_section ON articles(section, source_id, position)",
        "CREATE INDEX articles_by_title ON articles(title, id)",
    ),
    4: (
        # The list's default order (newest source first, page order) as an index to walk.
        "CREATE INDEX articles_list ON articles(source_id DESC, position)",
    ),
    5: (
        # Highlights and notes (reader.store.annotations). start/end count code points of
        # the article's original body; exact/prefix/suffix find it again when the text
        # changes. Deleting an article for good (emptying the trash) deletes its
        # annotations; a re-split moves them to the new articles before it deletes the old
        # ones, and keeps those it cannot place as orphaned rows (orphaned = 1, old offsets).
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            orphaned INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            CHECK (0 <= start AND start <= "end")
        )""",
        "CREATE INDEX annotations_by_article ON annotations(article_id, start)",
        # Where the reader left each article: a fraction 0..1 of its length.
        """CREATE TABLE reading_positions (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            position REAL NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    ),
    6: (
        # Sources by path: the list's "source" order walks it (each source's articles then
        # by articles_list) instead of sorting every row, and looking up an earlier import
        # of a path (on every import) no longer reads every stored page.
        "CREATE INDEX sources_by_path ON sources(path, id)",
    ),
    7: (
        # Search ranks by bm25 with article lengths carried by the columns (length classes)
        # instead of FTS5's column-size table. Major 2: Reader 1.x would write the old
        # columns. The new index is filled by SearchIndex.rebuild (the signature changed).
        "DROP TABLE search_index",
        _search_index_v7(),
        # Its segments are merged by SearchIndex.tidy in short steps, never by FTS5 inside
        # an import's write (which held the write lock for seconds on a large library).
        "INSERT INTO search_index(search_index, rank) VALUES ('automerge', 0)",
        "INSERT INTO search_index(search_index, rank) VALUES ('usermerge', 2)",
    ),
    8: (
        # Web pages: when the article was published (ISO 8601 text, NULL when unknown),
        # the address it came from (its canonical form) and the site's name. body_digest
        # (sha256 of the body without white space) is set for web articles only: the same
        # story saved twice or saved and fetched is found by address or by its text.
        "ALTER TABLE articles ADD COLUMN published TEXT",
        "ALTER TABLE articles ADD COLUMN url TEXT",
        "ALTER TABLE articles ADD COLUMN site TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN body_digest TEXT",
        "CREATE INDEX articles_by_url ON articles(url) WHERE url IS NOT NULL",
        "CREATE INDEX articles_by_body ON articles(body_digest) WHERE body_digest IS NOT NULL",
        # The list's date (published when known, else added): its order and the sidebar's days.
        "CREATE INDEX articles_by_date ON articles(coalesce(published, added_at), id)",
    ),
    9: (
        # Subscriptions (reader.store.feeds). title is the feed's own, name the reader's
        # (NULL: the feed's title); interval_minutes NULL follows the app's setting;
        # ttl_minutes is the feed's own lower bound. etag/last_modified make the next
        # fetch conditional; failures and retry_at back off a feed that keeps failing.
        """CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            name TEXT,
            site TEXT NOT NULL DEFAULT '',
            folder TEXT NOT NULL DEFAULT '',
            summary_only INTEGER NOT NULL DEFAULT 0,
            interval_minutes INTEGER,
            ttl_minutes INTEGER,
            etag TEXT,
            last_modified TEXT,
            last_refresh TEXT,
            error TEXT NOT NULL DEFAULT '',
            failures INTEGER NOT NULL DEFAULT 0,
            retry_at TEXT,
            added_at TEXT NOT NULL
        )""",
        # Each entry seen in a feed, by its key (id/guid, else link, else text), with the
        # digest of its text as last seen (an entry changed upstream updates its article)
        # and the article it became. Unsubscribing deletes these rows, never the articles.
        """CREATE TABLE feed_entries (
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            digest TEXT NOT NULL,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_id, key)
        ) WITHOUT ROWID""",
        "CREATE INDEX feed_entries_by_article ON feed_entries(article_id, feed_id)",
    ),
    10: (
        # Content digests compare the NFC form and keep the space between two words of a
        # spaced script ("can not" is not "cannot"): records.content_digest, registered on
        # every connection as reader_content_digest. Digests of texts without such spaces
        # are unchanged. Of two articles that become equal (an NFC and an NFD copy) the
        # later keeps its old digest (OR IGNORE) rather than losing anything.
        "UPDATE OR IGNORE articles SET digest = reader_content_digest(title, body)",
        "UPDATE articles SET body_digest = reader_content_digest('', body)"
        " WHERE body_digest IS NOT NULL",
    ),
    11: (
        # The reader's vocabulary (生词本, reader.store.vocabulary): a word as looked up,
        # its reading and definition as shown then, the sentence it was met in and the
        # article (its title kept too, for when the article is deleted for good). IF NOT
        # EXISTS: a library whose version number was set back runs it again unharmed.
        """CREATE TABLE IF NOT EXISTS vocabulary (
            word TEXT PRIMARY KEY,
            reading TEXT NOT NULL DEFAULT '',
            definition TEXT NOT NULL DEFAULT '',
            sentence TEXT NOT NULL DEFAULT '',
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            article_title TEXT NOT NULL DEFAULT '',
            known INTEGER NOT NULL DEFAULT 0,
            added_at TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS vocabulary_by_added ON vocabulary(added_at, word)",
    ),
}

MINOR = max(MIGRATIONS)
