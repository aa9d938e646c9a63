"""Keywords, tokens, entities and highlight spans on real newspaper text."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import keywords as kw
from reader.core import paths, segment

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_6802137d44bebb66.txt"

# Officialese that must never be a keyword.
FILLER = {
    "工作", "加强", "坚决", "进行", "全市", "各级", "目前", "要求", "开展", "推进", "落实",
    "全面", "有关", "相关", "以及", "我们", "他们", "这些", "一个", "同时", "已经", "强调",
    "指出", "确保", "群众", "狠抓落实", "积极", "切实", "有效", "重要", "当前", "今年", "压实",
}  # fmt: skip


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def between(first: str, last: str) -> str:
    """The seed's lines from the one starting with `first` to the one starting with `last`."""
    lines = seed_lines()
    i = next(n for n, line in enumerate(lines) if line.startswith(first))
    j = next(n for n, line in enumerate(lines) if n >= i and line.startswith(last))
    return "\n".join(lines[i : j + 1])


def poverty_article() -> str:  # 决战决胜看今朝: 核心提示 through section 4
    return between("核心提示", "脱贫攻坚是一场没有硝烟的战争")


def epidemic_article() -> str:  # 狠抓落实严防输入: leaders inspect epidemic control
    return between("狠抓落实严防输入", "副市长胡加彬")


def fire_article() -> str:  # 政务要闻: forest fire prevention brief (byline "(白云飞)" cut off)
    return between("昨日,我市召开森林防火", "昨日,我市召开森林防火").removesuffix("(白云飞)")


def wuhan_article() -> str:  # (上接01版): Xi Jinping in Wuhan, continued from page 1
    return between("(上接01版)", "习近平指出,我们党在内忧外患")


def jobs_article() -> str:  # 送岗下乡促就业: photo news, credit line left out
    return between("送岗下乡促就业", "近日,洛宁县")


@pytest.fixture(autouse=True)
def clean_user_words() -> Iterator[None]:
    """User words are process-wide: each test starts and ends without any."""
    yield
    if segment.segmenter().user_words():
        kw.set_user_words([])


def top_words(text: str, top: int = 10, idf: kw.IdfTable | None = None) -> list[str]:
    return [w for w, _ in kw.keywords(text, top=top, idf=idf)]


# -- keywords on the seed page ------------------------------------------------------------

ARTICLES = {
    "poverty": (
        poverty_article,
        {"脱贫", "扶贫", "贫困", "攻坚", "搬迁", "贫困村", "脱贫攻坚", "贫困人口", "三合"},
        5,
    ),
    "epidemic": (
        epidemic_article,
        {"疫情", "防控", "隔离", "督导", "输入", "严防", "观察点", "复工", "口罩", "工地"},
        6,
    ),
    "fire": (fire_article, {"森林", "防火", "火源", "扑救", "火灾", "林地", "关键期"}, 4),
    "wuhan": (
        wuhan_article,
        {"疫情", "防控", "社区", "湖北", "武汉", "医疗", "习近平", "救治", "物资", "患者"},
        7,
    ),
    "jobs": (jobs_article, {"就业", "送岗", "下乡", "招工", "招聘", "岗位", "大篷车"}, 4),
}


@pytest.mark.parametrize("name", ARTICLES)
def test_seed_article_top10_is_topical_and_filler_free(name: str) -> None:
    make_text, topical, at_least = ARTICLES[name]
    top = top_words(make_text())
    assert len(top) == 10
    assert not FILLER & set(top), top
    assert len(topical & set(top)) >= at_least, top


def test_poverty_article_leads_with_poverty_terms() -> None:
    top = top_words(poverty_article())
    assert top[0] == "脱贫"
    assert {"脱贫", "扶贫", "贫困", "攻坚", "搬迁"} <= set(top)


def test_keywords_are_weights_in_descending_order() -> None:
    result = kw.keywords(wuhan_article(), top=20)
    weights = [w for _, w in result]
    assert len(result) == 20
    assert weights == sorted(weights, reverse=True)
    assert all(w > 0 for w in weights)
    assert kw.keywords(wuhan_article(), top=3) == result[:3]


def test_keywords_of_empty_or_filler_only_text() -> None:
    assert kw.keywords("") == []
    assert kw.keywords("我们要进一步加强工作，坚决落实。2020年，49.9万。") == []


def test_no_numbers_single_characters_punctuation_or_latin_junk() -> None:
    text = (
        "2020年,贫困人口由49.9万降至2.5万,贫困村由728个降至9个,三年规划,四级书记,"
        "第一位,一个,100%,e-mail abc www 𠮷 𡘙, 𠮷𡘙, GDP增长, 5G网络。"
    )
    found = kw.terms(text)
    assert {"贫困人口", "贫困村", "规划", "书记", "增长", "网络", "GDP", "5G"} <= found
    for junk in ("2020", "年", "49.9", "2020年", "728", "三年", "四级", "第一位", "100%"):
        assert junk not in found
    for junk in ("e", "mail", "abc", "www", "𠮷", ",", "。", "一个"):
        assert junk not in found
    assert all(len(w) >= 2 for w in found)


def test_terms_are_the_distinct_candidates() -> None:
    text = poverty_article()
    found = kw.terms(text)
    assert {w for w, _ in kw.keywords(text, top=10_000)} == found
    assert "脱贫" in found
    assert not FILLER & found


def test_stopword_file_is_a_few_hundred_words_with_a_header() -> None:
    raw = paths.resource("stopwords.txt").read_text(encoding="utf-8").splitlines()
    assert raw[0].startswith("#")
    words = kw.stopwords()
    assert 250 <= len(words) <= 1000
    assert {"工作", "加强", "坚决", "进行", "全市", "各级", "目前"} <= words
    assert not {"脱贫", "疫情", "森林", "防火"} & words


# -- IDF ----------------------------------------------------------------------------------


def test_bundled_idf_ranks_common_words_low() -> None:
    idf = kw.IdfTable.default()
    assert idf.idf("我们") < idf.idf("脱贫") < idf.idf("不存在的词语啊")
    assert idf.idf("不存在的词语啊") == idf.unknown
    assert kw.IdfTable.default() is idf


def test_small_library_falls_back_to_bundled_idf() -> None:
    small = kw.IdfTable.from_document_frequencies({"疫情": 40}, n_docs=kw.MIN_LIBRARY_DOCS - 1)
    assert small.idf("疫情") == kw.IdfTable.default().idf("疫情")


def test_library_idf_sinks_words_found_in_every_article() -> None:
    n = 1000
    df = {"疫情": n, "防控": n, "社区": 3}
    library = kw.IdfTable.from_document_frequencies(df, n_docs=n)
    assert library.idf("疫情") < library.idf("社区")
    assert library.idf("疫情") < kw.IdfTable.default().idf("疫情")
    bundled_top = top_words(wuhan_article(), top=3)
    library_top = top_words(wuhan_article(), top=3, idf=library)
    assert "疫情" in bundled_top
    assert "疫情" not in library_top
    assert "社区" in library_top


def test_library_share_grows_with_library_size() -> None:
    df = {"疫情": 50}
    at_50 = kw.IdfTable.from_document_frequencies(df, n_docs=50).idf("疫情")
    at_100 = kw.IdfTable.from_document_frequencies({"疫情": 100}, n_docs=100).idf("疫情")
    bundled = kw.IdfTable.default().idf("疫情")
    assert at_100 < at_50 < bundled


# -- tokens -------------------------------------------------------------------------------


def test_tokens_carry_code_point_offsets_with_astral_characters() -> None:
    text = "𠮷野家的𡘙字,脱贫攻坚取得决定性胜利"
    tokens = kw.tokenize(text)
    assert all(text[t.start : t.end] == t.word for t in tokens)
    assert "".join(t.word for t in tokens) == text
    by_word = {t.word: t for t in tokens}
    assert by_word["𠮷"] == kw.Token("𠮷", 0, 1)
    assert by_word["𡘙"] == kw.Token("𡘙", 4, 5)
    assert by_word["脱贫"].start == 7  # seven code points before it (the UTF-16 index is 9)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80))
def test_tokens_cover_any_text(text: str) -> None:
    tokens = kw.tokenize(text)
    assert "".join(t.word for t in tokens) == text
    position = 0
    for t in tokens:
        assert t.start == position and t.end > t.start
        position = t.end


def _jieba_reference(text: str) -> list[str]:
    # jieba.dt carries the same user words as the fast engine (the segmenter keeps both).
    return segment.segmenter().jieba().lcut(text)


def test_fast_engine_cuts_the_seed_exactly_like_jieba() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert segment.cut(text) == _jieba_reference(text)


@pytest.mark.parametrize(
    "text",
    [
        "请发e-mail到foo@bar.com,或访问www.example.org",  # rjieba alone keeps e-mail whole
        "㐀䶿㐀 鿏鿐 𪚥𪚥𪚥 𠮷野家",  # rjieba alone joins extension-block characters
        "C++ 和 C# 都是编程语言,3.5%的增长,49.9万人,2020年\r\n第二行\t制表",
        "卡拉OK、A股、T恤、4G和宽带全覆盖",
        "",
        "   \n\n",
    ],
)
def test_fast_engine_matches_jieba_where_the_engines_differ(text: str) -> None:
    assert segment.cut(text) == _jieba_reference(text)


_MIXED = st.sampled_from(
    list("脱贫攻坚的一了是在人有中国洛阳市记者白云飞孙小蕊")
    + list("abcXYZ019.-+#&_%@ \r\n\t,。“”（）")
    + ["㐀", "䶿", "鿏", "𠮷", "𡘙", "😀", "e-mail", "3.5%", "49.9万", "A股"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MIXED, max_size=40).map("".join))
def test_fast_engine_matches_jieba_on_mixed_text(text: str) -> None:
    assert segment.cut(text) == _jieba_reference(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fast_engine_matches_jieba_on_seed_excerpts_with_user_words(data: st.DataObject) -> None:
    # Setting the same words again is a no-op; the fixture removes them after the test.
    kw.set_user_words(["孙小蕊", "白云飞", "刘慧超", "程程亮", "河洛大地", "e-mail"])
    text = SEED.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text) - 1))
    size = data.draw(st.integers(1, 300))
    piece = text[start : start + size]
    assert segment.cut(piece) == _jieba_reference(piece)


# -- user words ---------------------------------------------------------------------------


def test_user_words_segment_as_one_word_and_can_be_removed() -> None:
    text = "本报记者程程亮报道,河洛大地春意浓"
    before = [t.word for t in kw.tokenize(text)]
    assert "程程亮" not in before and "河洛大地" not in before

    kw.set_user_words(["程程亮", "河洛大地"])
    words = [t.word for t in kw.tokenize(text)]
    assert "程程亮" in words and "河洛大地" in words
    assert "河洛大地" in kw.terms(text)
    assert ("程程亮", "person") in {(e.word, e.kind) for e in kw.entities(text)}
    assert segment.cut(text) == _jieba_reference(text)

    kw.set_user_words([])
    assert [t.word for t in kw.tokenize(text)] == before
    assert segment.cut(text) == _jieba_reference(text)


def test_user_word_becomes_a_keyword() -> None:
    text = poverty_article()
    assert "河洛大地" not in top_words(text, top=200)
    kw.set_user_words(["河洛大地"])
    assert "河洛大地" in top_words(text, top=200)


# -- bylines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("本报记者 白云飞 通讯员 刘慧超 程程亮", ["白云飞", "刘慧超", "程程亮"]),
        ("本报讯(记者 孙小蕊)", ["孙小蕊"]),
        ("(白云飞)", ["白云飞"]),
        ("记者 梅占国 通讯员 李峰 摄", ["梅占国", "李峰"]),
        ("【記者王小明／台北報導】", ["王小明"]),
        ("洛宁县赵村镇马营村服装扶贫车间 记者 高山岳 摄", ["高山岳"]),
        ("新华社北京3月10日电(记者 张三丰、欧阳明月)", ["张三丰", "欧阳明月"]),
        ("本报记者 白云飞 白云飞", ["白云飞"]),
        ("(资料图片)", []),
        ("", []),
    ],
)
def test_names_from_byline(byline: str, names: list[str]) -> None:
    assert kw.names_from_byline(byline) == names


# -- entities -----------------------------------------------------------------------------


def test_entities_on_the_seed() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = kw.entities(text)
    assert all(text[e.start : e.end] == e.word for e in found)
    assert {e.kind for e in found} == {"person", "place", "org"}
    people = {e.word for e in found if e.kind == "person"}
    places = {e.word for e in found if e.kind == "place"}
    orgs = {e.word for e in found if e.kind == "org"}
    assert {"孙小蕊", "陈淑欣", "何伟", "李亚", "申双利", "王志娟", "习近平"} <= people
    assert {"洛阳", "嵩县", "栾川县", "武汉", "湖北", "江苏"} <= places
    assert {"党中央", "统战部"} <= orgs
    # jieba's dictionary calls these names; they are not.
    assert not {"康复", "殷实", "仲春", "大力支持", "严格执行", "顾全大局"} & people


def test_entity_offsets_are_code_points_after_astral_characters() -> None:
    text = "𠮷𡘙洛阳市委书记李亚到嵩县调研"
    found = {e.word: e for e in kw.entities(text)}
    assert found["嵩县"] == kw.Entity(text.index("嵩县"), text.index("嵩县") + 2, "嵩县", "place")
    assert all(text[e.start : e.end] == e.word for e in found.values())


# -- highlights ---------------------------------------------------------------------------


def test_find_occurrences_prefers_longest_and_never_overlaps() -> None:
    text = "脱贫攻坚,脱贫,攻坚战"
    spans = kw.find_occurrences(text, ["脱贫", "攻坚", "脱贫攻坚", "攻坚战"])
    assert spans == [(0, 4, "脱贫攻坚"), (5, 7, "脱贫"), (8, 11, "攻坚战")]


def test_find_occurrences_longer_word_wins_across_starts() -> None:
    # "abc" starts later but is longer than "xa", so it takes the shared "a".
    assert kw.find_occurrences("xabc", ["xa", "abc"]) == [(1, 4, "abc")]


def test_find_occurrences_counts_code_points() -> None:
    text = "𠮷𡘙防控,疫情防控"
    assert kw.find_occurrences(text, ["防控", "", "不在"]) == [(2, 4, "防控"), (7, 9, "防控")]


def test_find_occurrences_in_the_seed_matches_a_naive_count() -> None:
    text = poverty_article()
    spans = kw.find_occurrences(text, ["脱贫"])
    assert len(spans) == text.count("脱贫")
    assert all(text[s:e] == w for s, e, w in spans)


# -- loading, caching, threads ------------------------------------------------------------


def test_pickle_cache_builds_once_then_loads(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    calls: list[int] = []
    table = {f"w{i}": i for i in range(50_000)}

    def build() -> tuple[dict[str, int], int]:
        calls.append(1)
        return table, 7

    assert segment.cached_pickle("thing", source, build) == (table, 7)
    assert segment.cached_pickle("thing", source, build) == (table, 7)
    assert len(calls) == 1
    cached = list(paths.cache_dir().glob("thing-*.pickle"))
    assert len(cached) == 1

    whole = cached[0].read_bytes()
    for damaged in (b"not a pickle", whole[: len(whole) // 2], whole[:-1]):
        cached[0].write_bytes(damaged)  # a damaged or cut-short cache is rebuilt
        assert segment.cached_pickle("thing", source, build) == (table, 7)
    assert len(calls) == 4
    assert cached[0].read_bytes() == whole

    source.write_text("two", encoding="utf-8")  # a changed source gets a new key
    assert segment.cached_pickle("thing", source, build) == (table, 7)
    assert len(calls) == 5
    assert len(list(paths.cache_dir().glob("thing-*.pickle"))) == 1


def test_concurrent_warm_up_and_tokenize_agree() -> None:
    text = epidemic_article()
    expected = [t.word for t in kw.tokenize(text)]
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            kw.warm_up()
            results.append([t.word for t in kw.tokenize(text)])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == [expected] * 4


def _run(code: str, env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout


@pytest.mark.slow
def test_import_loads_nothing_and_warm_up_caches_in_the_cache_dir(tmp_path: Path) -> None:
    env = dict(os.environ)
    cache = tmp_path / "cache"
    temp = tmp_path / "tmp"
    temp.mkdir()
    env.update(READER_CACHE_DIR=str(cache), TMPDIR=str(temp))
    lazy = _run(
        "import sys, reader.core.keywords;"
        "print(sorted(m for m in ('jieba', 'rjieba') if m in sys.modules))",
        env,
    )
    assert lazy.strip() == "[]"

    code = (
        "import jieba, reader.core.keywords as k; k.warm_up();"
        "print(jieba.dt.tmp_dir); print(k.keywords('脱贫攻坚脱贫')[0][0])"
    )
    first = _run(code, env).split()
    assert first == [str(cache), "脱贫"]
    assert list(cache.glob("jieba-pfdict-*.pickle"))
    assert list(cache.glob("jieba-idf-*.pickle"))
    assert not list(temp.iterdir())  # nothing in the system temp dir
    assert _run(code, env).split() == first  # warm start from the pickles

    light = _run(
        "import sys, reader.core.keywords as k; k.warm_up(entities=False);"
        "print(k.keywords('脱贫攻坚脱贫')[0][0], 'jieba.posseg' in sys.modules)",
        env,
    )
    assert light.split() == ["脱贫", "False"]  # the POS tagger waits for entities()
