"""朗读 in the window, with a stand-in for espeak-ng on PATH that writes down what it was
asked to say (its arguments and the text on its input) and takes a while to say it: the
sentence being read is highlighted and kept in view, pause/resume/stop and the speed work,
a selection or the cursor's place is where reading starts, the voice follows the view.
(The real espeak-ng writing a WAV is tests/cli/test_companion_cli.py's.)"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6 import QtWidgets
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from reader.core import speech
from reader.gui import read_aloud
from reader.gui.mainwindow import MainWindow

FAKE_ENGINE = """#!{python}
import json, os, sys, time
text = sys.stdin.buffer.read().decode("utf-8")
with open(os.environ["FAKE_ESPEAK_LOG"], "a", encoding="utf-8") as f:
    f.write(json.dumps({{"args": sys.argv[1:], "text": text}}, ensure_ascii=False) + "\\n")
time.sleep(float(os.environ.get("FAKE_ESPEAK_SECONDS", "0.05")))
"""

FIRST, SECOND = "第一句话很短。", "第二句：银行行长来了！"
PARAGRAPHS = [f"这是第{i}段，记者了解到都市的发展很重要。" for i in range(1, 31)]
TEXT = "朗读测试\n\n" + FIRST + SECOND + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"

Said = Callable[[], list[dict]]


@pytest.fixture
def said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Said:
    """Puts the stand-in engine first on PATH; what it has been asked to say, in order."""
    folder = tmp_path / "bin"
    folder.mkdir()
    engine = folder / "espeak-ng"
    engine.write_text(FAKE_ENGINE.format(python=sys.executable), encoding="utf-8")
    engine.chmod(0o755)
    log = tmp_path / "said.jsonl"
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("FAKE_ESPEAK_LOG", str(log))
    monkeypatch.setenv("READER_NO_SEED", "1")

    def read() -> list[dict]:
        if not log.exists():
            return []
        return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]

    return read


@pytest.fixture
def shown(qtbot, said: Said, window: MainWindow) -> MainWindow:
    window.importer.finish(window.library.import_text(TEXT))
    qtbot.waitUntil(lambda: window.reading_pane.record is not None, timeout=10_000)
    window.resize(900, 600)
    return window


def action(window: MainWindow, text: str):
    found = [a for a in window.menus.tools.actions() if a.text().replace("&", "") == text]
    assert found, text
    return found[0]


def speaking(window: MainWindow) -> str | None:
    """The text of the highlighted sentence (in the original body), if any."""
    layer = window.reading_pane.layers.get(read_aloud.LAYER)
    record = window.reading_pane.record
    if layer is None or record is None:
        return None
    ((start, end),) = layer.spans
    return record.body[start:end]


def voice(entry: dict) -> str:
    return entry["args"][entry["args"].index("-v") + 1]


def rate(entry: dict) -> int:
    return int(entry["args"][entry["args"].index("-s") + 1])


def test_the_article_is_read_sentence_by_sentence_highlighted_and_followed(
    qtbot, said: Said, shown: MainWindow
) -> None:
    pane = shown.reading_pane
    sentences = [FIRST, SECOND, *PARAGRAPHS]
    highlighted: list[str] = []
    action(shown, "朗读全文").trigger()
    aloud = shown.companion.read_aloud
    aloud.sentence_started.connect(lambda *_: highlighted.append(speaking(shown) or ""))
    assert aloud.bar.isVisible() and aloud.state == read_aloud.SPEAKING
    qtbot.waitUntil(lambda: aloud.state == read_aloud.IDLE, timeout=60_000)

    # Every sentence, in order, each highlighted while its words were being said.
    assert [FIRST, *highlighted] == sentences
    entries = said()
    assert [e["text"] for e in entries] == [
        speech.spoken_text(s, speech.MANDARIN) for s in sentences
    ]
    assert "yin2 hang2 hang2 zhang3" in entries[1]["text"]  # read in context
    assert {voice(e) for e in entries} == {"cmn-latn-pinyin"}
    assert {rate(e) for e in entries} == {speech.DEFAULT_RATE}
    # Followed: the pane scrolled down to the last sentences as they were read.
    assert pane.verticalScrollBar().value() > 0
    # Done: no highlight, no bar.
    assert speaking(shown) is None and not aloud.bar.isVisible()


def test_the_last_sentence_read_is_in_view(qtbot, said: Said, shown: MainWindow) -> None:
    pane = shown.reading_pane
    aloud = shown.companion.read_aloud
    seen: list[bool] = []

    def in_view(start: int, end: int) -> None:
        view = pane.view
        s, e = view.body.to_view(start, end)
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.document_position(s))
        top = pane.cursorRect(cursor).top()
        cursor.setPosition(pane.document_position(e))
        bottom = pane.cursorRect(cursor).bottom()
        seen.append(top >= 0 and bottom <= pane.viewport().height())

    aloud.sentence_started.connect(in_view)
    aloud.read_article()
    qtbot.waitUntil(lambda: aloud.state == read_aloud.IDLE, timeout=60_000)
    assert len(seen) == 32 and all(seen)


def test_pause_resume_speed_and_stop(
    qtbot, said: Said, shown: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_ESPEAK_SECONDS", "1.5")
    aloud = shown.companion.read_aloud
    aloud.read_article()
    qtbot.waitUntil(lambda: len(said()) == 1, timeout=10_000)
    assert speaking(shown) == FIRST

    action(shown, "暂停/继续朗读").trigger()
    assert aloud.state == read_aloud.PAUSED
    qtbot.wait(2000)  # longer than the sentence: the next one is not started
    assert len(said()) == 1 and speaking(shown) == FIRST and aloud.bar.isVisible()
    assert aloud.bar.pause.text() == "▶"

    action(shown, "加快朗读").trigger()
    assert aloud.bar.speed.text() == "1.25×"
    action(shown, "暂停/继续朗读").trigger()  # resume: the paused sentence again
    qtbot.waitUntil(lambda: len(said()) == 2, timeout=10_000)
    first, again = said()
    assert again["text"] == first["text"]
    assert (rate(first), rate(again)) == (175, 219)
    assert aloud.state == read_aloud.SPEAKING

    action(shown, "停止朗读").trigger()
    assert aloud.state == read_aloud.IDLE and speaking(shown) is None
    assert not aloud.bar.isVisible()
    qtbot.wait(2000)
    assert len(said()) == 2  # nothing more after stopping

    # The speed is kept for the next reading (and the next session: the settings).
    action(shown, "减慢朗读").trigger()
    action(shown, "减慢朗读").trigger()
    assert shown.settings.value(read_aloud.SPEED_KEY, type=float) == 0.75


def test_another_article_stops_reading(
    qtbot, said: Said, shown: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_ESPEAK_SECONDS", "1.5")
    shown.companion.read_aloud.read_article()
    qtbot.waitUntil(lambda: len(said()) == 1, timeout=10_000)
    shown.importer.finish(shown.library.import_text("另一篇\n\n别的文章在这里。\n"))
    qtbot.waitUntil(lambda: "另一篇" in shown.reading_pane.record.title, timeout=10_000)
    assert shown.companion.read_aloud.state == read_aloud.IDLE
    qtbot.wait(2000)
    assert len(said()) == 1


def test_the_selection_the_cursor_and_the_voice_of_the_view(
    qtbot, said: Said, shown: MainWindow
) -> None:
    pane = shown.reading_pane
    aloud = shown.companion.read_aloud
    body = pane.record.body

    def read(act: str) -> list[dict]:
        before = len(said())
        action(shown, act).trigger()
        qtbot.waitUntil(lambda: aloud.state == read_aloud.IDLE, timeout=30_000)
        return said()[before:]

    start = body.index("银行行长")
    pane.select_span(start, start + len("银行行长来了"))
    (entry,) = read("朗读选中内容")
    assert entry["text"] == speech.spoken_text("银行行长来了", speech.MANDARIN)

    # From the cursor: its sentence and those after it.
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.document_position(body.index(PARAGRAPHS[-2]) + 3))
    pane.setTextCursor(cursor)
    entries = read("朗读(R)")
    assert [e["text"] for e in entries] == [
        speech.spoken_text(p, speech.MANDARIN) for p in PARAGRAPHS[-2:]
    ]

    # In the Hong Kong view: Cantonese, from the characters in their Hong Kong form;
    # unless the reader turned that off.
    shown.scripts.set_config("s2hk")
    qtbot.waitUntil(lambda: "銀行行長" in pane.document().toPlainText())
    pane.select_span(start, start + len("银行行长来了"))
    (entry,) = read("朗读选中内容")
    assert voice(entry) == "yue" and entry["text"] == "銀行行長來了"
    assert aloud.bar.voice.text() == "粤语"
    aloud.set_cantonese_for_hk(False)
    pane.select_span(start, start + len("银行行长来了"))
    (entry,) = read("朗读选中内容")
    assert voice(entry) == "cmn-latn-pinyin"
    assert entry["text"] == speech.spoken_text("銀行行長來了", speech.MANDARIN)


def test_without_a_speech_engine_one_message_says_what_to_install(
    qtbot, shown: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    messages: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox, "warning", lambda _parent, _title, text: messages.append(text)
    )
    action(shown, "朗读全文").trigger()
    assert len(messages) == 1 and "espeak-ng" in messages[0]
    assert "apt install espeak-ng" in messages[0]
    aloud = shown.companion.read_aloud
    assert aloud.state == read_aloud.IDLE and not aloud.bar.isVisible()
    assert speaking(shown) is None


def test_with_nothing_chosen_reading_starts_at_the_first_sentence_in_view(
    qtbot, said: Said, shown: MainWindow
) -> None:
    pane = shown.reading_pane
    body = pane.record.body
    cursor = QTextCursor(pane.document())
    cursor.setPosition(0)  # the title: scrolled out of view below
    pane.setTextCursor(cursor)
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = pane.view_offset(pane.cursorForPosition(QPoint(0, 0)).position())
    first_in_view = next(p for p in PARAGRAPHS if body.index(p) + len(p) > top)
    action(shown, "朗读(R)").trigger()
    qtbot.waitUntil(lambda: len(said()) >= 1, timeout=10_000)
    assert said()[0]["text"] == speech.spoken_text(first_in_view, speech.MANDARIN)
    assert speaking(shown) == first_in_view
    shown.companion.read_aloud.stop()
