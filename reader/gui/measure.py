"""Keeping the reading pane's measure (设置 → 每行字数) when the window is narrow.

The side panes give way first, in this order: the article list narrows to its minimum,
the docks narrow to theirs, then the docks on the right fold away, then those on the left.
Widened again, the window unfolds them (left first) as soon as each fits beside the
measure, and gives the list back its width. A dock the reader opens or closes by hand is
theirs: it is not folded or unfolded for them until the window is resized again.

Each step is taken in a turn of its own once the window has laid out the last one, so a
step always measures what is on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QTableView

    from reader.gui.reading_pane import ReadingPane

log = logging.getLogger(__name__)

Area = Qt.DockWidgetArea
FOLD_ORDER = (Area.RightDockWidgetArea, Area.LeftDockWidgetArea)  # first to fold first
DOCK_MIN = 140  # a dock is narrowed no further than this (or its contents' minimum)
SLACK = 16  # spare pixels before a folded dock comes back (no folding back and forth)
MAX_STEPS = 8  # steps in one fitting (each a turn); the layout settles in 3–4
FOLDED = "window/folded"  # the docks folded away when the window closed, by object name


class MeasureKeeper(QObject):
    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        list_view: QTableView,
        pane: ReadingPane,
        docks: Callable[[], list[QDockWidget]],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.splitter = splitter  # the list, then the reading column
        self.list_view = list_view
        self.pane = pane
        self.docks = docks
        self.folded: list[tuple[QDockWidget, int]] = []  # (dock, its width), in fold order
        self.list_width: int | None = None  # the list's width before it was narrowed
        self._steps = 0
        self._unyielding: set[QDockWidget] = set()  # docks asked to narrow in this fitting
        self._widths: dict[QDockWidget, int] = {}  # docks narrowed: their width before
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Fit the panes round the measure, in a few turns from now."""
        self._steps = 0
        self._unyielding = set()
        self._timer.start(0)

    def watch(self, dock: QDockWidget) -> None:
        """A dock the reader can open and close from the 查看 menu."""
        dock.toggleViewAction().triggered.connect(lambda _on: self.chosen_by_hand(dock))

    def fold_beside(self, dock: QDockWidget, beside: QDockWidget) -> None:
        """A dock added as a tab of ``beside``: folded away with it if that is folded."""
        width = next((w for d, w in self.folded if d is beside), None)
        if width is not None:
            self._fold(dock, width)

    def _fold(self, dock: QDockWidget, width: int) -> None:
        self.folded = [(d, w) for d, w in self.folded if d is not dock] + [(dock, width)]
        dock.hide()

    def chosen_by_hand(self, dock: QDockWidget) -> None:
        """The reader showed or hid a dock: it is not folded away any more."""
        self.folded = [(d, w) for d, w in self.folded if d is not dock]

    # -- saved with the window ------------------------------------------------------------

    def save(self, settings: QSettings) -> None:
        settings.setValue(FOLDED, ",".join(f"{d.objectName()}:{w}" for d, w in self.folded))

    def restore(self, settings: QSettings) -> None:
        names = {d.objectName(): d for d in self.docks()}
        self.folded = []
        for item in str(settings.value(FOLDED) or "").split(","):
            name, _, width = item.partition(":")
            if name in names and width.isdigit():
                self.folded.append((names[name], int(width)))

    # -- the steps ------------------------------------------------------------------------

    def shortfall(self) -> int:
        """How many pixels the reading pane lacks for its measure (negative: to spare)."""
        return self.pane.wanted_width() - self.pane.width()

    def _step(self) -> None:
        if not self.window.isVisible() or self.window.isMinimized():
            return
        short = self.shortfall()
        took = self._give_way(short) if short > 0 else self._take_back(-short)
        self._steps += 1
        if took and self._steps < MAX_STEPS:
            self._timer.start(0)  # measure again once the window has laid this out

    def _give_way(self, short: int) -> bool:
        sizes = self.splitter.sizes()
        list_min = self.list_view.minimumWidth()
        if sizes[0] > list_min:
            if self.list_width is None:
                self.list_width = sizes[0]
            take = min(short, sizes[0] - list_min)
            self.splitter.setSizes([sizes[0] - take, sizes[1] + take])
            return True
        for area in FOLD_ORDER:
            for dock in self._shown(area):
                floor = max(DOCK_MIN, dock.minimumSizeHint().width())
                if dock.width() > floor and dock not in self._unyielding:
                    # Its contents may not let it narrow as far: tried once per fitting.
                    self._unyielding.add(dock)
                    self._widths.setdefault(dock, dock.width())  # comes back this wide
                    width = max(floor, dock.width() - short)
                    self.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
                    return True
        for area in FOLD_ORDER:
            shown = self._shown(area)
            if shown:
                width = max(self._widths.pop(d, d.width()) for d in shown)
                # Open ones behind a tab too; the one in front first, to be in front again.
                docks = [d for d in self._docked(area) if d.toggleViewAction().isChecked()]
                for dock in sorted(docks, key=lambda d: not d.isVisible()):
                    self._fold(dock, width)
                log.debug("folded %s for the measure", [d.objectName() for d in docks])
                return True
        return False

    def _take_back(self, spare: int) -> bool:
        for area in reversed(FOLD_ORDER):  # the last to fold comes back first
            back = [(d, w) for d, w in self.folded if self.window.dockWidgetArea(d) == area]
            if not back:
                continue
            width = max(w for _, w in back)
            if spare < width + SLACK:
                return False
            self.folded = [(d, w) for d, w in self.folded if (d, w) not in back]
            for dock, _ in back:
                dock.show()
            back[0][0].raise_()  # the tab that was in front
            # Every one of them: which tab Qt sizes the area by is not the raised one yet.
            docks = [d for d, _ in back]
            self.window.resizeDocks(docks, [width] * len(docks), Qt.Orientation.Horizontal)
            return True
        if self.list_width is not None:
            sizes = self.splitter.sizes()
            give = min(spare - SLACK, self.list_width - sizes[0])
            if give > 0:
                self.splitter.setSizes([sizes[0] + give, sizes[1] - give])
            if give <= 0 or sizes[0] + give >= self.list_width:
                self.list_width = None
            return give > 0
        return False

    def _docked(self, area: Qt.DockWidgetArea) -> list[QDockWidget]:
        window = self.window
        return [d for d in self.docks() if not d.isFloating() and window.dockWidgetArea(d) == area]

    def _shown(self, area: Qt.DockWidgetArea) -> list[QDockWidget]:
        return [d for d in self._docked(area) if d.isVisible()]


class NarrowList(QObject):
    """A list narrowed for the measure drops a column (the source) before its titles
    shrink to a few characters; widened, it shows it again."""

    def __init__(self, view: QTableView, column: int, below: int) -> None:
        super().__init__(view)
        self.view = view
        self.column = column
        self.below = below
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.Resize:
            narrow = self.view.width() < self.below
            if self.view.isColumnHidden(self.column) != narrow:
                self.view.setColumnHidden(self.column, narrow)
        return False


FIRST_SIZE = (1180, 760)  # a first window at least this size (the reader's screen allowing)
ROOMY_SIZE = (1600, 1000)  # and no larger than this on a big screen


def first_size(screen: QSize) -> tuple[int, int]:
    """A new window: the screen's width up to a roomy one (at 90% of a 1440-pixel screen
    the keywords would fold away beside the article at its measure) and most of its
    height, so the list, the article and the side panes all fit where they can."""
    width = max(FIRST_SIZE[0], min(screen.width(), ROOMY_SIZE[0]))
    height = max(FIRST_SIZE[1], min(int(screen.height() * 0.9), ROOMY_SIZE[1]))
    return width, height
