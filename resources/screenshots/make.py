"""Make the README's screenshots from the real app: python resources/screenshots/make.py

A fresh library in a temporary folder gets the sample page, its keyword analysis and a
few highlights (one with a note) on the article shown; then the window runs under its own
Xvfb server, in simplified Chinese, once per theme and once in the 台湾正体 view, and each window
is captured from the X server into light.png, dark.png and traditional.png beside this
script. Needs Xvfb and a CJK font (Debian:
xvfb fonts-wqy-microhei).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE = "决战决胜看今朝"  # on the seed page: long, with names, places and keywords
HIGHLIGHTS = [  # (quote in the article, colour, note)
    ("全市6个贫困县全部摘帽", "yellow", ""),
    ("贫困村由728个降至9个", "green", "对照去年的数字"),
    ("坚决夺取脱贫攻坚全面胜利", "blue", ""),
]
SHOTS = (("light", "light", ""), ("dark", "dark", ""), ("traditional", "light", "s2tw"))
SIZE = (1440, 900)  # room for the panes beside the article at its measure


def prepare(data_dir: Path) -> int:
    """A seeded library with analysis and highlights; the article's id."""
    os.environ.pop("READER_NO_SEED", None)  # the sample page is what the pictures show
    from reader.analysis import analyse_pending
    from reader.library import Library

    lib = Library.open(data_dir)
    try:
        analyse_pending(lib)
        rows = lib.articles.rows(lib.articles.ids())
        article = next(i for i, r in rows.items() if r.title == ARTICLE)
        for quote, colour, note in HIGHLIGHTS:
            try:
                lib.annotate_quote(article, None, quote, color=colour, note=note)
            except ValueError as e:
                print(f"make.py: skipping highlight {quote!r}: {e}", file=sys.stderr)
        lib.articles.mark_read(lib.articles.ids()[2:])  # a list that has been read in
        lib.analysis.set_watch_words(["脱贫", "疫情"])  # the sidebar lists them, counted
    finally:
        lib.close()
    return article


def capture(data_dir: Path, article: int, theme: str, out: Path, script: str = "") -> None:
    """Run in the child: the window in ``theme`` (and the ``script`` view) on ``article``,
    captured from the X server."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.gui import app
    from reader.gui.preferences import Preferences

    app.create_application()
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reading/last_article", article)
    settings.setValue("layers/entities", "person,place")
    Preferences(theme=theme, language="zh_CN", default_script=script).save(settings)
    window = app.start(str(data_dir), [])
    if window is None:
        raise SystemExit("make.py: the window did not open")
    window.auto_analyse = False
    window.resize(*SIZE)
    qt = QApplication.instance()

    def shoot() -> None:
        if window.reading_pane.record is None:  # still loading
            QTimer.singleShot(200, shoot)
            return
        window.reading_pane.verticalScrollBar().setValue(0)
        QTimer.singleShot(800, grab)  # let fonts, layers and the list settle

    def grab() -> None:
        screen = window.screen()
        picture = screen.grabWindow(window.winId())
        if not picture.save(str(out)):
            raise SystemExit(f"make.py: cannot write {out}")
        print(f"wrote {out} ({picture.width()}×{picture.height()})")
        window.close()
        qt.quit()

    QTimer.singleShot(500, shoot)
    qt.exec()


def xvfb() -> tuple[subprocess.Popen, str]:
    if shutil.which("Xvfb") is None:
        raise SystemExit("make.py: needs Xvfb (Debian: apt install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        number = pipe.readline().strip().decode()
    if not number:
        server.kill()
        raise SystemExit("make.py: Xvfb did not start")
    return server, f":{number}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--child",
        nargs=5,
        metavar=("DATA_DIR", "ID", "THEME", "OUT", "SCRIPT"),
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args()
    if args.child:
        data_dir, article, theme, out, script = args.child
        capture(Path(data_dir), int(article), theme, Path(out), script.strip("-"))
        return
    server, display = xvfb()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp, "home")
            home.mkdir()
            env = {
                **os.environ,
                "DISPLAY": display,
                "QT_QPA_PLATFORM": "xcb",
                "HOME": str(home),  # no desktop settings, caches or other instances leak in
                "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_CACHE_HOME": str(home / "cache"),
                "XDG_DATA_HOME": str(home / "data"),
            }
            for name, theme, script in SHOTS:
                data_dir = Path(tmp, name)
                article = prepare(data_dir)
                out = HERE / f"{name}.png"
                subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        str(data_dir),
                        str(article),
                        theme,
                        str(out),
                        script or "-",
                    ],
                    env=env,
                    check=True,
                )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
