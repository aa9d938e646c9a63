"""The sidebar with a large library: every source listed (made in steps), counts updated in
place, the reader's choice kept across new counts."""

from __future__ import annotations

from reader.core.records import Overview
from reader.gui import sidebar as sidebar_module
from reader.gui.sidebar import LibrarySidebar, Scope


def make_overview(sources: int, bump: int = 0) -> Overview:
    return Overview(
        total=sources * 4,
        unread=sources,
        starred=3,
        trashed=1,
        watch=(),
        watched=0,
        tags=(("要闻", 2 + bump),),
        sources=tuple(
            (i, f"/papers/2024/page{i:05d}.txt", 4 + bump) for i in range(sources, 0, -1)
        ),
        sections=(("要闻", 7),),
        dates=(("2024-03-10", sources * 4),),
    )


def children(bar: LibrarySidebar, kind: str) -> list[tuple[str, str]]:
    group = bar._groups[kind]
    return [(group.child(i).text(0), group.child(i).text(1)) for i in range(group.childCount())]


def test_every_source_is_listed_in_steps_without_holding_up_the_window(qtbot):
    bar = LibrarySidebar()
    qtbot.addWidget(bar)
    many = sidebar_module.FILL_STEP * 2 + 17
    bar.set_overview(make_overview(many))
    # The first step is there at once (FILL_STEP new items, all groups together); the
    # rest follow on later turns of the event loop.
    made = sum(group.childCount() for group in bar._groups.values())
    assert made == sidebar_module.FILL_STEP
    assert 0 < bar._groups["source"].childCount() < many
    qtbot.waitUntil(lambda: bar._groups["source"].childCount() == many)
    listed = children(bar, "source")
    assert listed[0] == (f"page{many:05d}.txt", "4")  # newest first, file name, count
    assert listed[-1] == ("page00001.txt", "4")
    assert bar._groups["source"].child(0).toolTip(0) == f"/papers/2024/page{many:05d}.txt"


def test_new_counts_keep_the_chosen_source_and_update_in_place(qtbot):
    bar = LibrarySidebar()
    qtbot.addWidget(bar)
    bar.set_overview(make_overview(40))
    chosen = Scope("source", 17)
    with qtbot.waitSignal(bar.scope_changed) as signal:
        bar.set_scope(chosen)
    assert signal.args == [chosen]
    item = bar.currentItem()

    with qtbot.assertNotEmitted(bar.scope_changed):
        bar.set_overview(make_overview(41, bump=1))  # an import added a page, counts moved
    assert bar.scope == chosen
    assert bar.currentItem() is item
    assert item.text(1) == "5"
    assert children(bar, "source")[0] == ("page00041.txt", "5")
    assert len(children(bar, "source")) == 41


def test_a_source_gone_from_the_library_falls_back_to_everything(qtbot):
    bar = LibrarySidebar()
    qtbot.addWidget(bar)
    bar.set_overview(make_overview(40))
    bar.set_scope(Scope("source", 40))
    with qtbot.waitSignal(bar.scope_changed) as signal:
        bar.set_overview(make_overview(39))  # page 40 was deleted
    assert signal.args == [Scope()]
    assert ("page00040.txt", "4") not in children(bar, "source")
    assert bar._item(Scope("source", 40)) is None
