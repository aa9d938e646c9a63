"""Install the .desktop entry, the AppStream metadata and the icons for this user
(``reader --install-desktop``).

Files go under ``$XDG_DATA_HOME`` (``~/.local/share``), where launchers look for
applications, "Open with" looks for MIME handlers and software centres for metainfo.
No Qt here: the CLI runs this without a display.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import APP_ID
from reader.core import paths, processes

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

log = logging.getLogger(__name__)

DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
# Characters the Desktop Entry spec reserves in Exec arguments: they need double quotes.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def supported() -> bool:
    """Desktop entries are what launchers read on Linux and the BSDs (freedesktop.org);
    Windows and macOS find apps their own way."""
    return sys.platform not in ("win32", "darwin", "cygwin")


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset, empty or relative (per the spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def reader_command() -> list[str]:
    """How a launcher should start this installation of the reader."""
    if processes.frozen():  # the bundle: its executable, wherever it was unpacked
        return [str(Path(sys.executable).absolute())]
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    candidates = []
    if argv0 is not None and argv0.name == "reader":
        candidates.append(argv0)  # the script the user just ran
    # The entry point beside this interpreter belongs to this installation; PATH may not.
    candidates.append(Path(sys.executable).parent / "reader")
    found = shutil.which("reader")
    if found:
        candidates.append(Path(found))
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return [str(path.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "reader"]


def exec_arg(arg: str) -> str:
    """One Exec argument, quoted and escaped as the Desktop Entry spec asks."""
    arg = arg.replace("%", "%%")
    if any(c in _RESERVED for c in arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg.replace("\\", "\\\\")  # the key's own string escaping comes on top


def desktop_entry(command: Sequence[str]) -> str:
    """The bundled entry with Exec and TryExec pointing at ``command``."""
    text = paths.resource(DESKTOP_FILE).read_text(encoding="utf-8")
    exec_line = "Exec=" + " ".join(exec_arg(a) for a in command) + " %U"
    try_exec = "TryExec=" + command[0].replace("\\", "\\\\")
    text = re.sub(r"(?m)^Exec=.*$", lambda _m: exec_line, text, count=1)
    return re.sub(r"(?m)^TryExec=.*$", lambda _m: try_exec, text, count=1)


def icon_sources() -> dict[str, Traversable]:
    """Icon files to install, keyed by their path under icons/hicolor."""
    icons = paths.resource("icons")
    files: dict[str, Traversable] = {f"scalable/apps/{APP_ID}.svg": icons.joinpath("reader.svg")}
    for size in ICON_SIZES:
        rel = f"{size}x{size}/apps/{APP_ID}.png"
        files[rel] = icons.joinpath("hicolor", rel)
    return files


def installed_files(home: Path | None = None) -> list[Path]:
    """Every file install() writes, in order: the entry, the metainfo, the icons."""
    home = home or data_home()
    hicolor = home / "icons" / "hicolor"
    entry, metainfo = home / "applications" / DESKTOP_FILE, home / "metainfo" / METAINFO_FILE
    return [entry, metainfo] + [hicolor / rel for rel in icon_sources()]


def is_installed(home: Path | None = None) -> bool:
    return installed_files(home)[0].exists()


def install(
    home: Path | None = None,
    command: Sequence[str] | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    update_caches: bool = True,
) -> list[Path]:
    """Write the entry, metainfo and icons; the files written. ``data_dir`` is baked into
    Exec."""
    home = home or data_home()
    command = list(command or reader_command())
    if data_dir:
        command += ["--data-dir", str(Path(data_dir).expanduser().absolute())]
    targets = installed_files(home)
    entry, metainfo, *icons = targets
    _write(entry, desktop_entry(command).encode("utf-8"))
    _write(metainfo, paths.resource(METAINFO_FILE).read_bytes())
    for target, source in zip(icons, icon_sources().values(), strict=True):
        _write(target, source.read_bytes())
    if update_caches:
        _update_caches(home)
    return targets


def uninstall(home: Path | None = None, update_caches: bool = True) -> list[Path]:
    """Remove what install() wrote; the files that were there."""
    home = home or data_home()
    removed = []
    for path in installed_files(home):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    if update_caches:
        _update_caches(home)
    return removed


def _write(path: Path, data: bytes) -> None:
    # Beside the target, then rename: a launcher never reads half an entry.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _update_caches(home: Path) -> None:
    """Refresh the MIME handler cache ("Open with") and the icon cache, if the tools exist."""
    hicolor = home / "icons" / "hicolor"
    commands = [["update-desktop-database", "-q", str(home / "applications")]]
    # Like xdg-icon-resource: a cache only for a theme dir that has an index; otherwise
    # the dir's new mtime tells toolkits to rescan it.
    if (hicolor / "index.theme").exists():
        commands.append(["gtk-update-icon-cache", "-q", "-f", str(hicolor)])
    elif hicolor.is_dir():
        os.utime(hicolor)
    for cmd in commands:
        tool = shutil.which(cmd[0])
        if tool is None:
            log.info("%s not found; skipped", cmd[0])
            continue
        try:
            subprocess.run([tool, *cmd[1:]], capture_output=True, timeout=30, check=True)
        except (OSError, subprocess.SubprocessError) as e:
            log.info("%s failed: %s", cmd[0], e)  # a cache refresh is a courtesy, not a need
