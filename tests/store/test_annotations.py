"""Highlights and notes: the store, view offsets, search, colours, reading positions."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.anchors import make_anchor
from reader.core.scripts import convert
from reader.library import Library
from reader.store.annotations import (
    DEFAULT_COLOURS,
    Annotation,
    AnnotationError,
    AnnotationNotFound,
)
from reader.store.db import LibraryError

LIBRARIES = Path(__file__).resolve().parents[1] / "data" / "libraries"

# Length-changing s2twp phrases (内存→記憶體, U盘→隨身碟, 软件→軟體), astral characters.
BODY = (
    "新买的内存条和U盘都坏了，𠮷野家𡘙老板只好用软件修复。\n"
    "软件和内存条都很贵，发展经济要靠技术。\n"
    "记者了解到，台风过后发展势头不减。"
)
PAGE = f"电脑配件涨价\n\n{BODY}\n"


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setenv("READER_NO_SEED", "1")
    library = Library.open(tmp_path / "lib")
    yield library
    library.close()


@pytest.fixture
def article(lib: Library) -> int:
    report = lib.import_text(PAGE, "page.txt")
    assert len(report.articles) == 1 and report.articles[0].body == BODY
    return report.articles[0].id


def test_add_get_update_delete_restore(lib: Library, article: int) -> None:
    anchor = make_anchor(BODY, BODY.index("软件修复"), BODY.index("软件修复") + 4)
    added = lib.annotations.add(article, anchor, "green", "修复靠软件")
    assert added.id.startswith("urn:uuid:")
    assert (added.start, added.end, added.exact) == (anchor.start, anchor.end, "软件修复")
    assert added.prefix == anchor.prefix and added.suffix == anchor.suffix
    assert added.anchor == anchor and not added.orphaned
    assert lib.annotations.get(added.id) == added
    assert lib.annotations.get(added.id.upper().replace("URN:UUID:", "")) == added

    changed = lib.annotations.update(added.id, note="改了")
    assert (changed.color, changed.note, changed.created) == ("green", "改了", added.created)
    assert lib.annotations.update(added.id, color="pink").note == "改了"

    deleted = lib.annotations.delete(added.id)
    assert deleted.color == "pink"
    assert lib.annotations.find(added.id) is None
    with pytest.raises(AnnotationNotFound):
        lib.annotations.get(added.id)
    with pytest.raises(AnnotationNotFound):
        lib.annotations.delete(added.id)
    with pytest.raises(AnnotationNotFound):
        lib.annotations.update(added.id, note="x")

    lib.annotations.restore(deleted)  # undo of the delete: exactly as it was
    assert lib.annotations.get(added.id) == deleted
    lib.annotations.restore(added)  # undo of the edits
    assert lib.annotations.get(added.id) == added
    assert lib.annotations.count() == 1


def test_errors_are_distinct_and_nothing_is_half_saved(lib: Library, article: int) -> None:
    anchor = make_anchor(BODY, 0, 3)
    with pytest.raises(AnnotationError, match="no article"):
        lib.annotations.add(9999, anchor)
    with pytest.raises(ValueError, match="unknown colour"):
        lib.annotations.add(article, anchor, "purple")
    with pytest.raises(ValueError, match="not at"):
        lib.annotations.add(article, replace(anchor, exact="别的"))
    first = lib.annotations.add(article, anchor)
    with pytest.raises(AnnotationError, match="already exists"):
        lib.annotations.add(article, anchor, id=first.id)
    assert issubclass(AnnotationNotFound, LibraryError)
    assert lib.annotations.count() == 1


def test_saved_annotations_survive_reopening(lib: Library, article: int, tmp_path) -> None:
    saved = lib.annotate_quote(article, None, "发展经济", note="笔记")
    other = Library.open(tmp_path / "lib")
    try:
        assert other.annotations.for_article(article) == [saved]
    finally:
        other.close()


def test_for_article_is_in_body_order(lib: Library, article: int) -> None:
    late = lib.annotate_quote(article, None, "台风")
    early = lib.annotate_quote(article, None, "内存条")
    middle = lib.annotate_quote(article, None, "内存条", occurrence=2)
    assert lib.annotations.for_article(article) == [early, middle, late]
    with pytest.raises(ValueError, match="occurs 2 time"):
        lib.annotate_quote(article, None, "内存条", occurrence=3)
    with pytest.raises(ValueError, match="not in the text"):
        lib.annotate_quote(article, None, "不存在的话")


# -- script views ---------------------------------------------------------------------------

WORDS = ["内存条", "存", "U盘都坏", "𠮷野家𡘙老板", "软件修复", "和U", "发展经济", "台风过后"]


@pytest.mark.parametrize("config", ["s2t", "s2twp", "s2hk"])
@pytest.mark.parametrize("word", WORDS)
def test_highlight_made_in_a_view_is_stored_against_the_original(
    lib: Library, article: int, config: str, word: str
) -> None:
    view = lib.view(lib.get(article), config).body
    start = BODY.index(word)
    view_start, view_end = view.to_view(start, start + len(word))
    saved = lib.annotate(article, config, view_start, view_end)
    # The original span behind the selection (a selection inside a length-changing phrase
    # such as 記憶體 widens to the whole phrase).
    assert BODY[saved.start : saved.end] == saved.exact
    assert saved.start <= start and saved.end >= start + len(word)
    if config != "s2twp":
        assert saved.exact == word
    # Drawn on the same words in every view, the original included.
    for other in (None, "s2t", "s2twp", "s2hk", "s2tw"):
        other_view = lib.view(lib.get(article), other).body
        [(found, vs, ve)] = lib.annotations_in_view(article, other)
        assert found == saved
        start, end = other_view.to_original(vs, ve)
        if other == "s2twp":  # part of a length-changing phrase is drawn on all of it
            assert start <= saved.start < saved.end <= end
        else:
            assert (start, end) == (saved.start, saved.end)
        if other is None:
            assert other_view.text[vs:ve] == saved.exact


def test_length_changing_phrase_in_s2twp(lib: Library, article: int) -> None:
    view = lib.view(lib.get(article), "s2twp").body
    assert "記憶體" in view.text and len(view.text) != len(BODY)
    # By quote in the view's own script; the second 軟體 sits after a longer phrase.
    saved = lib.annotate_quote(article, "s2twp", "軟體", occurrence=2, color="blue")
    assert saved.exact == "软件" and saved.start == BODY.index("软件和")
    [(_, vs, ve)] = lib.annotations_in_view(article, "s2twp")
    assert view.text[vs:ve] == "軟體"
    [(_, vs, ve)] = lib.annotations_in_view(article, "s2t")
    assert lib.view(lib.get(article), "s2t").body.text[vs:ve] == "軟件"
    # A selection of part of 記憶體 keeps the whole phrase.
    at = view.text.index("憶體")
    widened = lib.annotate(article, "s2twp", at, at + 1)
    assert widened.exact.startswith("内存")


def test_orphans_are_not_drawn_but_listed(lib: Library, article: int) -> None:
    saved = lib.annotate_quote(article, None, "台风")
    lib.annotations.restore(replace(saved, orphaned=True))
    assert lib.annotations_in_view(article, "s2t") == []
    assert [n.id for n in lib.annotations.orphans()] == [saved.id]
    assert lib.annotations.browse(orphaned=False) == []


# -- search, browse, colours ----------------------------------------------------------------


def test_notes_and_quotes_are_searchable_in_either_script(lib: Library, article: int) -> None:
    assert lib.articles.search("觀點備忘") == []
    saved = lib.annotate_quote(article, None, "技术", note="觀點備忘")
    assert [h.id for h in lib.articles.search("观点备忘")] == [article]
    assert lib.articles.extra_text(article) == "技术\n觀點備忘"
    lib.annotations.update(saved.id, note="")
    assert lib.articles.search("观点备忘") == []
    lib.annotations.delete(saved.id)
    assert lib.articles.extra_text(article) == ""


def test_browse_by_text_colour_and_article(lib: Library, article: int) -> None:
    other = lib.import_text("另一篇文章\n\n國際經濟發展論壇今天開幕。\n", "b.txt").articles[0].id
    a = lib.annotate_quote(article, None, "发展经济", color="yellow", note="重要")
    b = lib.annotate_quote(other, None, "經濟發展", color="green", note="待核實數據")
    c = lib.annotate_quote(article, None, "台风", color="green")
    assert {n.id for n in lib.annotations.browse()} == {a.id, b.id, c.id}
    # 简 finds 繁 and 繁 finds 简, in quotes and in notes; all terms must match.
    assert [n.id for n in lib.annotations.browse("经济")] in ([b.id, a.id], [a.id, b.id])
    assert [n.id for n in lib.annotations.browse("發展經濟")] == [a.id]
    assert [n.id for n in lib.annotations.browse("核实")] == [b.id]
    assert [n.id for n in lib.annotations.browse("经济 核实")] == [b.id]
    assert [n.id for n in lib.annotations.browse(color="green", article_id=article)] == [c.id]
    # Grouped by article in list order (newest import first), by position within one.
    assert [n.id for n in lib.annotations.browse()] == [b.id, a.id, c.id]
    lib.articles.trash(other)
    assert [n.id for n in lib.annotations.browse()] == [a.id, c.id]
    assert len(lib.annotations.browse(include_trashed=True)) == 3


def test_colour_meanings_default_and_rename(lib: Library, tmp_path: Path) -> None:
    colours = lib.annotations.colours()
    assert [(c.key, c.label) for c in colours] == [
        ("yellow", "重点"),
        ("green", "引用"),
        ("blue", "疑问"),
        ("pink", "待查"),
    ]
    assert all(c.hex.startswith("#") and len(c.hex) == 7 for c in colours)
    lib.annotations.rename_colour("blue", "  反驳 ")
    assert lib.annotations.meaning("blue") == "反驳"
    assert lib.annotations.colour_key("反驳") == "blue"
    assert lib.annotations.colour_key("yellow") == "yellow"
    with pytest.raises(ValueError, match="unknown colour"):
        lib.annotations.rename_colour("purple", "x")
    with pytest.raises(ValueError, match="empty"):
        lib.annotations.rename_colour("blue", "  ")
    reopened = Library.open(tmp_path / "lib")
    try:
        assert reopened.annotations.colour("blue").label == "反驳"
    finally:
        reopened.close()
    assert [c.key for c in DEFAULT_COLOURS] == [c.key for c in colours]


def test_emptying_the_trash_deletes_its_annotations(lib: Library, article: int) -> None:
    lib.annotate_quote(article, None, "台风")
    assert lib.annotations.count_for([article]) == 1
    lib.articles.trash(article)
    assert lib.annotations.count() == 1  # trashed: kept, restorable with the article
    lib.articles.empty_trash()
    assert lib.annotations.count() == 0


def test_reading_position(lib: Library, article: int) -> None:
    assert lib.articles.reading_position(article) is None
    lib.articles.set_reading_position(article, 0.25)
    assert lib.articles.reading_position(article) == 0.25
    lib.articles.set_reading_position(article, 1.5)
    assert lib.articles.reading_position(article) == 1.0
    with pytest.raises(ValueError):
        lib.articles.set_reading_position(article, float("nan"))
    lib.articles.set_reading_position(9999, 0.5)  # no such article: nothing stored
    assert lib.articles.reading_position(9999) is None


def test_library_of_schema_1_4_takes_annotations(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(LIBRARIES / "v1.4.sqlite3", folder / "library.sqlite3")
    lib = Library.open(folder)
    try:
        assert lib.db.backup_path is not None and lib.db.backup_path.exists()
        first = min(lib.articles.ids())
        assert lib.articles.tags(first) == ["城市"]
        body = lib.get(first).body
        saved = lib.annotate(first, "s2t", 2, 6, color="pink", note="旧库新批注")
        assert saved.exact == body[2:6]
        assert [h.id for h in lib.articles.search("旧库新批注")] == [first]
        lib.articles.set_reading_position(first, 0.5)
        assert lib.articles.reading_position(first) == 0.5
    finally:
        lib.close()


def test_annotation_record_fields() -> None:
    fields = list(Annotation.__dataclass_fields__)
    assert fields == [
        "id",
        "article_id",
        "start",
        "end",
        "exact",
        "prefix",
        "suffix",
        "color",
        "note",
        "orphaned",
        "created",
        "modified",
    ]
    assert convert("内存", "s2twp") == "記憶體"
