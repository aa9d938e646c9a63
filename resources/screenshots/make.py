"""Make the README's screenshots from the real app: python resources/screenshots/make.py

A fresh library in a temporary folder gets the sample page, its keyword analysis, a
few highlights (one with a note) on the article shown and two words in the vocabulary;
then the window runs under its own Xvfb server, in simplified Chinese, once per theme,
once in the 台湾正体 view, once in 拼音 mode and once with the lookup popup open on a
word, and each is captured from the X server into light.png, dark.png,
traditional.png, pinyin.png and lookup.png beside this script. Needs Xvfb and a CJK font
(Debian: xvfb fonts-wqy-microhei).
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
VOCABULARY = ["熠熠生辉", "句号"]  # words being learnt: marked in the text
LOOKED_UP = "翘首以待"  # the popup's word, in the article's first screen
SHOTS = (  # (name, theme, script view, what is shown beside the article)
    ("light", "light", "", "plain"),
    ("dark", "dark", "", "plain"),
    ("traditional", "light", "s2tw", "plain"),
    ("pinyin", "light", "", "pinyin"),
    ("lookup", "light", "", "lookup"),
)
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
        for word in VOCABULARY:
            lib.vocabulary.add(word, article_id=article)
    finally:
        lib.close()
    return article


def capture(
    data_dir: Path, article: int, theme: str, out: Path, script: str = "", mode: str = "plain"
) -> None:
    """Run in the child: the window in ``theme`` (and the ``script`` view) on ``article``,
    in 拼音 mode or with the lookup popup open when ``mode`` says so, captured from the X
    server."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.readings import has_han
    from reader.gui import app, word_selection
    from reader.gui.preferences import Preferences

    app.create_application()
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reading/last_article", article)
    settings.setValue("layers/entities", "person,place")
    settings.setValue("view/ruby", mode == "pinyin")
    Preferences(theme=theme, language="zh_CN", default_script=script).save(settings)
    window = app.start(str(data_dir), [])
    if window is None:
        raise SystemExit("make.py: the window did not open")
    window.auto_analyse = False
    window.resize(*SIZE)
    qt = QApplication.instance()

    def ready() -> bool:
        pane = window.reading_pane
        if pane.record is None:  # still loading
            return False
        if mode == "plain":
            return True
        word_selection.warm_up_in_background()
        block = pane.document().begin()
        # The words (and readings) of every paragraph on screen are in.
        while block.isValid() and block.layout().position().y() < pane.viewport().height():
            text = block.text()
            read = (
                pane.ruby is None
                or not has_han(text)
                or word_selection.char_readings(text, pane.ruby.fmt) is not None
            )
            if text and (word_selection.word_bounds(text) is None or not read):
                pane.viewport().update()  # the pane asks again as it paints
                return False
            block = block.next()
        return True

    def shoot() -> None:
        if not ready():
            QTimer.singleShot(200, shoot)
            return
        window.reading_pane.verticalScrollBar().setValue(0)
        if mode == "lookup":
            QTimer.singleShot(300, look_up)
        else:
            QTimer.singleShot(800, grab)  # let fonts, layers and the list settle

    def look_up() -> None:
        from PySide6.QtGui import QTextCursor

        pane = window.reading_pane
        cursor = pane.document().find(LOOKED_UP)
        probe = QTextCursor(pane.document())
        probe.setPosition(cursor.selectionStart() + 1)
        lookup = window.lookup
        assert lookup is not None
        lookup.shown.connect(lambda _found: QTimer.singleShot(800, grab))
        lookup.look_up_at(pane.cursorRect(probe).center())

    def grab() -> None:
        screen = window.screen()
        # The whole screen: the popup is a window of its own over the main one.
        picture = screen.grabWindow(0, *window.frameGeometry().getRect())
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
        nargs=6,
        metavar=("DATA_DIR", "ID", "THEME", "OUT", "SCRIPT", "MODE"),
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args()
    if args.child:
        data_dir, article, theme, out, script, mode = args.child
        capture(Path(data_dir), int(article), theme, Path(out), script.strip("-"), mode)
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
            for name, theme, script, mode in SHOTS:
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
                        mode,
                    ],
                    env=env,
                    check=True,
                )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
