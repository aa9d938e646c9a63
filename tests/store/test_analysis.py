"""Stored analysis: keywords and entities computed once, IDF from the library itself."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from reader.analysis import analyse_pending
from reader.cli import main
from reader.library import Library
from reader.store.analysis import AnalysisStore

FILLER = {"工作", "加强", "坚决", "进行", "全市", "各级", "目前", "要求", "开展"}


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Iterator[tuple[Library, AnalysisStore]]:
    """One analysed seed library shared by the read-only tests (analysis takes seconds)."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("READER_NO_SEED", raising=False)
        mp.setenv("READER_CACHE_DIR", str(home / "cache"))
        lib = Library.open(home / "lib")
        assert analyse_pending(lib) == 5
        yield lib, AnalysisStore(lib.db)
        lib.close()


def by_title(lib: Library, title: str) -> int:
    return next(
        r.id
        for r in lib.articles.rows(lib.articles.ids()).values()
        if r.display_title.startswith(title)
    )


def test_seed_keywords_are_topical_and_filler_free(analysed) -> None:
    lib, store = analysed
    top = [w for w, _ in store.keywords(by_title(lib, "决战决胜看今朝"))[:10]]
    assert len({"脱贫", "扶贫", "贫困", "攻坚", "搬迁", "贫困村"} & set(top)) >= 4
    assert not FILLER & set(top)
    fire = [w for w, _ in store.keywords(by_title(lib, "政务要闻"))[:5]]
    assert {"防火", "森林"} <= set(fire)
    for article_id in lib.articles.ids():
        words = [w for w, _ in store.keywords(article_id)]
        assert not FILLER & set(words[:10])
        assert all(len(w) > 1 and not w.isdigit() for w in words)


def test_reporters_from_bylines_become_dictionary_words(analysed) -> None:
    _, store = analysed
    words = store.user_words()
    assert {"白云飞", "孙小蕊", "梅占国"} <= set(words)
    assert words["白云飞"] == "byline"


def test_entities_are_stored_with_body_offsets(analysed) -> None:
    lib, store = analysed
    record = lib.get(by_title(lib, "上接01版"))
    found = store.entities(record.id)
    assert found
    assert all(record.body[e.start : e.end] == e.word for e in found)
    assert {"person", "place"} <= {e.kind for e in found}
    assert any(e.word == "习近平" and e.kind == "person" for e in found)


def test_document_frequencies_follow_deletes(analysed, tmp_path) -> None:
    lib = Library.open(tmp_path / "other")
    analyse_pending(lib)
    store = AnalysisStore(lib.db)
    df = store.document_frequencies()
    assert df["疫情"] >= 3
    victim = by_title(lib, "送岗下乡促就业")
    terms = store.terms(victim)
    with lib.db.transaction() as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (victim,))
    after = store.document_frequencies()
    assert all(after.get(t, 0) == df[t] - 1 for t in terms)
    assert store.analysed_count() == 4
    assert store.pending() == []


def test_nothing_pending_twice_and_new_imports_are_picked_up(analysed, tmp_path) -> None:
    lib = Library.open(tmp_path / "third")
    assert analyse_pending(lib) == 5
    assert analyse_pending(lib) == 0
    lib.import_text("新闻一则\n\n本报讯 春季植树活动在全市展开,市民踊跃参与义务植树。\n")
    assert analyse_pending(lib) == 1


def test_a_user_word_reanalyses_the_articles_containing_it(analysed, tmp_path) -> None:
    lib = Library.open(tmp_path / "fourth")
    analyse_pending(lib)
    store = AnalysisStore(lib.db)
    store.add_user_words(["绣花功夫"])
    assert store.invalidate_containing("绣花功夫") == 0  # the seed writes “绣花”功夫
    store.add_user_words(["写生大军"])
    assert store.invalidate_containing("写生大军") == 1
    assert analyse_pending(lib) == 1


def test_keywords_command(capsys, tmp_path) -> None:
    assert main(["--data-dir", str(tmp_path / "cli"), "list", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]["id"]
    assert (
        main(["--data-dir", str(tmp_path / "cli"), "keywords", str(first), "--json", "--top", "5"])
        == 0
    )
    words = json.loads(capsys.readouterr().out)
    assert len(words) == 5
    assert set(words[0]) == {"word", "weight"}
    assert words == sorted(words, key=lambda w: -w["weight"])
    assert main(["--data-dir", str(tmp_path / "cli"), "keywords", "999"]) == 1
