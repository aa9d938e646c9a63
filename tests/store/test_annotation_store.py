"""Highlights and notes: the store, view offsets, search, colours, reading positions, re-anchoring.

(Not test_annotations.py: pytest needs test module names unique across tests/ folders, and
tests/gui has one.)
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.anchors import make_anchor
from reader.core.errors import AnnotationError, AnnotationNotFound, LibraryError
from reader.core.records import DEFAULT_COLOURS, Annotation
from reader.core.scripts import convert
from reader.library import Library

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
    assert not any(c.renamed for c in colours)  # default labels: a GUI may translate them
    lib.annotations.rename_colour("blue", "  反驳 ")
    assert lib.annotations.meaning("blue") == "反驳"
    assert [c.renamed for c in lib.annotations.colours()] == [False, False, True, False]
    lib.annotations.rename_colour("green", "引用")  # the default name: still the default
    assert not lib.annotations.colour("green").renamed
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


# -- re-split, re-import, changed files -----------------------------------------------------

PAGE3 = """电脑配件涨价

本报讯 新买的内存条和U盘都坏了，老板只好用软件修复。软件和内存条都很贵，发展经济要靠技术。

记者了解到，台风过后发展势头不减，市场供应充足。


地铁新线开通

本报讯 记者从市交通部门获悉，地铁十号线今天正式开通运营，沿线居民出行更加便利。

据介绍，新线全长二十公里，共设车站十五座。


社区医院扩建

本报讯 城东社区医院扩建工程日前竣工，新增病床一百张。

医院负责人表示，将继续提升服务水平。
"""


def import_page3(lib: Library, text: str = PAGE3, name: str = "p3.txt") -> dict[str, int]:
    report = lib.import_text(text, name)
    return {a.title: a.id for a in report.articles}


def source_of(lib: Library, article_id: int) -> int:
    return lib.get(article_id).source_id


def set_source_text(lib: Library, source_id: int, text: str) -> None:
    """As if the splitter now read the kept text differently (a re-split's input)."""
    with lib.db.transaction() as conn:
        conn.execute("UPDATE sources SET text = ? WHERE id = ?", (text, source_id))


def snapshot(lib: Library) -> list[tuple]:
    return sorted(
        (n.id, n.article_id, n.start, n.end, n.exact, n.color, n.note, n.orphaned)
        for n in lib.annotations.browse(include_trashed=True)
    )


def test_resplit_of_an_unchanged_source_changes_nothing(lib: Library) -> None:
    ids = import_page3(lib)
    for title, article_id in ids.items():
        lead = lib.view(lib.get(article_id), "s2twp").body.text[:4]
        lib.annotate_quote(article_id, "s2twp", lead, note=title)
    lib.articles.set_starred(ids["地铁新线开通"])
    before = snapshot(lib)
    report = lib.resplit(source_of(lib, ids["电脑配件涨价"]))
    assert sorted(report.kept) == sorted(ids.values())
    assert (report.added, report.removed, report.orphaned) == ([], [], [])
    assert snapshot(lib) == before
    assert lib.articles.is_starred(ids["地铁新线开通"])


def test_resplit_rebases_annotations_and_keeps_the_lost_ones_as_orphans(lib: Library) -> None:
    ids = import_page3(lib)
    computer, metro, hospital = ids["电脑配件涨价"], ids["地铁新线开通"], ids["社区医院扩建"]
    kept = lib.annotate_quote(computer, None, "发展经济", note="不变的文章")
    moved = lib.annotate_quote(metro, "s2t", "十五座", color="green", note="车站数")
    typo = lib.annotate_quote(metro, None, "沿线居民出行更加便利", color="blue")
    lost = lib.annotate_quote(metro, None, "今天正式开通运营", color="pink", note="删掉的句子")
    gone = lib.annotate_quote(hospital, None, "新增病床一百张", note="整篇删掉")
    lib.articles.set_starred(metro)
    lib.articles.add_tag(metro, "交通")
    lib.articles.set_reading_position(metro, 0.4)
    # The page as a better splitter (or a corrected source) now reads it: an inserted
    # sentence and a fixed typo in the metro article, one clause gone, the hospital
    # article gone, a new brief.
    text = (
        PAGE3.replace("地铁十号线今天正式开通运营，", "地铁十号线，")
        .replace("十五座。", "十五座，首期工程已验收。")
        .replace("出行更加便利", "出行更加便捷")
        .split("社区医院扩建")[0]
        + "公园免费开放\n\n本报讯 人民公园自下月起免费开放。\n"
    )
    set_source_text(lib, source_of(lib, computer), text)
    report = lib.resplit(source_of(lib, computer))

    new = {lib.get(i).title: i for i in report.kept + report.added}
    assert set(new) == {"电脑配件涨价", "地铁新线开通", "公园免费开放"}
    assert report.kept == [computer]  # unchanged: the same article, same id
    assert sorted(report.removed) == sorted([metro, hospital])
    new_metro = new["地铁新线开通"]
    body = lib.get(new_metro).body

    assert lib.annotations.get(kept.id) == kept
    after = lib.annotations.get(moved.id)
    assert (after.article_id, after.exact, after.note, after.orphaned) == (
        new_metro,
        "十五座",
        "车站数",
        False,
    )
    assert body[after.start : after.end] == "十五座"
    fixed = lib.annotations.get(typo.id)  # found approximately, on the corrected words
    assert not fixed.orphaned and fixed.exact == "沿线居民出行更加便捷"
    # Lost quotes are kept, flagged and listed, never dropped.
    orphans = {n.id: n for n in lib.annotations.orphans()}
    assert set(orphans) == {lost.id, gone.id} == set(report.orphaned)
    assert orphans[lost.id].article_id == new_metro  # stays with the article's successor
    assert (orphans[lost.id].exact, orphans[lost.id].note) == ("今天正式开通运营", "删掉的句子")
    assert orphans[gone.id].article_id in new.values()
    assert orphans[gone.id].note == "整篇删掉"
    assert lib.annotations.count() == 5
    # Orphans are not drawn; the others are, in every view.
    assert [n.id for n, _, _ in lib.annotations_in_view(new_metro, "s2hk")] == [
        fixed.id,
        moved.id,
    ]
    # Reading state followed the article; the search finds notes on the new article.
    assert lib.articles.is_starred(new_metro)
    assert lib.articles.tags(new_metro) == ["交通"]
    assert lib.articles.reading_position(new_metro) == 0.4
    assert [h.id for h in lib.articles.search("车站数")] == [new_metro]
    assert lib.articles.search("整篇删掉")[0].id == orphans[gone.id].article_id

    # The text comes back: the orphan finds its place again on the next re-split.
    set_source_text(lib, source_of(lib, computer), PAGE3)
    again = lib.resplit(source_of(lib, computer))
    assert lib.annotations.orphans() == [] and again.orphaned == []
    back = lib.annotations.get(gone.id)
    assert lib.get(back.article_id).title == "社区医院扩建"
    assert lib.get(back.article_id).body[back.start : back.end] == "新增病床一百张"


def test_resplit_joining_articles_moves_annotations_to_the_article_holding_the_quote(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import documents

    ids = import_page3(lib)
    note = lib.annotate_quote(ids["社区医院扩建"], "s2tw", "新增病床一百張", note="并入")
    real = documents.split_text

    def joined(text: str, name: str):
        articles = real(text, name)
        first, second, third = articles
        merged = replace(second, body=second.body + "\n" + third.body)
        return [first, merged]

    monkeypatch.setattr(documents, "split_text", joined)
    report = lib.resplit(source_of(lib, ids["电脑配件涨价"]))
    assert report.orphaned == [] and len(report.removed) == 2
    after = lib.annotations.get(note.id)
    assert lib.get(after.article_id).title == "地铁新线开通"
    assert lib.get(after.article_id).body[after.start : after.end] == "新增病床一百张"


def test_resplit_of_an_unknown_source_is_a_clear_error(lib: Library) -> None:
    with pytest.raises(LibraryError, match="no source"):
        lib.resplit(999)


def test_reimporting_the_same_file_keeps_annotations_without_duplicates(
    lib: Library, tmp_path: Path
) -> None:
    page = tmp_path / "p3.txt"
    page.write_text(PAGE3, encoding="utf-8")
    first = lib.import_paths([page])
    metro = next(a.id for a in first.articles if a.title == "地铁新线开通")
    saved = lib.annotate_quote(metro, None, "十五座", note="笔记")
    before, count = snapshot(lib), lib.articles.count()
    again = lib.import_paths([page])
    assert again.articles == [] and len(again.duplicates) == 3
    assert (snapshot(lib), lib.articles.count()) == (before, count)
    assert lib.annotations.for_article(metro) == [saved]


def test_importing_a_changed_file_moves_annotations_to_the_new_version(
    lib: Library, tmp_path: Path
) -> None:
    page = tmp_path / "p3.txt"
    page.write_text(PAGE3, encoding="utf-8")
    ids = {a.title: a.id for a in lib.import_paths([page]).articles}
    metro = ids["地铁新线开通"]
    follows = lib.annotate_quote(metro, None, "十五座", note="跟着新版本走")
    stays = lib.annotate_quote(metro, None, "今天正式开通运营", note="新版本里没有")
    untouched = lib.annotate_quote(ids["电脑配件涨价"], None, "台风")
    lib.articles.set_starred(metro)
    page.write_text(PAGE3.replace("今天正式开通运营，", ""), encoding="utf-8")

    report = lib.import_paths([page])
    [new_metro] = [a.id for a in report.articles]
    assert report.annotations_moved == [(follows.id, new_metro)]
    assert lib.annotations.get(follows.id).article_id == new_metro
    # Nothing is deleted on import: the old version keeps what the new one cannot hold.
    assert lib.get(metro) is not None
    assert lib.annotations.get(stays.id) == stays
    assert lib.annotations.get(untouched.id) == untouched  # an unchanged article
    assert lib.articles.is_starred(new_metro)
    assert lib.annotations.count() == 3


def test_another_article_with_the_same_headline_takes_nothing(lib: Library) -> None:
    first = lib.import_text("今日要闻\n\n地铁十号线今天正式开通运营，沿线居民出行更加便利。\n")
    metro = first.articles[0].id
    saved = lib.annotate_quote(metro, None, "十号线", note="地铁")
    lib.articles.add_tag(metro, "交通")
    # A second paste (same source name) whose article shares the headline only.
    second = lib.import_text("今日要闻\n\n十号线之外，城东社区医院扩建工程日前竣工。\n")
    other = second.articles[0].id
    assert second.annotations_moved == []
    assert lib.annotations.get(saved.id) == saved
    assert lib.articles.tags(other) == []
