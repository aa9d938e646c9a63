"""Make the README's subscriptions screenshot: python resources/screenshots/make_feeds.py

The fixture news site of the tests (tests/feed_server.py, on 127.0.0.1) is subscribed to
in a fresh library (two feeds in a folder 本地, one in 港澳台, one outside, and one whose
server fails), then the window is shown offscreen in simplified Chinese with one
subscription chosen, and written to feeds.png beside this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]
SIZE = (1440, 900)  # as make.py: room for the panes beside the article at its measure


def prepare(data_dir: str) -> None:
    from feed_server import FeedServer

    from reader.library import Library

    with FeedServer() as site:
        lib = Library.open(data_dir)
        lib.subscribe(site.url("/feeds/rss.xml"), "本地")
        lib.subscribe(site.url("/feeds/rss_gbk.xml"), "本地")
        lib.subscribe(site.url("/feeds/atom.xml"), "港澳台")
        lib.subscribe(site.url("/feeds/feed.json"))
        failing = lib.feeds.add(site.url("/broken.xml"), "街坊消息")
        lib.refresh_feeds([failing])
        lib.close()


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["READER_NO_SEED"] = "1"
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        os.environ.pop(name, None)
    data_dir = tempfile.mkdtemp(prefix="reader-feeds-shot-")
    os.environ["READER_DATA_DIR"] = data_dir
    prepare(data_dir)

    from PySide6.QtCore import QTimer

    from reader.gui import i18n
    from reader.gui.app import create_application, open_settings
    from reader.gui.mainwindow import MainWindow
    from reader.gui.sidebar import Scope
    from reader.library import Library

    app = create_application()
    i18n.install(i18n.SIMPLIFIED)
    lib = Library.open(data_dir)
    window = MainWindow(lib, open_settings(lib))
    window.analysis_runner.enabled = False
    window.resize(*SIZE)
    window.show()
    window.load()

    def choose() -> None:
        feed = next(f for f in lib.subscriptions() if f.name.startswith("滨江"))
        window.sidebar.set_scope(Scope("feed", feed.id))
        QTimer.singleShot(1000, lambda: window.reading.select_article(window.model.article_id(0)))

    def shoot() -> None:
        window.grab().save(str(HERE / "feeds.png"))
        print(HERE / "feeds.png")
        app.quit()

    QTimer.singleShot(2500, choose)
    QTimer.singleShot(6000, shoot)
    app.exec()


if __name__ == "__main__":
    main()
