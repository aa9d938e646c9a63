"""The article list's orders and filters against a reference written out in Python: every
sort in both directions, with each filter, a search (few hits looked up, many walked),
watch words, the trash, equal titles, untitled articles and articles whose source is gone;
and count() agreeing with the list."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from reader.core import textsearch
from reader.core.records import ArticleFilter, NewArticle
from reader.store.articles import ArticleStore
from reader.store.db import Database

WORDS = ["春耕", "疫情", "防控", "發展", "经济", "台风", "社区", "农资"]
TITLES = ["", "", "春耕备耕", "疫情防控", "经济发展", "春耕备耕", "社区新闻", "台风过境"]
SECTIONS = ["", "要闻", "经济"]


@dataclass
class Known:
    id: int
    title: str
    body: str
    section: str
    source_id: int | None
    path: str
    position: int
    added_at: str
    published: str | None = None
    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()
    trashed: bool = False


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[ArticleStore, list[Known]]:
    rng = random.Random(11)
    store = ArticleStore(Database(tmp_path_factory.mktemp("list") / "lib.sqlite3"))
    paths = [f"/papers/{name}.txt" for name in ("b", "a", "c", "a", "d", "b", "e")]
    for n, path in enumerate(paths):
        news = []
        for i in range(rng.randint(3, 9)):
            body = "".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))) + f"第{n}-{i}。"
            news.append(
                NewArticle(
                    title=rng.choice(TITLES),
                    body=body,
                    section=rng.choice(SECTIONS),
                    script="simplified",
                )
            )
        store.add_source(path, "utf-8", f"page {n}", 1, news)
    ids = store.ids(ArticleFilter(), "added", False)
    with store.db.transaction() as conn:
        for i in ids:  # a few days, some articles on the same second
            stamp = f"2024-03-{10 + rng.randrange(4):02d}T08:00:{rng.randrange(3):02d}+08:00"
            conn.execute("UPDATE articles SET added_at = ? WHERE id = ?", (stamp, i))
            if rng.random() < 0.5:  # half of them dated by their page, a day or two earlier
                day = f"2024-03-{8 + rng.randrange(4):02d}"
                conn.execute("UPDATE articles SET published = ? WHERE id = ?", (day, i))
    # A source deleted: its articles keep their text and lose their source.
    gone = store.get(ids[-1]).source_id
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM sources WHERE id = ?", (gone,))
    shuffled = rng.sample(ids, len(ids))
    store.mark_read(shuffled[:15])
    store.set_starred(shuffled[10:20])
    store.add_tag(shuffled[5:25], "待读")
    store.trash(shuffled[-6:])
    known = []
    for i in ids:
        r = store.get(i)
        known.append(
            Known(
                id=i,
                title=r.title,
                body=r.body,
                section=r.section,
                source_id=r.source_id,
                path=r.source,
                position=store.db.execute(
                    "SELECT position FROM articles WHERE id = ?", (i,)
                ).fetchone()[0],
                added_at=r.added_at,
                published=r.published,
                read=store.read_at(i) is not None,
                starred=store.is_starred(i),
                tags=tuple(store.tags(i)),
                trashed=store.is_trashed(i),
            )
        )
    assert any(k.source_id is None for k in known)
    return store, known


def reference(known: list[Known], f: ArticleFilter, sort: str, descending: bool) -> list[int]:
    def has(k: Known, query: str) -> bool:
        terms = textsearch.query_terms(query)
        return all(
            t in textsearch.normalise(k.title) or t in textsearch.normalise(k.body) for t in terms
        )

    chosen = [
        k
        for k in known
        if k.trashed == f.trashed
        and not (f.unread_only and k.read)
        and not (f.starred_only and not k.starred)
        and (f.tag is None or f.tag in k.tags)
        and (f.section is None or k.section == f.section)
        and (f.source is None or k.path == f.source or k.source_id == f.source)
        # The sidebar's days: the day published; an undated article is in no range.
        and (f.date_from is None or (k.published or "")[:10] >= f.date_from)
        and (f.date_to is None or (k.published or "9")[:10] <= f.date_to)
        and not (f.undated and k.published)
        and has(k, f.query)
        and (f.mentions is None or any(has(k, w) for w in f.mentions))
    ]

    def added(ks: list[Known]) -> list[Known]:
        # Newest source first (no source: last), page order within a source.
        out = sorted(ks, key=lambda k: (k.position, k.id))
        return sorted(
            out,
            key=lambda k: (k.source_id is not None, k.source_id or 0),
            reverse=descending,
        )

    if sort in ("added", "relevance"):
        ordered = added(chosen)
    elif sort == "date":
        ordered = sorted(
            chosen, key=lambda k: (k.published or k.added_at, k.id), reverse=descending
        )
    elif sort == "title":
        titled = sorted(
            (k for k in chosen if k.title), key=lambda k: (k.title, k.id), reverse=descending
        )
        ordered = titled + added([k for k in chosen if not k.title])
    else:  # source: path, then source, page order inside; no source: last (first if desc)
        page = sorted((k for k in chosen if k.source_id), key=lambda k: (k.position, k.id))
        grouped = sorted(page, key=lambda k: (k.path, k.source_id), reverse=descending)
        orphans = sorted((k for k in chosen if not k.source_id), key=lambda k: (k.position, k.id))
        ordered = orphans + grouped if descending else grouped + orphans
    return [k.id for k in ordered]


FILTERS = [
    ArticleFilter(),
    ArticleFilter(unread_only=True),
    ArticleFilter(starred_only=True),
    ArticleFilter(tag="待读"),
    ArticleFilter(section="要闻"),
    ArticleFilter(source="/papers/a.txt"),
    ArticleFilter(date_from="2024-03-10", date_to="2024-03-11"),
    ArticleFilter(undated=True),
    ArticleFilter(trashed=True),
    ArticleFilter(query="春耕"),
    ArticleFilter(query="发展 疫情", unread_only=True),
    ArticleFilter(query="农资", tag="待读"),
    ArticleFilter(mentions=("台风", "社區")),
    ArticleFilter(query="春耕", mentions=("疫情", "农资")),
    ArticleFilter(mentions=()),  # no watch words: nothing mentions them
    ArticleFilter(query="第", trashed=True),
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: repr(f)[14:60])
@pytest.mark.parametrize("sort", ["added", "date", "title", "source"])
@pytest.mark.parametrize("descending", [True, False])
def test_orders_and_filters_match_the_reference(library, f, sort, descending) -> None:
    store, known = library
    expected = reference(known, f, sort, descending)
    assert store.ids(f, sort, descending) == expected
    assert store.count(f) == len(expected)


def test_many_and_few_search_hits_give_the_same_order(library, monkeypatch) -> None:
    # Few hits are looked up and sorted, many walk the list's index: same answer.
    store, known = library
    from reader.store import articles

    f = ArticleFilter(query="第")
    for sort in ("added", "date", "title", "source"):
        walked = store.ids(f, sort)
        monkeypatch.setattr(articles, "_FEW_HITS", 10_000)
        assert store.ids(f, sort) == walked == reference(known, f, sort, True)
        monkeypatch.undo()


def test_relevance_lists_every_hit_best_first(library) -> None:
    store, known = library
    f = ArticleFilter(query="春耕")
    best = store.ids(f, "relevance")
    assert sorted(best) == sorted(reference(known, f, "added", True))
    assert sorted(store.ids(f, "relevance", descending=False)) == sorted(best)
    assert [h.id for h in store.search("春耕", limit=len(best))] == best


def test_punctuation_in_a_watch_word_is_checked(library) -> None:
    store, known = library
    for words in (("-", "台风"), ("#", "台风")):  # "-" is in the bodies, "#" nowhere
        f = ArticleFilter(mentions=words)
        expected = reference(known, f, "added", True)
        assert store.ids(f) == expected
        assert store.count(f) == len(expected)
