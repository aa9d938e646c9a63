"""The launching side of one window per library: is a window open on it? Then hand over.

Runs before this process builds a window, so the common case (no window open) is
answered without QtNetwork: where Qt's local sockets are files (in the temporary folder,
``$TMPDIR`` or /tmp, as QDir.tempPath() says), no file means nobody listens. Only when
there is one does Qt's client (``single_instance.send_files``) talk to the window, with
the protocol described in ``single_instance``.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from reader import APP_ID
from reader.core import paths

log = logging.getLogger(__name__)


def server_name(data_dir: str | os.PathLike[str] | None = None) -> str:
    """The socket name for this user and library (resolved, so a symlinked folder agrees)."""
    folder = paths.data_dir(data_dir).expanduser().resolve()
    digest = hashlib.sha256(os.fsencode(folder)).hexdigest()[:16]
    if hasattr(os, "getuid"):
        user = str(os.getuid())
    else:
        import getpass

        user = getpass.getuser()
    return f"{APP_ID}-{user}-{digest}"


def nobody_listens(name: str) -> bool:
    """True when no socket file exists for ``name`` (Unix: QLocalServer's file in the
    temporary folder). A file may be stale, so False only means "ask"."""
    if os.name != "posix":
        return False  # named pipes on Windows: Qt's client finds out
    return not os.path.exists(os.path.join(os.environ.get("TMPDIR") or "/tmp", name))


def launch_targets(args: Sequence[str]) -> list[str]:
    """What a launch was given, as the window takes it: ``reader://`` article links as they
    are; paths, and the ``file://`` URLs file managers and browsers pass, as absolute paths
    (the window may be another process, with its own working folder)."""
    from urllib.parse import unquote, urlsplit

    from reader.core.links import is_article_link

    targets = []
    for arg in args:
        if is_article_link(arg):
            targets.append(arg.strip())
            continue
        if arg[:7].lower() == "file://":
            arg = unquote(urlsplit(arg).path)
        targets.append(str(Path(arg).expanduser().absolute()))
    return targets


def hand_off(data_dir: str | os.PathLike[str] | None, args: Sequence[str]) -> bool:
    """Pass the files and links a launch was given to a running window on the same
    library. False when there is none."""
    name = server_name(data_dir)
    if nobody_listens(name):
        log.debug("no running instance on %s", name)
        return False
    from reader.gui.single_instance import send_files  # QtNetwork: only when asked

    return send_files(name, launch_targets(args))
