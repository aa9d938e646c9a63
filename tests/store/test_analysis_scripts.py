"""One keyword identity across scripts in a real library: IDF, other articles with the
keyword, watch words, the user dictionary; keywords shown in any view; the upgrade."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.analysis import analyse_pending
from reader.cli import main
from reader.core import scripts
from reader.library import Library
from reader.store.analysis import AnalysisStore

DATA = Path(__file__).resolve().parents[1] / "data" / "keywords" / "articles.json"
ARTICLES = {a["name"]: a for a in json.loads(DATA.read_text(encoding="utf-8"))}


def page(article: dict) -> str:
    return f"{article['title']}\n\n{article['byline']}{article['body']}\n"


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Iterator[Library]:
    """A Taiwan article, the same story in simplified, and a Hong Kong one, analysed."""
    home = tmp_path_factory.mktemp("scripts")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("READER_NO_SEED", "1")
        mp.setenv("READER_CACHE_DIR", str(home / "cache"))
        lib = Library.open(home / "lib")
        bicycle = ARTICLES["tw_bicycle"]
        lib.analysis.add_user_words(bicycle["user_words"])
        lib.import_text(page(bicycle), "tw.txt")
        lib.import_text(scripts.convert(page(bicycle), "tw2sp"), "cn.txt")
        lib.import_text(page(ARTICLES["hk_trams"]), "hk.txt")
        assert analyse_pending(lib) == 3
        yield lib
        lib.close()


def ids_by_script(lib: Library) -> dict[str, int]:
    rows = lib.rows(lib.ids())
    return {
        r.source: r.id for r in sorted(rows.values(), key=lambda r: r.id)
    }  # tw.txt, cn.txt, hk.txt


def test_the_same_story_in_two_scripts_has_the_same_keywords(library: Library) -> None:
    ids = ids_by_script(library)
    tw, cn = ids["tw.txt"], ids["cn.txt"]
    tw_words = [w for w, _ in library.analysis.keywords(tw)[:10]]
    cn_words = [w for w, _ in library.analysis.keywords(cn)[:10]]
    assert "自行车" in tw_words  # the identity: 自行車 in the Taiwan article
    assert len(set(tw_words) & set(cn_words)) >= 8
    assert library.analysis.articles_with_keyword("自行车", exclude=tw) == [cn]
    # The library's IDF counts one term for both.
    assert library.analysis.document_frequencies()["自行车"] == 2


def test_keywords_are_shown_as_the_view_writes_them(library: Library) -> None:
    tw = ids_by_script(library)["tw.txt"]
    record = library.get(tw)
    assert record is not None
    for config, expected in ((None, "自行車"), ("t2s", "自行车"), ("s2twp", "自行車")):
        view = library.view(record, config)
        shown = library.keywords_in_view(view, 10)
        bicycle = next(k for k in shown if k.word == "自行车")
        assert bicycle.text == expected
        # The panel and the marks agree: every mark of the keyword shows that text.
        assert bicycle.spans
        for start, end in bicycle.spans:
            view_start, view_end = view.body.to_view(start, end)
            assert view.body.text[view_start:view_end] == bicycle.text


def test_watch_words_and_user_words_are_one_in_either_script(library: Library, tmp_path) -> None:
    lib = Library.open(tmp_path / "words")
    store = AnalysisStore(lib.db)
    store.set_watch_words(["发展", "發展", "電車", "电车", " "])
    assert store.watch_words() == ["发展", "電車"]
    assert store.add_user_words(["自行車", "自行车", "室內樂"]) == ["自行車", "室內樂"]
    store.remove_user_word("室内乐")
    assert store.user_words() == {"自行車": "user"}
    lib.close()


def test_a_user_word_reanalyses_articles_in_either_script(library: Library) -> None:
    store = library.analysis
    assert store.invalidate_containing("租借站") == 2  # 租借站 in both scripts
    assert store.invalidate_containing("电车") == 1  # the Hong Kong article writes 電車
    assert analyse_pending(library) == 3


def test_an_older_analysis_is_done_again_and_kept_meanwhile(library: Library) -> None:
    store = library.analysis
    tw = ids_by_script(library)["tw.txt"]
    before = store.keywords(tw)
    with library.db.transaction() as conn:  # as a library analysed by version 1 is
        conn.execute("UPDATE analyses SET version = 1")
    assert store.pending() == sorted(ids_by_script(library).values())
    assert store.keywords(tw) == before  # shown until the background analysis replaces it
    assert analyse_pending(library) == 3
    assert store.pending() == []


def test_cli_gives_words_titles_and_snippets_in_a_view(library: Library, capsys) -> None:
    folder = str(library.directory)
    tw = ids_by_script(library)["tw.txt"]
    assert main(["--data-dir", folder, "keywords", str(tw), "--top", "3", "--json"]) == 0
    original = [w["word"] for w in json.loads(capsys.readouterr().out)]
    args = ["--data-dir", folder, "keywords", str(tw), "--top", "3", "--json", "--script", "t2s"]
    assert main(args) == 0
    simplified = [w["word"] for w in json.loads(capsys.readouterr().out)]
    assert [scripts.fold(w) for w in original] == simplified
    assert "自行車" in original and "自行车" in simplified

    assert main(["--data-dir", folder, "list", "--script", "s2tw"]) == 0
    listed = capsys.readouterr().out
    assert listed.count("北市推動公共自行車升級") == 2 and "自行车" not in listed
    assert main(["--data-dir", folder, "list", "--json", "--script", "t2s"]) == 0
    titles = {a["title"] for a in json.loads(capsys.readouterr().out)}
    assert {"北市推动公共自行车升级", "电车公司引入新型车厢 保留传统外观"} <= titles

    assert main(["--data-dir", folder, "search", "自行車道", "--script", "t2s", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2
    for hit in hits:
        assert "【自行车道】" in hit["snippet"]
        assert hit["title"] == "北市推动公共自行车升级"
    assert main(["--data-dir", folder, "search", "电车", "--script", "s2hk"]) == 0
    out = capsys.readouterr().out
    assert "【電車】" in out and "电车" not in out


@pytest.mark.parametrize("command", ["list", "keywords 1", "search 电车"])
def test_cli_refuses_an_unknown_script_in_one_line(library: Library, command, capsys) -> None:
    args = ["--data-dir", str(library.directory), *command.split(), "--script", "s2xx"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "s2xx" in err
