"""One window per library: a second ``reader FILE...`` hands its files to the running one.

The first instance listens on a local socket named for the user and the library folder
(``launch.server_name``). A later launch (``launch.hand_off``) connects, sends one line of
UTF-8 JSON ``{"files": [absolute paths]}``, waits for ``ok`` and exits; the running window
gets the paths as ``files_received``.
A socket left by a crashed instance refuses connections, so it is removed and reused.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QEventLoop, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000
ACK_TIMEOUT_MS = 5000
ACK = b"ok\n"
MAX_MESSAGE = 1 << 20  # a long list of paths, far below anything that could hurt
_BUFFER = "readerBuffer"  # dynamic properties on a server-side socket
_DONE = "readerDone"


def send_files(name: str, files: Sequence[str], timeout_ms: int = ACK_TIMEOUT_MS) -> bool:
    """Give ``files`` to the instance listening on ``name``; True once it acknowledged.

    Waits in a local event loop rather than the blocking waitFor* calls, so a server in
    the same thread (tests) can answer too.
    """
    message = json.dumps({"files": list(files)}, ensure_ascii=False).encode("utf-8") + b"\n"
    socket = QLocalSocket()
    loop = QEventLoop()
    reply = bytearray()

    def read() -> None:
        reply.extend(socket.readAll().data())
        if b"\n" in reply:
            loop.quit()

    socket.connected.connect(lambda: socket.write(message))
    socket.readyRead.connect(read)
    socket.errorOccurred.connect(loop.quit)
    socket.disconnected.connect(loop.quit)
    timer = QTimer(singleShot=True, interval=timeout_ms)
    timer.timeout.connect(loop.quit)
    socket.connectToServer(name)
    # A missing or refused name fails at once, before the loop could see the signal.
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        timer.start()
        loop.exec()
        timer.stop()
    ok = bytes(reply) == ACK
    if not ok and socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
        log.debug("no running instance on %s: %s", name, socket.errorString())
    elif not ok:
        log.warning("the running instance did not acknowledge: %s", socket.errorString())
    socket.abort()
    return ok


class InstanceServer(QObject):
    """Listens for later launches; emits their files (possibly none: "come to the front")."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Only this user may connect (the socket file is made 0700-like).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Take the name unless a live instance answers on it."""
        # Check first: Qt may bind beside the name and rename over it, which would
        # silently displace a live instance rather than fail.
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_TIMEOUT_MS):
            probe.abort()
            log.warning("another instance is listening on %s", self.name)
            return False
        # Nobody answers: whatever the name holds was left by an instance that died.
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("cannot listen on %s: %s", self.name, self._server.errorString())
        return False

    def is_listening(self) -> bool:
        return self._server.isListening()

    def full_name(self) -> str:
        return self._server.fullServerName()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # No Python on the way out: a socket destroyed with the server still emits
            # disconnected, so that goes straight to C++; readyRead uses sender().
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(self._read)

    @Slot()
    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket) or socket.property(_DONE):
            return
        # The partial message travels with its socket, so nothing here outlives it.
        data = bytes(socket.property(_BUFFER) or b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                log.warning("dropping an over-long message on %s", self.name)
                socket.abort()
            else:
                socket.setProperty(_BUFFER, QByteArray(data))
            return
        line = data.split(b"\n", 1)[0]
        socket.setProperty(_DONE, True)  # one message per connection
        try:
            files = json.loads(line.decode("utf-8"))["files"]
            if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
                raise TypeError("files is not a list of strings")
        except (ValueError, KeyError, TypeError) as e:
            log.warning("ignoring a bad message on %s: %s", self.name, e)
            socket.write(b"error\n")
            socket.flush()
            socket.disconnectFromServer()
            return
        socket.write(ACK)
        socket.flush()
        # Acknowledge first: the sender may exit now, whatever the window does next.
        self.files_received.emit(files)


def attach(
    window: QWidget, name: str, import_paths: Callable[[list[str]], None]
) -> InstanceServer | None:
    """Listen for later launches on ``name`` (``launch.server_name`` of ``window``'s
    library); their files go to ``import_paths`` and the window comes to the front. None if
    the name can't be had."""
    server = InstanceServer(name, parent=window)  # closes with the window
    if not server.listen():
        server.deleteLater()
        return None

    def received(files: list[str]) -> None:
        if files:
            import_paths(files)
        bring_to_front(window)

    server.files_received.connect(received)
    return server


def bring_to_front(window: QWidget) -> None:
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.show()
    window.raise_()
    window.activateWindow()
