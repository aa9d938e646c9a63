"""Highlights and notes as undoable commands over the annotation store.

Every change is written at once: in the window through its writer (off the window's
thread, waiting out another process's write: reader.gui.writer), else straight to the
store; the undo stack only remembers how to reverse it. A command is pushed once its
change is written, and its first ``redo`` only announces that change, so nothing
half-done lands on the stack. Undoing a deletion restores the annotation with its id and
dates; undoing an addition deletes it again, and redoing it restores the very same
annotation. Undo and redo are written the same way, in order after what was asked before.

A change that no longer applies (another window or the command line deleted the
annotation meanwhile, a colour's meaning left empty) is said through ``failed`` (one
line) and an undo or redo that fails drops out of the stack instead of raising inside
Qt; the library's own errors (a full disk, a library busy for too long) are the writer's
to report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.anchors import Anchor
from reader.core.errors import LibraryUnavailableError, NotALibraryError

if TYPE_CHECKING:
    from reader.core.records import Annotation, Colour
    from reader.gui.writer import LibraryWriter

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
    failed = Signal(str)  # a change that could not be made (one line)

    def __init__(
        self,
        store: AnnotationOps,
        parent: QObject | None = None,
        writer: LibraryWriter | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store  # read here; written through the writer when there is one
        self.writer = writer
        self.stack = QUndoStack(self)

    # -- changes (each one command, pushed once written) ----------------------------------

    def highlight(self, article_id: int, anchor: Anchor, color: str, note: str = "") -> None:
        """A new highlight (with an optional note)."""
        text = self.tr("批注「{}」") if note else self.tr("高亮「{}」")

        def written(made: Annotation) -> None:
            self.stack.push(_Add(self, made, text.format(short_quote(anchor.exact))))

        self._write(
            lambda store: store.add_annotation(article_id, anchor, color=color, note=note),
            written,
            self.tr("无法高亮「{}」").format(short_quote(anchor.exact)),
        )

    def recolour(self, annotation_id: str, color: str) -> None:
        self._edit(annotation_id, color=color, text=self.tr("改变高亮颜色「{}」"))

    def set_note(self, annotation_id: str, note: str) -> None:
        self._edit(annotation_id, note=note, text=self.tr("编辑批注「{}」"))

    def edit(self, annotation_id: str, color: str, note: str) -> None:
        """Colour and note at once (the note dialog): one step to undo."""
        self._edit(annotation_id, color=color, note=note, text=self.tr("编辑批注「{}」"))

    def delete(self, annotation_id: str) -> None:
        def written(gone: Annotation) -> None:
            text = self.tr("删除高亮「{}」").format(short_quote(gone.exact))
            self.stack.push(_Delete(self, gone, text))

        self._write(
            lambda store: store.delete_annotation(annotation_id), written, self.tr("无法删除高亮")
        )

    def imported(self, added: list[Annotation]) -> None:
        """Annotations an import has stored already: one step to undo them all."""
        if added:
            text = self.tr("导入 {} 条批注").format(len(added))
            self.stack.push(_Import(self, added, text))

    def rename_colour(self, key: str, label: str) -> None:
        """Give a colour a new meaning (重点, 疑问…); undoable like the rest."""
        label = " ".join(label.split())

        def rename(store: AnnotationOps) -> str | None:
            old = store.colour(key).label  # ValueError for an unknown key
            if label == old:
                return None
            store.rename_colour(key, label)  # ValueError for an empty meaning
            return old

        def written(old: str | None) -> None:
            if old is not None:
                self.stack.push(_RenameColour(self, key, old, label))

        self._write(rename, written, self.tr("无法改名"))

    def _edit(self, annotation_id: str, *, text: str, **changes: str) -> None:
        def edit(store: AnnotationOps) -> tuple[Annotation, dict[str, str]] | None:
            # The values before are read where they are written: an edit asked for just
            # before may still be waiting on the writer.
            before = store.annotation(annotation_id)  # AnnotationNotFound if it is gone
            old = {name: getattr(before, name) for name in changes}
            if old == changes:
                return None
            return store.update_annotation(annotation_id, **changes), old

        def written(result: tuple[Annotation, dict[str, str]] | None) -> None:
            if result is not None:
                after, old = result
                label = text.format(short_quote(after.exact))
                self.stack.push(_Edit(self, after, old, changes, label))

        self._write(edit, written, self.tr("无法编辑批注"))

    def _write(
        self,
        work: Callable[[AnnotationOps], Any],
        done: Callable[[Any], None],
        what: str,
        refused: Callable[[], None] | None = None,
    ) -> None:
        """``work`` on the store, then ``done`` with its result on the window's thread; if
        the change no longer applies, ``refused()`` and ``failed`` says ``what`` could not
        be done, and why."""

        def attempt(store: AnnotationOps) -> Any:
            try:
                return work(store)
            except (LibraryUnavailableError, NotALibraryError):
                raise  # the library's own trouble (busy, full, damaged): reported once
            except Exception as e:  # the annotation changed under us
                log.warning("%s: %s", what, e)
                return _Refused(e)

        def finish(result: Any) -> None:
            if isinstance(result, _Refused):
                if refused is not None:
                    refused()
                self.failed.emit(self.tr("{what}：{why}").format(what=what, why=result.error))
            else:
                done(result)

        if self.writer is None:
            finish(attempt(self.store))
        else:
            self.writer.write(attempt, finish)

    # -- for the commands -----------------------------------------------------------------

    def _apply(
        self,
        command: QUndoCommand,
        work: Callable[[AnnotationOps], object],
        article_ids: tuple[int, ...],
    ) -> None:
        """An undo or redo, written; one that no longer applies leaves the stack (at
        once when written at once, else when it is next undone or redone)."""

        def done(_result: object) -> None:
            for article_id in article_ids:
                self.changed.emit(article_id)

        what = self.tr("无法完成「{}」").format(command.text())
        self._write(work, done, what, lambda: command.setObsolete(True))


class _Refused:
    """A change the store refused (the annotation is gone, an empty meaning)."""

    def __init__(self, error: Exception) -> None:
        self.error = error


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
        elif not self.isObsolete():  # (refused before: the stack drops it now)
            self.controller._apply(self, self.do, self.article_ids)

    def undo(self) -> None:
        if not self.isObsolete():
            self.controller._apply(self, self.reverse, self.article_ids)

    def do(self, store: AnnotationOps) -> None:
        raise NotImplementedError

    def reverse(self, store: AnnotationOps) -> None:
        raise NotImplementedError


class _Add(_Command):
    def __init__(self, controller: AnnotationsController, made: Annotation, text: str) -> None:
        super().__init__(controller, made.article_id, text)
        self.annotation = made

    def do(self, store: AnnotationOps) -> None:
        store.restore_annotation(self.annotation)

    def reverse(self, store: AnnotationOps) -> None:
        store.delete_annotation(self.annotation.id)


class _Delete(_Command):
    def __init__(self, controller: AnnotationsController, gone: Annotation, text: str) -> None:
        super().__init__(controller, gone.article_id, text)
        self.annotation = gone

    def do(self, store: AnnotationOps) -> None:
        store.delete_annotation(self.annotation.id)

    def reverse(self, store: AnnotationOps) -> None:
        store.restore_annotation(self.annotation)


class _Import(_Command):
    """Annotations read from a file: undo takes them all out again, redo puts them back."""

    def __init__(self, controller: AnnotationsController, added: list[Annotation], text: str):
        super().__init__(controller, added[0].article_id, text)
        self.article_ids = tuple(dict.fromkeys(a.article_id for a in added))
        self.added = list(added)

    def do(self, store: AnnotationOps) -> None:
        for annotation in self.added:
            if store.find_annotation(annotation.id) is None:  # not put back meanwhile
                store.restore_annotation(annotation)

    def reverse(self, store: AnnotationOps) -> None:
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

    def do(self, store: AnnotationOps) -> None:
        store.update_annotation(self.annotation_id, **self.new)

    def reverse(self, store: AnnotationOps) -> None:
        store.update_annotation(self.annotation_id, **self.old)


class _RenameColour(QUndoCommand):
    def __init__(self, controller: AnnotationsController, key: str, old: str, new: str) -> None:
        super().__init__(
            QCoreApplication.translate("AnnotationsController", "颜色含义改为「{}」").format(new)
        )
        self.controller = controller
        self.key, self.old, self.new = key, old, new
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            self.controller.colours_changed.emit()
        else:
            self._rename(self.new)

    def undo(self) -> None:
        self._rename(self.old)

    def _rename(self, label: str) -> None:
        controller = self.controller
        controller._write(
            lambda store: store.rename_colour(self.key, label),
            lambda _result: controller.colours_changed.emit(),
            QCoreApplication.translate("AnnotationsController", "无法改名"),
        )
