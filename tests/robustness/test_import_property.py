"""Any bytes at all: imported articles or an error entry, never an exception; library consistent."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_helpers import assert_consistent, page_text

from reader.library import Library

SAMPLE = page_text(3)
HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
TEXTISH = st.text(
    alphabet=st.one_of(HANZI, st.sampled_from("，。、；：？！“”（）《》\n\n \u3000<>/=\"'&#;"),
                       st.characters()),
    max_size=400,
)  # fmt: skip
CODECS = ("utf-8", "utf-16", "utf-16-be", "gb18030", "big5")


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """Raw bytes, text in some codec, or a real page mangled at random places."""
    kind = draw(st.sampled_from(("bytes", "text", "page")))
    if kind == "bytes":
        return draw(st.binary(max_size=600))
    if kind == "text":
        codec = draw(st.sampled_from(CODECS))
        return draw(TEXTISH).encode(codec, errors="ignore")
    data = bytearray(SAMPLE.encode(draw(st.sampled_from(("utf-8", "gb18030", "utf-16")))))
    for _ in range(draw(st.integers(0, 4))):  # flip, cut, or splice in junk
        at = draw(st.integers(0, len(data)))
        junk = draw(st.binary(min_size=1, max_size=8))
        data[at : at + draw(st.integers(0, 8))] = junk
    return bytes(data[: draw(st.integers(0, len(data)))])


NAMES = st.sampled_from(("page.txt", "page.html", "page.md", "page", "PAGE.HTM", "x.markdown"))


def test_any_bytes_give_articles_or_an_error_and_a_consistent_library(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib", seed=False)
    counter = itertools.count()

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=documents(), name=NAMES)
    def import_one(data: bytes, name: str) -> None:
        source = f"/in/{next(counter)}/{name}"
        before = lib.articles.count()
        report = lib.import_bytes(data, name, source)  # must not raise
        if report.errors:
            assert not report.articles and not report.duplicates
            assert [s for s, _ in report.errors] == [source]
            assert all(msg and "\n" not in msg for _, msg in report.errors)
            # The importer's catch-all for splitter bugs keeps users safe; here it is a failure.
            assert not any(msg.startswith("cannot read this file (") for _, msg in report.errors)
            assert lib.articles.count() == before  # nothing of a bad file is kept
        else:
            assert report.articles or report.duplicates
            # (an article whose text matches an earlier file's is filed under that source)
            assert lib.articles.count() == before + len(report.articles)
            for record in report.articles:
                assert lib.get(record.id) == record
                assert record.body.strip() or record.captions or record.title
                assert "\x00" not in record.body

    try:
        import_one()
    finally:
        lib.close()
    assert_consistent(tmp_path / "lib" / "library.sqlite3")
    conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite3")
    try:  # no duplicate articles even though mangled pages repeat
        dupes = conn.execute("SELECT count(*) - count(DISTINCT digest) FROM articles").fetchone()
        assert dupes == (0,)
    finally:
        conn.close()
