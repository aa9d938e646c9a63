"""Background operations: run a function on the thread pool, report on the GUI thread.

The function gets a ``progress(done, total, label)`` callback and a ``cancelled()``
check; the operation's signals carry progress and the result back through Qt's queued
connections, so no widget is ever touched from the worker.

Work that is long stretches of Python (segmenting and tagging thousands of articles)
would hold Python's lock against the window's thread even on a worker: a
:class:`ProcessOperation` runs it as a Python process of its own, with the same signals.
"""

from __future__ import annotations

import logging
import os
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

# QProcess is taken from QtCore when a process starts: PySide makes a class's Python type
# (its enums) when first taken, and the window imports this before its first paint.
from PySide6 import QtCore
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core import processes

if TYPE_CHECKING:
    from PySide6.QtCore import QProcess

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class Operation(QObject):
    """One piece of long work. Connect to its signals, then call :meth:`start`."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.error: Exception | None = None  # what the work raised, once failed

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def _run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except Exception as e:  # reported to the user; the worker thread must not die silently
            log.error("background operation failed:\n%s", traceback.format_exc())
            self.error = e
            self.failed.emit(str(e) or e.__class__.__name__)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op

    def run(self) -> None:
        try:
            self.op._run()
        except RuntimeError:  # the work's own errors are caught in _run: this is an emit
            # The operation was deleted while it ran (its window closed): nobody is left to
            # tell, and Qt would print a traceback for it.
            log.debug("a background operation outlived its window")


# Where this process found the package (site-packages, or a checkout run in place). A
# Python process of ours (``python -m reader...``) runs there with it first on its path:
# ``-m`` puts the working folder first, and a checkout there (``reader`` without its
# installed resources) would be imported instead. (The bundle imports only its own copy.)
PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])


def python_process(module: str, args: Sequence[str], parent: QObject) -> QProcess:
    """A QProcess (not started) running `module` with `args` as ``python -m`` does
    (:func:`reader.core.processes.command`), in :data:`PACKAGE_PARENT` with it first on
    its path."""
    program, *arguments = processes.command(module, args)
    process = QtCore.QProcess(parent)
    process.setProgram(program)
    process.setArguments(arguments)
    process.setWorkingDirectory(PACKAGE_PARENT)
    env = QtCore.QProcessEnvironment.systemEnvironment()
    env.insert(
        "PYTHONPATH", os.pathsep.join(p for p in (PACKAGE_PARENT, env.value("PYTHONPATH")) if p)
    )
    process.setProcessEnvironment(env)
    return process


def read_lines(process: QProcess, pending: bytes) -> tuple[list[bytes], bytes]:
    """The whole lines ``process`` has written to stdout after ``pending`` (the start of a
    line read before), and the start of the next line."""
    *lines, rest = (pending + process.readAllStandardOutput().data()).split(b"\n")
    return lines, rest


class ProcessOperation(QObject):
    """``python -m MODULE ARGS`` as an operation (same signals as :class:`Operation`).

    The process reports on stdout, one JSON object a line: ``{"progress": [done, total,
    label]}`` any number of times, ``{"stage": name}`` when it moves on to other work (the
    progress that follows is that work's), then its result as the only other line
    (whatever object it prints). A non-zero exit fails with the last line it wrote to stderr.
    :meth:`cancel` kills it: such work must leave nothing half done when killed."""

    progressed = Signal(int, int, str)
    staged = Signal(str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, module: str, args: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = False
        self._result: Any = None
        self._pending = b""
        self._process = python_process(module, args, self)
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.finished.connect(self._ended)
        self._process.errorOccurred.connect(self._error)

    def start(self) -> None:
        self._process.start()

    def cancel(self) -> None:
        self._cancelled = True
        if self._process.state() != QtCore.QProcess.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(2000)  # reaped before its window goes

    def is_cancelled(self) -> bool:
        return self._cancelled

    def _read(self) -> None:
        import json  # not at the top: the window imports this module before its first paint

        lines, self._pending = read_lines(self._process, self._pending)
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                log.warning("unexpected output from %s: %r", self._process.arguments(), line)
                continue
            if isinstance(message, dict) and "progress" in message:
                done, total, label = message["progress"]
                self.progressed.emit(done, total, label)
            elif isinstance(message, dict) and "stage" in message:
                self.staged.emit(message["stage"])
            else:
                self._result = message

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        if not self._cancelled:
            if status == QtCore.QProcess.ExitStatus.NormalExit and code == 0:
                self.succeeded.emit(self._result)
            else:
                # .data() is bytes at run time; PySide's stub also allows a memoryview
                stderr = bytes(self._process.readAllStandardError().data())
                errors = stderr.decode(errors="replace")
                log.error("%s failed:\n%s", self._process.arguments(), errors)
                lines = errors.strip().splitlines()
                self.failed.emit(lines[-1] if lines else f"exit status {code}")
        self.finished.emit()

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QtCore.QProcess.ProcessError.FailedToStart:  # no finished() follows
            self.failed.emit(self._process.errorString())
            self.finished.emit()
