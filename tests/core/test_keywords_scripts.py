"""Keywords of traditional and simplified articles: words, not fragments or counts, one
identity in every script. The articles are our own (tests/data/keywords/articles.json:
Taiwan, Hong Kong and mainland news of different kinds), each with the fragments a reader
would reject."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import keywords as kw
from reader.core import scripts, segment

DATA = Path(__file__).resolve().parents[1] / "data" / "keywords" / "articles.json"
ARTICLES = {a["name"]: a for a in json.loads(DATA.read_text(encoding="utf-8"))}
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_6802137d44bebb66.txt"

# The fragments and counts the issue found in traditional and simplified articles.
NEVER = {
    "自行", "公共自行", "風季", "署籲", "午後音", "樂會", "內樂", "化率", "上云用",
    "三到", "五個", "十萬", "2.5萬",
}  # fmt: skip


@pytest.fixture(autouse=True)
def clean_user_words() -> Iterator[None]:
    yield
    if segment.segmenter().user_words():
        kw.set_user_words([])


def read(article: dict) -> kw.Reading:
    """The article as the analysis reads it, with its user words and reporters' names."""
    kw.set_user_words(article["user_words"] + kw.names_from_byline(article["byline"]))
    return kw.Reading(f"{article['title']}\n{article['body']}")


def top10(reading: kw.Reading) -> list[str]:
    """The top 10 as the article writes them."""
    return [reading.surface(w) for w, _ in kw.keywords(reading, 10)]


@pytest.mark.parametrize("name", ARTICLES)
def test_top10_has_no_fragment_or_count_and_the_topical_words(name: str) -> None:
    article = ARTICLES[name]
    reading = read(article)
    top = top10(reading)
    identities = {w for w, _ in kw.keywords(reading, 10)}
    assert len(top) == 10
    rejected = set(article["fragments"]) | NEVER
    assert not rejected & set(top), top
    assert not {kw.identity(f) for f in rejected} & identities, top
    assert set(article["expected"]) <= set(top), top


@pytest.mark.parametrize("name", [n for n, a in ARTICLES.items() if a["region"] != "mainland"])
def test_keywords_of_traditional_articles_are_written_as_the_article_writes_them(name) -> None:
    article = ARTICLES[name]
    reading = read(article)
    for word in top10(reading):
        assert word in reading.text
        assert scripts.detect_script(word) != scripts.SIMPLIFIED or word == kw.identity(word)


def test_user_words_hold_in_both_scripts() -> None:
    kw.set_user_words(["颱風季"])  # typed in traditional
    assert "台风季" in [t.word for t in kw.Reading("台风季将至").tokens]
    reading = kw.Reading("颱風季將至，颱風季來臨前要防颱")
    spans = reading.spans(["台风季"])
    assert [reading.text[s:e] for s, e, _ in spans] == ["颱風季", "颱風季"]
    kw.set_user_words(["自行车"])  # typed in simplified, read in a traditional article
    assert "自行车" in kw.terms("北市推動公共自行車升級，自行車")


def test_a_reporter_in_a_traditional_byline_is_a_person() -> None:
    article = ARTICLES["tw_bicycle"]
    assert kw.names_from_byline(article["byline"]) == ["林志明"]
    kw.set_user_words(["林志明"])
    text = "記者林志明今天在台北市政府採訪，林志明指出公共自行車很受歡迎"
    people = [(text[e.start : e.end], e.word) for e in kw.entities(text) if e.kind == "person"]
    assert ("林志明", "林志明") in people


def test_entities_of_traditional_text_carry_its_own_offsets_and_words() -> None:
    text = "𠮷國家音樂廳昨日表示，台北市長蔣萬安與高雄市長陳其邁出席"
    found = kw.entities(text)
    assert found
    assert all(text[e.start : e.end] == e.word for e in found)
    assert {"台北", "高雄"} & {e.word for e in found if e.kind == "place"}


@pytest.mark.parametrize(
    "word",
    ["三到", "五个", "五個", "十万", "十萬", "2.5万", "十三万宗", "三百个", "两小时", "第三"],
)
def test_numbers_and_counts_are_never_candidates(word: str) -> None:
    assert not kw.is_candidate(kw.identity(word))


def test_one_identity_whatever_the_script() -> None:
    simplified = SEED.read_text(encoding="utf-8")[:6000]
    traditional = scripts.convert(simplified, "s2tw")
    assert scripts.detect_script(traditional) == scripts.TRADITIONAL
    ours = [w for w, _ in kw.keywords(simplified, 10)]
    theirs = [w for w, _ in kw.keywords(traditional, 10)]
    assert len(set(ours) & set(theirs)) >= 9, (ours, theirs)
    assert kw.identity("發展") == kw.identity("发展") == "发展"


def _occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    at = text.find(word)
    while at != -1:
        yield at, at + len(word)
        at = text.find(word, at + 1)


def _check_words_of_their_article(text: str) -> None:
    """Every top keyword is a token wherever it is marked; elsewhere it lies inside one
    longer token (自行车 in 自行车道), and a dictionary word crosses a token boundary in at
    most a quarter of its occurrences (脱贫 in 摆脱贫困), a guessed one never."""
    reading = kw.Reading(text)
    view = reading.view.text
    tokens = reading.tokens
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    words = [w for w, _ in kw.keywords(reading, 10)]
    for start, end, word in reading.spans(words):  # the marks are the keyword itself
        assert scripts.fold(reading.text[start:end]) == scripts.fold(word)
    for word in words:
        crossing = total = 0
        for start, end in _occurrences(view, word):
            total += 1
            whole = start in starts and end in ends
            inside = any(t.start <= start and end <= t.end for t in tokens)
            crossing += not (whole or inside)
        assert total >= 1
        allowed = total // 4 if segment.segmenter().is_word(word) else 0
        assert crossing <= allowed, (word, crossing, total)


@pytest.mark.parametrize("name", ARTICLES)
def test_top_keywords_are_words_of_the_test_articles(name: str) -> None:
    article = ARTICLES[name]
    read(article)
    _check_words_of_their_article(f"{article['title']}\n{article['body']}")


_PIECES = [a["body"] for a in ARTICLES.values()] + [SEED.read_text(encoding="utf-8")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_top_keywords_of_any_passage_are_words_of_it(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(_PIECES))
    start = data.draw(st.integers(0, max(0, len(text) - 50)))
    piece = text[start : start + data.draw(st.integers(50, 1500))]
    if data.draw(st.booleans()):
        piece = scripts.convert(piece, data.draw(st.sampled_from(["s2t", "s2tw", "s2hk"])))
    _check_words_of_their_article(piece)


REFS = Path(__file__).resolve().parents[1] / "data" / "web" / "refs"


def _page_text(ref: Path) -> tuple[str, str]:
    """(title, body) of a real page's reference."""
    data = json.loads(ref.read_text(encoding="utf-8"))
    return data["title"], "\n".join(data["paragraphs"])


PAGE_TEXTS = {
    ref.stem: f"{title}\n{body}"
    for ref in sorted(REFS.glob("*.json"))
    for title, body in [_page_text(ref)]
    if len(body) >= 200
}


@pytest.mark.parametrize("name", PAGE_TEXTS)
def test_top_keywords_of_real_pages_are_words_and_not_counts(name: str) -> None:
    text = PAGE_TEXTS[name]
    _check_words_of_their_article(text)
    reading = kw.Reading(text)
    for word, _ in kw.keywords(reading, 10):
        assert kw.is_candidate(word)
        assert reading.surface(word) in text  # written as the page writes it
