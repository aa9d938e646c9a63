"""朗读 and 生词本 responsiveness benchmark: how long the window stops responding while a
reader listens to an article and works through a large vocabulary (not a test).

    python tests/perf/bench_aloud.py [--articles 2000] [--words 5000] [--json]

Opens the real main window (offscreen) on a library of N articles (bench_gui.prepare) and
W vocabulary words, each with a definition, a sentence and its article, and plays: reading
the open article aloud for a few sentences (through a stand-in for espeak-ng on PATH that
takes 0.3 s a sentence: the engine itself is not measured, the window around it is: the
pinyin made on a worker, the highlight, the scrolling), pause, resume, stop; then opening
the 生词本, scrolling it to the end, typing a search in the other script, marking the words
found known, deleting them and putting them back (Ctrl+Z), clearing the search. The
heartbeat is bench_gui's (a 1 ms timer on the GUI thread; the longest gap per step).

Baseline, same run: the same heartbeat while the window sits idle as long as the session
took. Prints a table, or one JSON object with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # the library builder, beside this file
import bench_gui  # its heartbeat, its waits and its library

STAND_IN = """#!{python}
import sys, time
sys.stdin.buffer.read()
time.sleep(0.3)
"""


def add_words(directory: Path, n: int) -> None:
    """`n` vocabulary words (two characters of some article's text each), kept if there."""
    from reader.library import Library

    lib = Library.open(directory, seed=False)
    try:
        have = len(lib.vocabulary.ids())
        ids = lib.articles.ids()
        rng = random.Random(19)
        while have < n:
            article = lib.get(rng.choice(ids))
            assert article is not None
            at = rng.randrange(max(1, len(article.body) - 40))
            word = article.body[at : at + 2]
            if len(word) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in word):
                continue
            if lib.vocabulary.get(word) is None:
                lib.vocabulary.add(
                    word,
                    reading="pīn yīn",
                    definition="a definition; another sense; a third",
                    sentence=article.body[at : at + 30],
                    article_id=article.id,
                    article_title=article.title,
                )
                have += 1
    finally:
        lib.close()


def session(directory: Path, engine_folder: Path) -> dict[str, object]:
    from PySide6.QtCore import Qt

    from reader.gui import app, read_aloud

    os.environ["PATH"] = f"{engine_folder}{os.pathsep}{os.environ.get('PATH', '')}"
    app.create_application()
    heart = bench_gui.Heartbeat()
    window = app.start(str(directory), [])
    assert window is not None
    window.analysis_runner.enabled = False
    window.resize(1700, 760)
    bench_gui.wait(window.first_painted, lambda: None)
    bench_gui.wait(window.lists.counted, lambda: None)
    window.reading.select_article(window.model.article_id(0))  # the article to read
    bench_gui.run_for(300)
    started = time.perf_counter()

    heart.step("朗读: the article, 6 sentences")
    aloud = window.companion.read_aloud
    window.menus.read_action.trigger()
    deadline = time.perf_counter() + 60
    while aloud.index < 6 and aloud.state != read_aloud.IDLE and time.perf_counter() < deadline:
        bench_gui.run_for(20)
    sentences = aloud.index

    heart.step("朗读: pause, resume, faster, stop")
    for act in (aloud.pause, aloud.resume, lambda: aloud.change_speed(+1)):
        act()
        bench_gui.run_for(400)
    aloud.stop()
    bench_gui.run_for(100)

    heart.step("生词本: open")
    vocab = window.companion.vocabulary_window
    bench_gui.wait(vocab.listed, vocab.open_window)
    bench_gui.run_for(200)
    words = vocab.model.rowCount()

    heart.step("生词本: page down ×10, end, home")
    bench_gui.press(vocab.table, Qt.Key.Key_PageDown, 10)
    bench_gui.press(vocab.table, Qt.Key.Key_End)
    bench_gui.press(vocab.table, Qt.Key.Key_Home)

    heart.step("生词本: type a search in the other script")
    query = "發展"  # typed through an input method: text, not key presses
    for end in range(1, len(query)):
        vocab.search.setText(query[:end])
        bench_gui.run_for(bench_gui.PAUSE_MS)
    bench_gui.wait(vocab.listed, lambda: vocab.search.setText(query))
    bench_gui.run_for(100)
    found = vocab.model.rowCount()

    heart.step("生词本: mark the found words known")
    vocab.table.selectAll()
    bench_gui.wait(vocab.listed, vocab.known_button.click)  # written, listed again
    bench_gui.run_for(100)

    heart.step("生词本: delete them, Ctrl+Z")
    bench_gui.wait(vocab.listed, vocab.delete_selected)
    bench_gui.run_for(100)
    bench_gui.wait(vocab.listed, vocab.undo_delete)
    bench_gui.run_for(100)

    heart.step("生词本: clear the search")
    bench_gui.wait(vocab.listed, vocab.search.clear)
    bench_gui.run_for(100)

    heart.step("")
    took = time.perf_counter() - started
    heart.step("idle, as long as the session")
    bench_gui.run_for(int(took * 1000))
    heart.step("")
    idle = heart.steps.pop("idle, as long as the session")
    heart.steps.pop("", None)  # between the steps
    window.close()
    bench_gui.run_for(50)
    return {
        "sentences": sentences,
        "words": words,
        "found": found,
        "block_ms": heart.steps,
        "block_ms_max": max(heart.steps.values()),
        "idle_block_ms": idle,
        "session_s": took,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["READER_NO_SEED"] = "1"
    import compileall

    import reader

    # As after pip install: imports read byte code (as bench_gui.py).
    compileall.compile_dir(Path(reader.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="reader-bench-aloud-") as tmp:
        directory = Path(tmp, "library")
        os.environ["READER_CACHE_DIR"] = str(Path(tmp, "cache"))
        engine = Path(tmp, "bin")
        engine.mkdir()
        (engine / "espeak-ng").write_text(STAND_IN.format(python=sys.executable))
        (engine / "espeak-ng").chmod(0o755)
        bench_gui.prepare(directory, args.articles)
        add_words(directory, args.words)
        figures = session(directory, engine)
    if args.json:
        print(json.dumps(bench._rounded(figures), ensure_ascii=False))
        return 0
    print(
        f"{figures['sentences']} sentences read aloud, {figures['words']} words listed,"
        f" {figures['found']} found by the search; session {figures['session_s']:.1f} s"
    )
    print("longest GUI-thread block per step (ms):")
    for name, ms in figures["block_ms"].items():
        print(f"  {name:<44} {ms:8.1f}")
    print(f"  {'max':<44} {figures['block_ms_max']:8.1f}")
    print(f"  {'idle window (baseline)':<44} {figures['idle_block_ms']:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
