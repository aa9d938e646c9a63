"""Highlights and notes for one window: made with the window, built after its first paint.

:class:`Annotating` is what the window holds. It costs nothing before the first paint; the
startup sequence calls :meth:`Annotating.build`, which makes the 编辑 menu, the 批注 dock
and the rest (:class:`reader.gui.annotation_ui.AnnotationUI`, whose modules and widgets
would delay the first paint). What it needs of the window is
:class:`reader.gui.annotation_ui.AnnotatingHost`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reader.gui.annotation_ui import AnnotatingHost, AnnotationUI

log = logging.getLogger(__name__)

NOTES_DOCK = "window/notes_dock"  # how the reader left the 批注 dock: closed, front, behind


class Annotating(QObject):
    dock_placed = Signal(object)  # the 批注 dock, built and shown or hidden as left

    def __init__(self, host: AnnotatingHost, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        self.host = host
        self.window = window
        self.settings = settings
        self._ui: AnnotationUI | None = None
        self._link: str | None = None  # a reader:// link to open once built and loaded

    @property
    def built(self) -> bool:
        return self._ui is not None

    @property
    def ui(self) -> AnnotationUI:
        """The menus, dock and panel; built now if they were not yet."""
        if self._ui is None:
            self.build()
        assert self._ui is not None
        return self._ui

    def build(self) -> None:
        if self._ui is not None:
            return
        from reader.gui.annotation_ui import AnnotationUI

        self._ui = ui = AnnotationUI(self.host, self.window)
        left = self.settings.value(NOTES_DOCK, "behind")  # a new reader: behind 关键词
        ui.dock.setHidden(left == "closed")
        if left == "front":
            ui.dock.raise_()
        self.dock_placed.emit(ui.dock)

    def save_state(self, settings: QSettings) -> None:
        """How the reader leaves the dock, for the next start."""
        if self._ui is None:
            return  # closed before it was built: what was saved last time stands
        dock = self._ui.dock
        front = not dock.visibleRegion().isEmpty()  # a tab behind another shows nothing
        settings.setValue(
            NOTES_DOCK, "closed" if dock.isHidden() else "front" if front else "behind"
        )

    def open_when_loaded(self, link: str, *, loaded: bool) -> None:
        """Open a ``reader://`` link now if the window has loaded, else once it has."""
        self._link = link
        if loaded:
            self.open_pending_link()

    def open_pending_link(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            self.ui.open_link(link)
