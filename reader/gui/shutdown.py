"""Quit as on 退出 when the session ends the process: SIGTERM, SIGHUP (terminal closed), SIGINT.

Qt's event loop runs in C++, so a Python signal handler would wait for the next Python
call to run. The signal number is written to a socket instead (``signal.set_wakeup_fd``)
and a socket notifier in the event loop reads it: the windows close (positions and
settings are saved, workers stop) and the loop ends, so the library closes as on a
normal quit. A second signal while that runs ends the process at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket

from PySide6.QtCore import QCoreApplication, QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_kept: list[tuple[QSocketNotifier, socket.socket, socket.socket]] = []

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


def quit_on_signals(app: QApplication) -> QSocketNotifier | None:
    """Route SIGTERM, SIGHUP and SIGINT into ``app``'s event loop; None where unsupported."""
    try:
        receive, send = socket.socketpair()
    except OSError as e:
        log.debug("no socket pair for signals: %s", e)
        return None
    for end in (receive, send):
        end.setblocking(False)
    try:
        signal.set_wakeup_fd(send.fileno(), warn_on_full_buffer=False)
    except ValueError:  # not the main thread
        receive.close()
        send.close()
        return None
    for number in SIGNALS:
        # A Python handler, so the default action (ending the process at once) is not
        # taken; the work happens when the notifier reads the number from the socket.
        signal.signal(number, lambda _number, _frame: None)
    notifier = QSocketNotifier(receive.fileno(), QSocketNotifier.Type.Read, app)
    stopping = False

    def received() -> None:
        nonlocal stopping
        with contextlib.suppress(BlockingIOError, InterruptedError):
            data = receive.recv(64)
            for number in data:
                if stopping:
                    log.warning("signal %d while quitting: stopping now", number)
                    signal.signal(number, signal.SIG_DFL)
                    os.kill(os.getpid(), number)
                    return
                stopping = True
                log.info("signal %d: closing the windows and quitting", number)
                QApplication.closeAllWindows()
                QCoreApplication.quit()

    notifier.activated.connect(received)
    _kept.append((notifier, receive, send))  # for the life of the process
    return notifier
