"""reader lookup / pinyin / speak / words: the reading companion's command line."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import sys
import wave
import zipfile
from pathlib import Path

import pytest

from reader.cli import main

PAGE = "银行行长谈发展\n\n记者了解到，银行行长认为这个都市发展很重要。孩子们在这里长大。\n"


@pytest.fixture(autouse=True)
def _shared_dictionary(monkeypatch: pytest.MonkeyPatch, dictionary_folder: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.setenv("READER_CACHE_DIR", str(dictionary_folder))


def run(capsys, *argv: str, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fails(capsys, *argv: str, **kw) -> str:
    try:
        code, out, err = run(capsys, *argv, **kw)
    except SystemExit as e:  # argparse's own refusals (one line, exit 1)
        out, err = capsys.readouterr()
        code = e.code
    assert code == 1 and out == "", (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader"), err
    assert "Traceback" not in err
    return lines[0]


# -- lookup --------------------------------------------------------------------------------


def test_lookup_json_has_the_contracts_keys(capsys) -> None:
    code, out, err = run(capsys, "lookup", "銀行", "--json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert list(found)[:8] == [
        "word", "simplified", "traditional", "pinyin", "zhuyin", "jyutping", "definitions",
        "entries",
    ]  # fmt: skip
    assert found["word"] == "銀行"
    assert (found["simplified"], found["traditional"]) == ("银行", "銀行")
    assert (found["pinyin"], found["zhuyin"], found["jyutping"]) == (
        "yín háng", "ㄧㄣˊ ㄏㄤˊ", "ngan4 hong4",
    )  # fmt: skip
    assert found["definitions"][0] == "bank"
    assert [p["text"] for p in found["parts"]] == ["銀", "行"]
    assert found["parts"][1]["pinyin"] == "háng"


def test_lookup_in_a_view_and_as_text(capsys) -> None:
    code, out, _ = run(capsys, "lookup", "发展", "--script", "s2twp", "--json")
    assert code == 0 and json.loads(out)["word"] == "發展"
    code, out, _ = run(capsys, "lookup", "发展")
    assert code == 0
    assert out.splitlines()[0] == "发展 (發展)  fā zhǎn  ㄈㄚ ㄓㄢˇ  faat3 zin2"
    assert "to develop" in out


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("的了", "no entry for 的了"),
        ("𠮷", "no entry for 𠮷"),
        ("hello", "has no Chinese characters"),
        ("😀", "has no Chinese characters"),
        ("", "has no Chinese characters"),
    ],
)
def test_lookup_of_nothing_is_one_line(capsys, word: str, message: str) -> None:
    assert message in fails(capsys, "lookup", word)


def test_lookup_with_an_unknown_view(capsys) -> None:
    assert "unknown script config" in fails(capsys, "lookup", "银行", "--script", "zz")


# -- pinyin --------------------------------------------------------------------------------


def test_pinyin_json_covers_the_text_in_order(capsys, monkeypatch) -> None:
    text = "他在银行工作，行长很重要。A股涨了2%😀𠮷\n"
    code, out, err = run(
        capsys, "pinyin", "--format", "numbers", "--json", stdin=text.encode(),
        monkeypatch=monkeypatch,
    )  # fmt: skip
    assert (code, err) == (0, "")
    pieces = json.loads(out)
    assert "".join(p["text"] for p in pieces) == text
    assert {"text": "银行", "reading": "yin2 hang2"} in pieces
    assert {"text": "行长", "reading": "hang2 zhang3"} in pieces
    assert {"text": "了", "reading": "le5"} in pieces
    for piece in pieces:
        han = [c for c in piece["text"] if "\u4e00" <= c <= "\u9fff" or c == "𠮷"]
        assert len(piece["reading"].split()) == len(han)


def test_pinyin_formats_and_a_file(capsys, tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("長大以後", encoding="big5")  # not UTF-8: decoded as the importer does
    expected = {
        "marks": "長大(zhǎng dà)以後(yǐ hòu)",
        "numbers": "長大(zhang3 da4)以後(yi3 hou4)",
        "zhuyin": "長大(ㄓㄤˇ ㄉㄚˋ)以後(ㄧˇ ㄏㄡˋ)",
        "jyutping": "長大(zoeng2 daai6)以後(ji5 hau6)",
    }
    for fmt, text in expected.items():
        code, out, err = run(capsys, "pinyin", "--format", fmt, str(source))
        assert (code, out, err) == (0, text, "")


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "stdin: no text"), (b" \n\t", "stdin: no text"), (b"\x7fELF\x00\x01\x02", "binary")],
)
def test_pinyin_of_no_text(capsys, monkeypatch, data: bytes, message: str) -> None:
    assert message in fails(capsys, "pinyin", stdin=data, monkeypatch=monkeypatch)


def test_pinyin_of_a_missing_file_and_format(capsys, tmp_path: Path) -> None:
    assert "No such file" in fails(capsys, "pinyin", str(tmp_path / "none.txt"))
    assert "invalid choice" in fails(capsys, "pinyin", "--format", "ipa")


# -- speak ---------------------------------------------------------------------------------

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (.ci/run installs it)"
)


def _seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


@needs_espeak
@pytest.mark.parametrize("voice", ["mandarin", "cantonese"])
def test_speak_writes_a_wav_of_plausible_length(capsys, tmp_path: Path, voice: str) -> None:
    (tmp_path / "out").mkdir()
    short, long = tmp_path / "out" / "short.wav", tmp_path / "out" / "long.wav"
    assert run(capsys, "speak", "银行", "--voice", voice, "-o", str(short))[0] == 0
    sentence = "银行行长认为这个都市的发展很重要，孩子们在这里长大。"
    assert run(capsys, "speak", sentence, "--voice", voice, "-o", str(long))[0] == 0
    # Two syllables take a fraction of a second or so; twenty-odd take several seconds.
    assert 0.3 < _seconds(short) < 3
    assert 2.5 < _seconds(long) < 15 and _seconds(long) > 3 * _seconds(short)
    assert sorted(p.name for p in short.parent.iterdir()) == ["long.wav", "short.wav"]


@needs_espeak
def test_speak_from_stdin(capsys, monkeypatch, tmp_path: Path) -> None:
    out = tmp_path / "in.wav"
    code, _, err = run(
        capsys, "speak", "-", "-o", str(out), stdin="-- 银行".encode(), monkeypatch=monkeypatch
    )
    assert (code, err) == (0, "") and _seconds(out) > 0.3


@needs_espeak
def test_speak_where_no_file_can_be_written(capsys, tmp_path: Path) -> None:
    assert "no such folder" in fails(capsys, "speak", "银行", "-o", str(tmp_path / "x" / "a.wav"))
    # /proc takes no new files, whoever asks (a chmod'ed folder would not stop root).
    assert "cannot write /proc/a.wav" in fails(capsys, "speak", "银行", "-o", "/proc/a.wav")
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        assert "read-only" in fails(capsys, "speak", "银行", "-o", str(folder / "a.wav"))


def test_speak_nothing(capsys, monkeypatch) -> None:
    assert "nothing to speak" in fails(capsys, "speak", "", "-o", "x.wav")
    assert "nothing to speak" in fails(capsys, "speak", stdin=b"", monkeypatch=monkeypatch)


def test_speak_without_an_engine(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng anywhere on it
    line = fails(capsys, "speak", "银行", "-o", str(tmp_path / "a.wav"))
    assert "no speech engine: install espeak-ng" in line


# -- words ---------------------------------------------------------------------------------


@pytest.fixture
def library(capsys, tmp_path: Path) -> list[str]:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "lib")]
    assert run(capsys, *data, "import", str(page))[0] == 0
    return data


def test_vocabulary_round_trip_to_anki(capsys, library: list[str], tmp_path: Path) -> None:
    sentence = "记者了解到，银行行长认为这个都市发展很重要。"
    code, out, err = run(
        capsys, *library, "words", "add", "行长", "--article", "1", "--sentence", sentence
    )
    assert (code, err) == (0, "") and out.startswith("行长  háng zhǎng  bank president")
    assert run(capsys, *library, "words", "add", "發展")[0] == 0
    code, out, _ = run(capsys, *library, "words", "list", "--json")
    words = json.loads(out)
    assert [w["word"] for w in words] == ["發展", "行长"]
    assert words[1]["article_title"] == "银行行长谈发展"
    assert words[1]["link"] == "reader://article/1" and words[1]["sentence"] == sentence

    apkg = tmp_path / "words.apkg"
    code, _, err = run(capsys, *library, "words", "export", "--format", "anki", "-o", str(apkg))
    assert code == 0 and "2 words" in err
    with zipfile.ZipFile(apkg) as z:
        (tmp_path / "unpacked").mkdir()
        z.extract("collection.anki2", tmp_path / "unpacked")
    conn = sqlite3.connect(tmp_path / "unpacked" / "collection.anki2")
    notes = {
        r[0].split("\x1f")[0]: r[0].split("\x1f") for r in conn.execute("SELECT flds FROM notes")
    }
    conn.close()
    word, reading, definition, marked, title, link = notes["行长"]
    assert (word, reading, definition, title) == (
        "行长",
        "háng zhǎng",
        "bank president",
        "银行行长谈发展",
    )
    assert marked == "记者了解到，银行<b>行长</b>认为这个都市发展很重要。"
    assert "reader://article/1" in link
    assert notes["發展"][1] == "fā zhǎn"


def test_vocabulary_csv_remove_and_refusals(capsys, library: list[str], tmp_path: Path) -> None:
    assert run(capsys, *library, "words", "add", "银行", "--sentence", "他去银行。")[0] == 0
    out = tmp_path / "words.csv"
    assert run(capsys, *library, "words", "export", "--format", "csv", "-o", str(out))[0] == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0]["word"] == "银行" and rows[0]["reading"] == "yín háng"
    assert rows[0]["sentence"] == "他去银行。"

    # An export over an existing file: refused, the file untouched, no temporary left.
    before = out.read_bytes()
    line = fails(capsys, *library, "words", "export", "--format", "anki", "-o", str(out))
    assert "exists; not replaced" in line and out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "lib", "page.txt", "words.csv"]
    assert "cannot write" in fails(
        capsys, *library, "words", "export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")
    )
    assert "has no Chinese characters" in fails(capsys, *library, "words", "add", "hello")
    assert "no article with id 99" in fails(
        capsys, *library, "words", "add", "银行", "--article", "99"
    )

    assert run(capsys, *library, "words", "remove", "银行")[0] == 0
    assert "not in the vocabulary" in fails(capsys, *library, "words", "remove", "银行")
    assert run(capsys, *library, "words", "list", "--json")[1] == "[]\n"


def test_an_export_replaces_a_file_only_when_asked(tmp_path: Path) -> None:
    from reader import vocabulary
    from reader.library import Library

    lib = Library.open(tmp_path / "lib")
    try:
        lib.vocabulary.add("银行", reading="yín háng")
        target = tmp_path / "words.csv"
        target.write_text("kept", encoding="utf-8")
        with pytest.raises(FileExistsError):
            vocabulary.export(lib, "csv", target)
        assert target.read_text(encoding="utf-8") == "kept"
        assert vocabulary.export(lib, "csv", target, replace=True) == 1
        assert "银行" in target.read_text(encoding="utf-8-sig")
        # Never through a link, nor over a folder: the CLI's rule still holds there.
        link = tmp_path / "link.csv"
        link.symlink_to(target)
        with pytest.raises(FileExistsError):
            vocabulary.export(lib, "csv", link, replace=True)
        assert link.is_symlink()
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    finally:
        lib.close()
