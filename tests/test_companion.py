"""Looking a word up: readings, CC-CEDICT's definitions, both scripts, parts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.companion import Companion, NothingToLookUp


@pytest.fixture
def companion(dictionary_folder: Path) -> Companion:
    found = Companion(dictionary_folder)
    yield found
    found.close()


def test_a_word_in_either_script(companion: Companion) -> None:
    simplified = companion.lookup("发展")
    traditional = companion.lookup("發展")
    for found in (simplified, traditional):
        assert found.found
        assert (found.simplified, found.traditional) == ("发展", "發展")
        assert found.pinyin == "fā zhǎn" and found.zhuyin == "ㄈㄚ ㄓㄢˇ"
        assert found.jyutping == "faat3 zin2"
        assert "to develop" in found.definitions
    assert simplified.word == "发展" and traditional.word == "發展"
    # Shown in a view's script.
    assert companion.lookup("发展", config="s2twp").word == "發展"


def test_the_reading_in_context_comes_first(companion: Companion) -> None:
    bank = companion.lookup("银行")
    assert bank.pinyin == "yín háng" and bank.definitions[0] == "bank"
    # 行 alone has two entries; read as háng (as in 银行), that entry comes first.
    alone = companion.lookup("行", reading="háng")
    assert [s.pinyin for s in alone.senses] == ["háng", "xíng"]
    assert companion.lookup("行", reading="xíng").senses[0].pinyin == "xíng"


def test_parts_and_characters_read_as_in_the_word(companion: Companion) -> None:
    found = companion.lookup("银行行长")
    assert found.pinyin == "yín háng háng zhǎng"
    parts = {p.text: p for p in found.parts}
    assert list(parts) == ["银行", "行长", "银", "行", "长"]
    assert parts["行长"].pinyin == "háng zhǎng"
    assert parts["行长"].definitions == ["bank president"]
    # 长 here is zhǎng: its zhǎng entry first, before cháng (long).
    assert parts["长"].pinyin == "zhǎng"
    assert parts["长"].senses[0].pinyin == "zhǎng"
    assert "long" in parts["长"].definitions[len(parts["长"].senses[0].definitions) :]


def test_cross_references_are_readable(companion: Companion) -> None:
    assert "CL:家 (jiā),个 (gè)" in companion.lookup("银行").definitions


def test_no_entry_and_nothing_to_look_up(companion: Companion) -> None:
    unknown = companion.lookup("的了")
    assert not unknown.found and unknown.definitions == []
    assert [p.text for p in unknown.parts] == ["的", "了"]  # its characters still have entries
    rare = companion.lookup("𠮷")
    assert not rare.found and rare.pinyin == "𠮷"
    for text in ("hello", "😀", "", "  ", "123"):
        with pytest.raises(NothingToLookUp):
            companion.lookup(text)
    with pytest.raises(NothingToLookUp):
        companion.lookup("中" * 40)


def test_warm_up_builds_nothing_and_then_loads_the_index(
    tmp_path: Path, dictionary_folder: Path
) -> None:
    empty = Companion(tmp_path / "cache")
    empty.warm_up()  # never indexed: left to the first lookup
    assert not (tmp_path / "cache").exists()
    assert empty.lookup("银行").found and any((tmp_path / "cache").glob("cedict-*.sqlite3"))
    empty.close()
    ready = Companion(dictionary_folder)
    ready.warm_up(jyutping=True)
    assert ready.lookup("銀行").jyutping == "ngan4 hong4"
    ready.close()


FIRST_LOOKUPS = """
import sys
from pathlib import Path
from reader.companion import Companion
from reader.core import opencc_engine, scripts

companion = Companion(Path(sys.argv[1]))
found = [companion.lookup(word) for word in ("发展", "發展", "银行", "臺灣")]
print([f.pinyin for f in found], [f.jyutping for f in found])
print(opencc_engine.converter.cache_info().currsize
      + scripts._converter_with_phrases.cache_info().currsize)
print(companion.lookup("银行行长").traditional, companion.lookup("長大").pinyin)
print(opencc_engine.converter.cache_info().currsize
      + scripts._converter_with_phrases.cache_info().currsize > 0)
"""


def test_words_the_dictionary_has_are_read_without_the_script_converters(
    dictionary_folder: Path,
) -> None:
    # A fresh process, as a window's first lookup is: the converters take longer to load
    # than the rest of the lookup (tests/perf/bench_lookup.py).
    done = subprocess.run(
        [sys.executable, "-c", FIRST_LOOKUPS, str(dictionary_folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    readings, converters, others, loaded = done.stdout.splitlines()
    assert readings == (
        "['fā zhǎn', 'fā zhǎn', 'yín háng', 'tái wān'] "
        "['faat3 zin2', 'faat3 zin2', 'ngan4 hong4', 'toi4 waan1']"
    )
    assert converters == "0"
    # A word it does not have, or has only in another form, is converted to be read.
    assert others == "銀行行長 zhǎng dà" and loaded == "True"
