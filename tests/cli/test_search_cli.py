"""reader search QUERY [--json] [--limit N]: the contract's shape, either script, ranking,
snippets with the hits in 【】, notes, limits and one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import scripts

HIT = re.compile("【(.+?)】")

PAGES = {
    "spring.txt": (
        "春耕备耕有序展开\n\n"
        "本报讯 连日来，各地春耕生产有序推进，农资供应充足。\n\n"
        "农民们抢抓农时，田间地头一派繁忙景象。\n"
    ),
    "meeting.txt": (
        "疫情防控工作会议召开\n\n本报讯 会议要求各地严防输入，做好疫情防控工作，同时抓好春耕。\n"
    ),
    "taipei.txt": scripts.convert(
        "老屋变身艺术基地\n\n本报讯 文化局长昨天表示，经济社会发展要靠文化，疫情过后游客回升。\n",
        "s2t",
    ),
}


@pytest.fixture(autouse=True)
def _empty_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as e:  # argparse's own refusals
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def search_json(capsys, *argv: str) -> list[dict]:
    code, out, err = run(capsys, "search", *argv, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


@pytest.fixture
def ids(capsys, tmp_path: Path) -> dict[str, int]:
    """Article id by file name."""
    paths = []
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    code, out, err = run(capsys, "import", *paths, "--json")
    assert code == 0, err
    return {Path(a["source"]).name: a["id"] for a in json.loads(out)["articles"]}


def test_json_items_hold_exactly_the_contract_keys(capsys, ids) -> None:
    hits = search_json(capsys, "疫情")
    assert {h["id"] for h in hits} == {ids["meeting.txt"], ids["taipei.txt"]}
    for h in hits:
        assert set(h) == {"id", "title", "snippet", "score"}
        assert isinstance(h["id"], int) and isinstance(h["score"], float)
        assert HIT.findall(h["snippet"]) == ["疫情"] * h["snippet"].count("【")
    # Best first: the article with the word in its title leads.
    assert hits[0]["id"] == ids["meeting.txt"]
    assert hits[0]["title"] == "疫情防控工作会议召开"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_either_script_finds_both_and_marks_the_original_text(capsys, ids) -> None:
    simplified = search_json(capsys, "发展")
    traditional = search_json(capsys, "發展")
    assert simplified == traditional
    [hit] = simplified
    assert hit["id"] == ids["taipei.txt"]
    assert "【發展】" in hit["snippet"]  # the article's own script, hit marked
    assert hit["title"] == "老屋變身藝術基地"


def test_substrings_across_word_boundaries_and_single_characters(capsys, ids) -> None:
    assert [h["id"] for h in search_json(capsys, "情防")] == [ids["meeting.txt"]]
    assert {h["id"] for h in search_json(capsys, "耕")} == {ids["spring.txt"], ids["meeting.txt"]}
    assert search_json(capsys, "防疫") == []


def test_all_words_must_occur_given_as_one_argument_or_several(capsys, ids) -> None:
    one = search_json(capsys, "春耕 疫情")
    several = search_json(capsys, "春耕", "疫情")
    assert [h["id"] for h in one] == [h["id"] for h in several] == [ids["meeting.txt"]]
    assert HIT.findall(one[0]["snippet"]) == ["疫情", "春耕"]


@pytest.mark.parametrize("query", ["春耕", "，"])  # a word; punctuation (checked hits)
def test_limit_keeps_the_best(capsys, ids, query: str) -> None:
    everything = search_json(capsys, query)
    assert len(everything) == (2 if query == "春耕" else 3)
    for n in (1, 2):
        assert search_json(capsys, query, "--limit", str(n)) == everything[:n]


def test_notes_are_searchable_and_shown_as_the_snippet(capsys, ids) -> None:
    code, _, err = run(
        capsys, "annotate", str(ids["spring.txt"]), "--quote", "农资", "--note", "化肥价格待核实"
    )
    assert code == 0, err
    [hit] = search_json(capsys, "化肥")
    assert hit["id"] == ids["spring.txt"]
    assert "【化肥】价格待核实" in hit["snippet"]


def test_text_output_lists_id_title_and_marked_snippet(capsys, ids) -> None:
    code, out, err = run(capsys, "search", "春耕")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 4  # two hits, two lines each
    first_id, first_title = lines[0].split(maxsplit=1)
    assert int(first_id) == ids["spring.txt"]
    assert first_title == "【春耕】备耕有序展开"  # title hits are marked too
    assert "【春耕】生产" in lines[1]
    assert int(lines[2].split()[0]) == ids["meeting.txt"]


def test_no_match_is_not_an_error(capsys, ids) -> None:
    code, out, err = run(capsys, "search", "龘")
    assert (code, err) == (0, "")
    assert out.strip() == "no article matches 龘"
    assert search_json(capsys, "龘") == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["   "], "give a word to search for"),
        (["春耕", "--limit", "0"], "--limit must be at least 1"),
        (["春耕", "--limit", "many"], "invalid int value"),
    ],
)
def test_bad_input_is_one_line(capsys, ids, argv: list[str], message: str) -> None:
    code, out, err = run(capsys, "search", *argv)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader") and message in lines[0], err


def test_a_real_process_prints_utf8_json(ids, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "春耕", "--json", "--limit", "1"],
        capture_output=True,
        check=True,
    )
    [hit] = json.loads(done.stdout.decode("utf-8"))
    assert hit["id"] == ids["spring.txt"]
    assert "【春耕】" in hit["snippet"]
