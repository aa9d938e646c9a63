"""Build the self-contained bundle: ``python resources/packaging/build.py``.

Run with the Python of a venv that has the project installed (``pip install -e ".[test]"``
brings PyInstaller). Writes ``dist/reader-VERSION-PLATFORM.tar.gz`` (a ``.zip`` on
Windows), which unpacks to one folder ``reader-VERSION-PLATFORM/`` holding the executable
``reader`` (and, on Linux, ``阅报 Reader`` beside it for a double-click), and prints its path.
"""

from __future__ import annotations

import argparse
import logging
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

log = logging.getLogger("build")

REPO = Path(__file__).resolve().parents[2]
SPEC = Path(__file__).with_name("reader.spec")
LAUNCHER = Path(__file__).with_name("launcher.sh")
LAUNCHER_NAME = "阅报 Reader"  # the app's name, as the desktop entry gives it


def platform_tag() -> str:
    """linux-x86_64, windows-amd64, macos-arm64 …: the machine the bundle runs on."""
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def version() -> str:
    from reader import __version__

    return __version__


def build(work: Path, out: Path) -> Path:
    """Stage the project as pip installs it, freeze it, pack it; the archive's path."""
    name = f"reader-{version()}-{platform_tag()}"
    stage, frozen = work / "stage", work / "frozen"
    for folder in (stage, frozen):
        shutil.rmtree(folder, ignore_errors=True)
    run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-compile",
         "--target", str(stage), str(REPO)])
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(frozen), "--workpath", str(work / "pyinstaller"), str(SPEC),
         "--", "--stage", str(stage)])
    folder = frozen / name
    (frozen / "reader").rename(folder)
    if sys.platform.startswith("linux"):
        add_launcher(folder)
    out.mkdir(parents=True, exist_ok=True)
    return pack(folder, out / name)


def add_launcher(folder: Path) -> None:
    """A file named as the app that file managers run on a double-click. A script: they
    run executable scripts (or ask whether to), while a .desktop file outside the menu's
    folders needs an absolute Exec, and some run no ELF executable at all."""
    launcher = folder / LAUNCHER_NAME
    shutil.copyfile(LAUNCHER, launcher)
    launcher.chmod(0o755)


def pack(folder: Path, base: Path) -> Path:
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(base), "zip", folder.parent, folder.name))
    archive = base.with_name(base.name + ".tar.gz")
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    return archive


def run(command: list[str]) -> None:
    log.info("$ %s", " ".join(command))
    subprocess.run(command, check=True, cwd=REPO)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=REPO / "build" / "bundle")
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="build: %(message)s")
    start = time.monotonic()
    try:
        archive = build(args.work.resolve(), args.out.resolve())
    except subprocess.CalledProcessError as e:
        print(f"build: {e.cmd[2]} failed (exit status {e.returncode})", file=sys.stderr)
        return 1
    size = archive.stat().st_size / 1e6
    log.info("%.0f s, %.1f MB", time.monotonic() - start, size)
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
