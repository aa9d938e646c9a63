"""Highlights and notes as undoable commands over the annotation store.

Every change is written to the store at once (each store call commits); the undo stack
only remembers how to reverse it. A command's first ``redo`` is the change already made
by the controller before the command is pushed, so a store error reaches the caller as a
normal exception and nothing half-done lands on the stack. Undoing a deletion restores the
annotation with its id and dates; undoing an addition deletes it again, and redoing it
restores the very same annotation.

If a command can no longer be undone or redone (another window or the command line
deleted the annotation meanwhile), it reports through ``failed`` and drops out of the
stack instead of raising inside Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.anchors import Anchor

if TYPE_CHECKING:
    from reader.core.records import Annotation, Colour

log = logging.getLogger(__name__)


class AnnotationOps(Protocol):
    """The annotation operations the controller runs (and undoes), as
    :class:`reader.library.Library` gives them."""

    def add_annotation(
        self, article_id: int, anchor: Anchor, color: str = ..., note: str = ""
    ) -> Annotation: ...

    def annotation(self, id: str) -> Annotation: ...

    def find_annotation(self, id: str) -> Annotation | None: ...

    def update_annotation(
        self, id: str, *, color: str | None = None, note: str | None = None
    ) -> Annotation: ...

    def delete_annotation(self, id: str) -> Annotation: ...

    def restore_annotation(self, annotation: Annotation) -> None: ...

    def colour(self, key: str) -> Colour: ...

    def rename_colour(self, key: str, label: str) -> None: ...


QUOTE_IN_LABEL = 12  # code points of the quote shown in an undo label


def short_quote(text: str, limit: int = QUOTE_IN_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


class AnnotationsController(QObject):
    """The one way the GUI changes annotations; views listen to ``changed``."""

    changed = Signal(int)  # the article whose annotations changed
    colours_changed = Signal()  # a colour's meaning was renamed
    failed = Signal(str)  # an undo or redo that could not be applied (one line)

    def __init__(self, store: AnnotationOps, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.stack = QUndoStack(self)

    # -- changes (each one command) -------------------------------------------------------

    def highlight(self, article_id: int, anchor: Anchor, color: str, note: str = "") -> Annotation:
        """A new highlight (with an optional note)."""
        made = self.store.add_annotation(article_id, anchor, color=color, note=note)
        text = self.tr("批注「{}」") if note else self.tr("高亮「{}」")
        self._push(_Add(self, made, text.format(short_quote(anchor.exact))))
        return made

    def recolour(self, annotation_id: str, color: str) -> Annotation:
        return self._edit(annotation_id, color=color, text=self.tr("改变高亮颜色「{}」"))

    def set_note(self, annotation_id: str, note: str) -> Annotation:
        return self._edit(annotation_id, note=note, text=self.tr("编辑批注「{}」"))

    def edit(self, annotation_id: str, color: str, note: str) -> Annotation:
        """Colour and note at once (the note dialog): one step to undo."""
        return self._edit(annotation_id, color=color, note=note, text=self.tr("编辑批注「{}」"))

    def delete(self, annotation_id: str) -> Annotation:
        gone = self.store.delete_annotation(annotation_id)
        self._push(_Delete(self, gone, self.tr("删除高亮「{}」").format(short_quote(gone.exact))))
        return gone

    def imported(self, added: list[Annotation]) -> None:
        """Annotations an import has stored already: one step to undo them all."""
        if added:
            text = self.tr("导入 {} 条批注").format(len(added))
            self._push(_Import(self, added, text))

    def rename_colour(self, key: str, label: str) -> None:
        """Give a colour a new meaning (重点, 疑问…); undoable like the rest."""
        old = self.store.colour(key).label  # ValueError for an unknown key
        label = " ".join(label.split())
        if label == old:
            return
        # An empty meaning: the store refuses it (ValueError) before anything is pushed.
        self.store.rename_colour(key, label)
        self._push(_RenameColour(self, key, old, label))

    def _edit(self, annotation_id: str, *, text: str, **changes: str) -> Annotation:
        before = self.store.annotation(annotation_id)  # AnnotationNotFound if it is gone
        old = {name: getattr(before, name) for name in changes}
        if old == changes:
            return before
        after = self.store.update_annotation(annotation_id, **changes)
        self._push(_Edit(self, after, old, changes, text.format(short_quote(after.exact))))
        return after

    def _push(self, command: QUndoCommand) -> None:
        self.stack.push(command)  # its first redo only announces the change made already

    # -- for the commands -----------------------------------------------------------------

    def _apply(
        self, command: QUndoCommand, work: Callable[[], object], article_ids: tuple[int, ...]
    ) -> None:
        try:
            work()
        except Exception as e:  # the annotation changed under us; never raise inside Qt
            log.warning("could not apply %r: %s", command.text(), e)
            command.setObsolete(True)  # the stack drops it
            self.failed.emit(self.tr("无法完成「{}」：{}").format(command.text(), e))
            return
        for article_id in article_ids:
            self.changed.emit(article_id)


class _Command(QUndoCommand):
    def __init__(self, controller: AnnotationsController, article_id: int, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.article_ids: tuple[int, ...] = (article_id,)
        self._done = True  # pushed after the change was made

    def redo(self) -> None:
        if self._done:
            self._done = False
            for article_id in self.article_ids:
                self.controller.changed.emit(article_id)
            return
        self.controller._apply(self, self.do, self.article_ids)

    def undo(self) -> None:
        self.controller._apply(self, self.reverse, self.article_ids)

    def do(self) -> None:
        raise NotImplementedError

    def reverse(self) -> None:
        raise NotImplementedError


class _Add(_Command):
    def __init__(self, controller: AnnotationsController, made: Annotation, text: str) -> None:
        super().__init__(controller, made.article_id, text)
        self.annotation = made

    def do(self) -> None:
        self.controller.store.restore_annotation(self.annotation)

    def reverse(self) -> None:
        self.controller.store.delete_annotation(self.annotation.id)


class _Delete(_Command):
    def __init__(self, controller: AnnotationsController, gone: Annotation, text: str) -> None:
        super().__init__(controller, gone.article_id, text)
        self.annotation = gone

    def do(self) -> None:
        self.controller.store.delete_annotation(self.annotation.id)

    def reverse(self) -> None:
        self.controller.store.restore_annotation(self.annotation)


class _Import(_Command):
    """Annotations read from a file: undo takes them all out again, redo puts them back."""

    def __init__(self, controller: AnnotationsController, added: list[Annotation], text: str):
        super().__init__(controller, added[0].article_id, text)
        self.article_ids = tuple(dict.fromkeys(a.article_id for a in added))
        self.added = list(added)

    def do(self) -> None:
        store = self.controller.store
        for annotation in self.added:
            if (
                store.find_annotation(annotation.id) is None
            ):  # not put back meanwhile (imported again)
                store.restore_annotation(annotation)

    def reverse(self) -> None:
        store = self.controller.store
        for annotation in self.added:
            if store.find_annotation(annotation.id) is not None:
                store.delete_annotation(annotation.id)


class _Edit(_Command):
    def __init__(
        self,
        controller: AnnotationsController,
        after: Annotation,
        old: dict[str, str],
        new: dict[str, str],
        text: str,
    ) -> None:
        super().__init__(controller, after.article_id, text)
        self.annotation_id = after.id
        self.old = old
        self.new = new

    def do(self) -> None:
        self.controller.store.update_annotation(self.annotation_id, **self.new)

    def reverse(self) -> None:
        self.controller.store.update_annotation(self.annotation_id, **self.old)


class _RenameColour(QUndoCommand):
    def __init__(self, controller: AnnotationsController, key: str, old: str, new: str) -> None:
        super().__init__(
            QCoreApplication.translate("AnnotationsController", "颜色含义改为「{}」").format(new)
        )
        self.controller = controller
        self.key, self.old, self.new = key, old, new
        self._done = True

    def redo(self) -> None:
        if not self._done:
            self.controller.store.rename_colour(self.key, self.new)
        self._done = False
        self.controller.colours_changed.emit()

    def undo(self) -> None:
        self.controller.store.rename_colour(self.key, self.old)
        self.controller.colours_changed.emit()
