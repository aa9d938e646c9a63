"""One route for changes to the library: whoever changes it emits :class:`LibraryChanges`'
``changed`` with a :class:`Change` saying what changed, and each part of the window decides
from it what to redraw (as Anki's screens do from an operation's ``OpChanges``).

Emitters: organising (star, read, tags, trash), opening an article (marked read), imports
(this window's and other processes'), the analysis process, word lists, tags, annotations,
the vocabulary (the lookup popup's A, the vocabulary window).
Listeners: the list and sidebar (:class:`ListRefresher`), the reading controller (layers),
annotating (its panel and browser), the vocabulary window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Change:
    rows: tuple[int, ...] = ()  # these articles' rows show something new (read, star, tags)
    listed: bool = False  # which articles are listed may have changed: fetch the list again
    counted: bool = False  # the sidebar's counts changed
    read: int = 0  # only this many more are read (opening marks read): the unread count
    analysed: bool = False  # keywords, names or word lists changed: redraw the layers
    watch: bool = False  # the watch words changed (the 关注词 list and counts)
    annotated: tuple[int, ...] = ()  # these articles' highlights or notes changed
    show: int | None = None  # an article to show once listed (an import's first)
    vocabulary: bool = False  # words were added to, removed from or marked in the 生词本


class LibraryChanges(QObject):
    """The window's one library-changes signal."""

    changed = Signal(object)  # Change

    # Not named emit: that would override QObject.emit (emitting a signal by its name).
    def announce(self, change: Change) -> None:
        self.changed.emit(change)
