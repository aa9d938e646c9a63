"""Full-text search: exact substring semantics in either script, ranking, snippets, upkeep."""

from __future__ import annotations

import importlib.util
import io
import itertools
import json
import math
import sqlite3
import uuid
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import scripts, textsearch
from reader.core.records import ArticleFilter, NewArticle
from reader.library import Library
from reader.store import schema, search
from reader.store.articles import ArticleStore
from reader.store.db import Database, pack_version

REPO = Path(__file__).resolve().parents[2]


def new_store(tmp_path: Path) -> ArticleStore:
    return ArticleStore(Database(tmp_path / f"{uuid.uuid4().hex}.sqlite3"))


def add(store: ArticleStore, *articles: tuple[str, str]) -> list[int]:
    news = [NewArticle(title=t, body=b, script="simplified") for t, b in articles]
    return store.add_source(f"{uuid.uuid4().hex}.txt", "utf-8", uuid.uuid4().hex, 1, news).ids


def found(store: ArticleStore, query: str) -> set[int]:
    return set(store.ids(ArticleFilter(query=query)))


@pytest.fixture
def store(tmp_path: Path) -> ArticleStore:
    return new_store(tmp_path)


# --- semantics --------------------------------------------------------------------------


def test_finds_words_single_characters_and_substrings_across_words(store) -> None:
    a, b, c = add(
        store,
        ("疫情防控工作会议", "要求各地严防输入。"),
        ("春耕备耕有序展开", "化肥、种子供应充足。"),
        ("", "抗击疫情有两个阵地。"),
    )
    assert found(store, "疫情") == {a, c}
    assert found(store, "情防") == {a}  # across the word boundary 疫情|防控
    assert found(store, "肥") == {b}
    assert found(store, "防控工作会议") == {a}
    assert found(store, "疫情防控工作会议要求") == set()  # title and body do not run together
    assert found(store, "防疫") == set()


def test_either_script_finds_the_other(store) -> None:
    simp, trad = add(
        store,
        ("台风登陆", "经济社会发展。"),
        ("颱風過境", "經濟社會發展穩定。"),
    )
    assert found(store, "发展") == found(store, "發展") == {simp, trad}
    assert found(store, "台风") == {simp, trad}
    assert found(store, "颱風登陸") == {simp}
    assert found(store, "经济社会发展稳定") == {trad}


def test_latin_and_digits_ignore_case_and_width(store) -> None:
    a, b = add(store, ("COVID-19 疫苗", "CPI 同比上涨"), ("", "２０２０年ＧＤＰ增长"))
    assert found(store, "covid-19") == {a}
    assert found(store, "cpi") == {a}
    assert found(store, "2020年gdp") == {b}
    assert found(store, "-") == {a}
    assert found(store, "19 疫苗") == {a}


def test_terms_are_anded(store) -> None:
    a, b, _ = add(store, ("隔离", "口罩储备"), ("隔离观察", "心理疏导"), ("口罩", "捐赠"))
    assert found(store, "隔离 口罩") == {a}
    assert found(store, "隔离") == {a, b}
    assert found(store, "   ") == found(store, "") == set(store.ids())


def test_private_use_characters_do_not_pass_for_punctuation(store) -> None:
    # The index stands in U+E000+code for ASCII punctuation; a real one must not match "-".
    (a,) = add(store, ("", "Big5 造字\ue02d区"))
    assert found(store, "-") == set()
    assert found(store, "\ue02d") == {a}
    assert store.search("-") == []


def test_astral_characters(store) -> None:
    (a,) = add(store, ("𠮷野家", "𡘙字在此"))
    assert found(store, "𠮷") == {a}
    assert found(store, "𡘙字") == {a}
    [hit] = store.search("𡘙字")
    assert hit.snippet.spans == ((0, 2),)


# Characters chosen so random texts hit and nearly hit: both scripts of the same words,
# variants, case, punctuation, line breaks, an astral character.
SIMP = "发展台风疫情防控里的一"
TRAD = "發展颱風疫情防控裡的一"
ALPHABET = SIMP + TRAD + "裏aAbB19-,，。\n 𠮷\ue02d"


def reference(text: str) -> str:
    """The documented semantics, written out: fold, full-width ASCII to ASCII, lower case."""
    folded = scripts.fold(text)
    return "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in folded).lower()


texts = st.text(alphabet=ALPHABET, max_size=40)


@st.composite
def corpus_and_queries(draw):
    docs = draw(st.lists(st.tuples(texts, texts), min_size=1, max_size=8))
    queries = []
    for _ in range(12):
        if draw(st.booleans()):
            title, body = draw(st.sampled_from(docs))
            source = title + body
            start = draw(st.integers(0, max(0, len(source) - 1)))
            q = source[start : start + draw(st.integers(1, 6))]
            # Same query in the other script, character by character, sometimes.
            if draw(st.booleans()):
                q = q.translate(str.maketrans(SIMP + TRAD, TRAD + SIMP))
        else:
            q = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=5))
        queries.append(q)
    return docs, queries


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=corpus_and_queries())
def test_search_equals_a_brute_force_scan(tmp_path_factory, data) -> None:
    docs, queries = data
    store = new_store(tmp_path_factory.mktemp("lib"))
    add(store, *docs)
    stored = {i: store.get(i) for i in store.ids()}
    for q in queries:
        terms = [reference(t) for t in q.split()]
        expected = {
            i
            for i, r in stored.items()
            if all(t in reference(r.title) or t in reference(r.body) for t in terms)
        }
        if not terms:
            expected = set(stored)
        assert found(store, q) == expected, q
        hits = store.search(q, limit=100)
        assert {h.id for h in hits} == (expected if terms else set()), q


# --- ranking and snippets ---------------------------------------------------------------


def test_title_hits_rank_above_body_hits(store) -> None:
    filler = [("", f"第{i}条消息与此无关。") for i in range(20)]
    body_hit, title_hit = add(
        store, ("农业新闻", "会上提到了春耕。"), ("春耕备耕有序展开", "农资供应充足。"), *filler
    )[:2]
    hits = store.search("春耕")
    assert [h.id for h in hits] == [title_hit, body_hit]
    assert hits[0].score > hits[1].score > 0
    assert hits[0].title_spans == ((0, 2),)
    relevance = store.ids(ArticleFilter(query="春耕"), sort="relevance")
    assert relevance == [title_hit, body_hit]


def _bm25(store: ArticleStore, term: str, class_lengths: bool) -> dict[int, float]:
    """bm25 as FTS5 defines it (k1 1.2, b 0.75, field weights), computed here from the
    texts: the score of every article holding ``term``, by id. With ``class_lengths`` each
    article's length is its length class's, as the index ranks."""
    rows = store.db.execute("SELECT id, title, body FROM articles").fetchall()
    texts = {i: (textsearch.normalise(t), textsearch.normalise(b), "") for i, t, b in rows}
    sizes = {i: sum(search.tokens(f)[1] for f in fields) for i, fields in texts.items()}
    mean = sum(sizes.values()) / len(sizes)

    def count(text: str) -> int:
        return sum(text.startswith(term, at) for at in range(len(text)))

    weights = [search.FIELD_WEIGHTS[f] for f in search.FIELDS]
    weighted = {
        i: sum(w * count(t) for w, t in zip(weights, fields, strict=True))
        for i, fields in texts.items()
    }
    holding = {i: f for i, f in weighted.items() if f}
    idf = max(math.log((len(texts) - len(holding) + 0.5) / (len(holding) + 0.5)), 1e-6)
    scores = {}
    for i, f in holding.items():
        size = sizes[i]
        if class_lengths:
            size = 24.0 * 1.22 ** search.length_class(size)
        scores[i] = idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * size / mean))
    return scores


def test_ranking_is_bm25_with_lengths_rounded_to_their_class(store) -> None:
    """Short briefs to long reports, the term in titles and bodies, once or often: the
    index's scores are bm25's with each article's length rounded to its class (exactly),
    and within a few percent of bm25 with the exact lengths; best first."""
    sentence = "今年备耕工作有序展开，各地农资供应总体充足。"
    articles = [
        (
            "春耕" if i % 4 == 0 else "农业新闻",
            "春耕。" * (i % 3) + "化肥" * (i % 5 == 0) + sentence * (1 + i * i % 37),
        )
        for i in range(40)
    ]
    add(store, *articles, *[("", "其他消息。" * i) for i in range(1, 30)])
    for term in ("春耕", "化肥", "春"):
        hits = {h.id: h.score for h in store.search(term, limit=100)}
        rounded, exact = _bm25(store, term, True), _bm25(store, term, False)
        assert hits.keys() == rounded.keys() and min(hits.values()) > 0.01
        for i, score in hits.items():
            assert score == pytest.approx(rounded[i], rel=1e-9)
            assert score == pytest.approx(exact[i], rel=0.08)
        best = sorted(rounded, key=lambda i: (-rounded[i], -i))
        assert [h.id for h in store.search(term, limit=100)] == best
        assert store.ids(ArticleFilter(query=term), sort="relevance") == best


def test_snippet_shows_the_hits_with_spans_and_markers(store) -> None:
    body = "前言" * 60 + "\n疫情防控不放松，疫情防控要落实。" + "后记" * 60
    (a,) = add(store, ("标题", body))
    [hit] = store.search("疫情")
    text = hit.snippet.text
    assert text.startswith("…") and text.endswith("…")
    assert "\n" not in text
    assert [text[s:e] for s, e in hit.snippet.spans] == ["疫情", "疫情"]
    assert "【疫情】防控不放松，【疫情】防控要落实" in hit.marked_snippet
    assert hit.as_json() == {
        "id": a,
        "title": "标题",
        "snippet": hit.marked_snippet,
        "score": round(hit.score, 4),
    }


def test_snippet_spans_are_in_the_original_script() -> None:
    snippet = textsearch.make_snippet("經濟社會發展穩定", ["发展"])
    assert snippet.spans == ((4, 6),)
    assert snippet.marked() == "經濟社會【發展】穩定"


def test_overlapping_terms_merge_into_one_span() -> None:
    assert textsearch.make_snippet("做好疫情防控工作", ["疫情", "情防控"]).spans == ((2, 6),)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=ALPHABET + "𠀀𪚥 -", max_size=40))
def test_a_field_is_indexed_as_its_characters_then_its_bigrams(text: str) -> None:
    chars = search._encode(textsearch.normalise(text))
    bigrams = [a + b for a, b in itertools.pairwise(chars)]
    column, size = search.tokens(text)
    assert column.decode().split(" ") == [*chars, *bigrams] if chars else column == b""
    assert size == len(chars) + len(bigrams)


@settings(max_examples=200, deadline=None)
@given(text=texts, terms=st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=4), max_size=3))
def test_hits_are_found_in_the_original_text_where_the_normalised_text_has_them(
    text: str, terms: list[str]
) -> None:
    # The finder matches the original text; the reference normalises it and looks.
    normal, wanted = reference(text), [reference(t) for t in terms]
    expected = sorted(
        {(i, i + len(t)) for t in wanted for i in range(len(normal)) if normal.startswith(t, i)}
    )
    merged: list[tuple[int, int]] = []
    for start, end in expected:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    finder = textsearch.TermFinder(wanted)
    assert finder.spans(text) == merged
    assert finder.holds_all(text) == all(t in normal for t in wanted)


def test_every_variant_of_a_character_is_found() -> None:
    # 里 stands for 裏, 裡 and 里 alike; Ａ (full width) and a are the same letter.
    assert textsearch.find_spans("這裡、那裏和这里", ["里"]) == [(1, 2), (4, 5), (7, 8)]
    assert textsearch.find_spans("ＣＰＩ and cpi", ["cpi"]) == [(0, 3), (8, 11)]
    # 5 × 5 × 5 spellings: looked for with a pattern instead of a list of them.
    assert textsearch.find_spans("這裡裏里里也", ["里里里"]) == [(1, 5)]
    # The index's private-use stand-in for "-" is not a hyphen in the text.
    assert textsearch.find_spans("a-b a\ue02db", ["a-b"]) == [(0, 3)]


def test_untitled_articles_get_a_display_title(store) -> None:
    add(store, ("", "抗击疫情有两个阵地，一个是医院，一个是社区。"))
    [hit] = store.search("社区")
    assert hit.title.startswith("抗击疫情")


def test_limit_and_offset_page_through_ranked_hits(store) -> None:
    add(store, *[("", f"第{i}号通知：疫情防控。") for i in range(30)])
    first = store.search("防控", limit=10)
    second = store.search("防控", limit=10, offset=10)
    assert len(first) == len(second) == 10
    assert not {h.id for h in first} & {h.id for h in second}


def test_punctuation_queries_page_through_checked_hits_only(store, caplog) -> None:
    # "-" is indexed as U+E02D: articles holding a literal U+E02D are false candidates,
    # dropped while paging (quietly: they are expected, not an index out of step).
    real, fake = [], []
    for i in range(40):
        real += add(store, ("", f"第{i}条：COVID-19 疫情通报。"))
        fake += add(store, ("", f"第{i}条：造字\ue02d{i}。"))
    pages = [store.search("-", limit=15, offset=start) for start in (0, 15, 30, 45)]
    assert [len(p) for p in pages] == [15, 15, 10, 0]
    ids = [h.id for p in pages for h in p]
    assert sorted(ids) == real
    assert ids == [h.id for h in store.search("-", limit=100)]
    assert store.hit(fake[0], "-") is None
    assert store.hit(real[0], "-") is not None
    assert "out of step" not in caplog.text


# --- extra text, trash, upkeep ----------------------------------------------------------


def test_notes_are_searchable_and_replaceable(store) -> None:
    a, b = add(store, ("春耕", "农资充足。"), ("复工", "企业复产。"))
    assert store.set_extra_text(a, "批注：值得关注的农時安排")
    assert found(store, "农时") == {a}
    [hit] = store.search("农时")
    assert hit.field == "extra" and "【农時】" in hit.marked_snippet
    store.set_extra_text(a, "另一条笔记")
    assert found(store, "农时") == set()
    assert found(store, "笔记") == {a}
    store.set_extra_text(a, "")
    assert found(store, "笔记") == set()
    assert found(store, "春耕") == {a}  # the article itself stays indexed
    assert not store.set_extra_text(9999, "无此文章")
    assert found(store, "复产") == {b}


def test_trashed_articles_leave_search_until_restored(store) -> None:
    a, b = add(store, ("疫情", "一"), ("疫情", "二"))
    store.trash([a])
    assert found(store, "疫情") == {b}
    assert [h.id for h in store.search("疫情")] == [b]
    assert set(store.ids(ArticleFilter(query="疫情", trashed=True))) == {a}
    store.restore([a])
    assert found(store, "疫情") == {a, b}


def test_emptied_trash_leaves_a_consistent_index(store) -> None:
    a, b = add(store, ("疫情防控", "一二三"), ("疫情", "四五六"))
    store.set_extra_text(a, "笔记")
    store.trash([a])
    assert store.empty_trash() == 1
    store.db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
    assert found(store, "疫情") == {b}
    assert found(store, "笔记") == set()
    # The same text again gets a new id and is found again.
    (c,) = add(store, ("疫情防控", "一二三"))
    assert found(store, "防控") == {c}


def test_a_new_library_is_indexed_as_it_imports(store) -> None:
    """No rebuild waits for the first search: the first import indexes as it stores."""
    a, _ = add(store, ("疫情", "一"), ("防控", "二"))
    assert not store.index.needs_rebuild()
    (c,) = add(store, ("疫情", "三"))
    assert not store.index.needs_rebuild()
    indexed = "SELECT count(*) FROM search_index WHERE search_index MATCH '\"疫情\"'"
    assert store.db.execute(indexed).fetchone()[0] == 2  # before any search
    assert found(store, "疫情") == {a, c}


def test_a_library_from_before_search_is_indexed_on_first_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    monkeypatch.setattr(schema, "MINOR", 2)
    old = Database(path)
    with old.transaction() as conn:
        conn.execute(
            "INSERT INTO sources (path, encoding, digest, text, splitter_version, imported_at)"
            " VALUES ('a.txt', 'utf-8', 'd', 'raw', 1, '2024-01-01T00:00:00+00:00')"
        )
        conn.execute(
            "INSERT INTO articles (source_id, title, body, script, digest, added_at)"
            " VALUES (1, '颱風', '經濟發展', 'traditional', 'x', '2024-01-01T00:00:00+00:00')"
        )
    old.close()
    monkeypatch.undo()
    store = ArticleStore(Database(path))
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == pack_version(
        schema.MAJOR, schema.MINOR
    )
    assert store.index.needs_rebuild()
    assert found(store, "发展") == {1}
    assert not store.index.needs_rebuild()


def test_a_changed_tokenisation_rebuilds_instead_of_corrupting(store) -> None:
    a, _ = add(store, ("疫情", "一"), ("防控", "二"))
    with store.db.transaction() as conn:
        conn.execute("UPDATE meta SET value = 'older' WHERE key = ?", (search.META_KEY,))
    assert store.index.needs_rebuild()
    # Writes while stale leave the index alone; the rebuild then holds everything.
    store.set_extra_text(a, "笔记")
    (c,) = add(store, ("疫情", "三"))
    progress: list[tuple[int, int]] = []
    assert store.index.rebuild(progress=lambda done, total, _: progress.append((done, total))) == 3
    assert progress[-1] == (3, 3)
    assert found(store, "疫情") == {a, c}
    assert found(store, "笔记") == {a}


def after_batches(count: int):
    """A rebuild's ``cancelled``: False for the first ``count`` batches, then True."""
    answers = iter([False] * count)
    return lambda: next(answers, True)


def test_a_rebuild_stopped_midway_goes_on_and_writes_meanwhile_are_kept(
    store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild goes a batch per transaction: cancelled (or killed) after one, it goes
    on from there; deletes, notes and imports made meanwhile end up right in the index."""
    monkeypatch.setattr(search, "REBUILD_BATCH", 2)
    a, b, c, d = add(store, ("疫情", "一"), ("疫情", "二"), ("疫情", "三"), ("疫情", "四"))
    with store.db.transaction() as conn:
        conn.execute("UPDATE meta SET value = 'older' WHERE key = ?", (search.META_KEY,))
    assert store.index.rebuild(cancelled=after_batches(1)) == 2
    assert store.index.needs_rebuild()
    store.trash([a])
    assert store.empty_trash() == 1  # a was re-indexed already: taken out again
    store.set_extra_text(b, "笔记")  # re-indexed already: updated in place
    store.set_extra_text(d, "要点")  # not yet: the rebuild reads it
    (e,) = add(store, ("疫情", "五"))
    progress: list[tuple[int, int]] = []
    assert store.index.rebuild(progress=lambda done, total, _: progress.append((done, total))) == 3
    assert progress[-1] == (4, 4)
    assert not store.index.needs_rebuild()
    store.db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
    assert found(store, "疫情") == {b, c, d, e}
    assert found(store, "笔记") == {b}
    assert found(store, "要点") == {d}


def test_a_search_finishes_a_rebuild_left_midway(store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "REBUILD_BATCH", 1)
    a, b = add(store, ("疫情", "一"), ("防控", "二"))
    with store.db.transaction() as conn:
        conn.execute("UPDATE meta SET value = 'older' WHERE key = ?", (search.META_KEY,))
    assert store.index.rebuild(cancelled=after_batches(1)) == 1
    assert found(store, "防控") == {b}
    assert found(store, "疫情") == {a}


def test_a_failed_import_indexes_nothing(store) -> None:
    bad = [
        NewArticle(title="疫情", body="一", script="simplified"),
        NewArticle(title="防疫", body="二", script="simplified", kind=None),  # type: ignore[arg-type]
    ]
    with pytest.raises(sqlite3.IntegrityError):
        store.add_source("a.txt", "utf-8", "raw", 1, bad)
    (a,) = add(store, ("防控", "二"))
    assert found(store, "疫情") == set()
    assert found(store, "防控") == {a}


def test_imported_pages_are_searchable_through_the_library(seed_text: str) -> None:
    lib = Library.open(seed=False)
    report = lib.import_text(scripts.convert(seed_text, "s2t"), "trad.txt")
    assert report.articles
    hits = lib.articles.search("疫情防控")
    assert hits and all("【疫情防控】" in h.marked_snippet or h.title_spans for h in hits)
    assert {h.id for h in hits} <= {a.id for a in report.articles}
    lib.close()


def test_a_body_too_long_to_index_whole_is_found_as_a_short_one_is(tmp_path: Path) -> None:
    """A body past LONG_TEXT goes through the staging table and is stored after it is
    indexed: every word is found wherever it lies (pieces of column text meet at
    multiples of 65,536 characters), in either script and with punctuation; the file's
    text and the body are stored whole; trashing it for good leaves a sound index."""
    lines = [f"第{i}段，市民出行踊跃，公园里游人如织。" for i in range(30_000)]
    body = "開頭的發展" + "".join(lines) + "COVID-19疫情结尾"
    assert len(body) > search.LONG_TEXT
    seam = 3 * 65_536  # a word across the seam of two pieces of the column
    body = body[: seam - 2] + "跨越接缝" + body[seam + 2 :]
    page = tmp_path / "long.txt"
    page.write_text("一行到底的超长稿件\n\n" + body, "utf-8")
    lib = Library.open(tmp_path / "lib", seed=False)
    (article,) = lib.import_paths([page]).articles
    assert article.body == body
    source = lib.articles.db.execute("SELECT source_id FROM articles").fetchone()[0]
    assert lib.articles.source_text(source) == (str(page), page.read_text("utf-8"))
    for query in ("开头的发展", "跨越接缝", "第29999段", "covid-19", "疫情结尾 游人如织", "1"):
        assert lib.articles.ids(ArticleFilter(query=query)) == [article.id], query
    for absent in ("第30000段", "接缝跨越", "游人如织 疫情防控"):
        assert lib.articles.ids(ArticleFilter(query=absent)) == [], absent
    (hit,) = lib.articles.search("跨越接缝")
    assert "【跨越接缝】" in hit.marked_snippet
    assert lib.import_paths([page]).duplicates  # its digest was of the whole text
    lib.trash([article.id])
    lib.empty_trash()
    lib.articles.db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
    assert lib.articles.ids(ArticleFilter(query="跨越接缝")) == []
    lib.close()


# --- the benchmark ----------------------------------------------------------------------


def test_benchmark_runs_small_and_reports_every_figure() -> None:
    spec = importlib.util.spec_from_file_location("bench", REPO / "tests" / "perf" / "bench.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = io.StringIO()
    with redirect_stdout(out):
        bench.main(["--articles", "200", "--json", "--queries", "21"])
    figures = json.loads(out.getvalue())
    for key in (
        "articles",
        "import_s",
        "import_chars_per_s",
        "jieba_chars_per_s",
        "search_ms_p50",
        "search_ms_p95",
        "search_ids_ms_p50",
        "query_hits_p50",
        "bruteforce_ms_p50",
        "bruteforce_all_ms_p50",
        "open_article_ms_p50",
        "convert_chars_per_s",
        "list_ms_max",
        "overview_ms",
        "rss_mb",
        "search_speedup",
    ):
        assert figures[key] > 0, key
    assert figures["articles"] >= 200
    assert figures["list_ms_max"] == max(figures["list_ms"].values())
    assert {"unread", "tag", "section", "date_range", "search", "rows_200"} <= set(
        figures["list_ms"]
    )


def test_case_table_covers_every_cased_code_point() -> None:
    # The table is built from a list of ranges for speed; a new Unicode version may add more.
    table = textsearch._case_table()
    for code in range(0x110000):
        char = chr(code)
        lower = char.lower()
        if len(lower) == 1 and lower != char and not 0xFF21 <= code <= 0xFF3A:
            assert code < len(table) and table[code] == ord(lower), hex(code)
    assert textsearch.normalise("ＡＢＣ２０２０，Ⓐ發展ÉΣ") == "abc2020,ⓐ发展éσ"


def test_imports_leave_merging_the_index_to_tidy_which_changes_no_result(store) -> None:
    """FTS5 never merges inside an import's write (automerge 0: at 100,000 articles such a
    merge held the write lock for seconds); tidy merges in short steps, and searches find
    the same before and after."""
    config = "SELECT v FROM search_index_config WHERE k = 'automerge'"
    assert store.db.execute(config).fetchone()[0] == 0
    for i in range(40):  # a write, a segment, each
        add(store, (f"第{i}期", "疫情防控" if i % 3 else "春耕备耕"))
    before = {q: found(store, q) for q in ("疫情", "春耕", "期", "情防")}
    assert store.index.tidy() > 0
    assert store.index.tidy() == 0  # nothing left to merge
    store.db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
    assert {q: found(store, q) for q in before} == before
