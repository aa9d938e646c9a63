"""朗读: the open article read aloud sentence by sentence, the sentence being read
highlighted in the pane (a layer of its own) and kept in view; pause, resume, stop, speed.

Each sentence is one run of the speech engine (espeak-ng, :mod:`reader.core.speech`) as a
QProcess, so the window never waits for it: its end starts the next sentence. What the
voice is given (pinyin in context for Mandarin: jieba's and pypinyin's dictionaries) is
made by a process of its own (:mod:`reader.core.speech_server`, started at the first
reading and kept), every sentence asked at once, the answers coming while the first
sentences are spoken: on a worker thread, loading those dictionaries would hold Python's
lock against the window (tests/perf/bench_aloud.py). Pausing ends the sentence being
spoken; resuming says it again from its start (one way on every platform, and silence at
once, where stopping the process would leave its buffered sound playing).

Spans are kept in the ORIGINAL body: the highlight stays on its sentence when the reader
switches the script view while listening.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from reader.core import speech
from reader.core.readings import HK_VIEWS  # the views whose readings are Cantonese
from reader.gui.reading_pane import Layer

if TYPE_CHECKING:
    from PySide6.QtCore import QProcess, QSettings
    from PySide6.QtGui import QTextCharFormat

    from reader.gui.reading_pane import ReadingPane

log = logging.getLogger(__name__)

LAYER = "speaking"
# Speeds offered, as a multiple of the engine's own rate (]/[ step through them).
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5)
SPEED_KEY = "speech/speed"
CANTONESE_KEY = "speech/cantonese_for_hk"  # Cantonese voice in the Hong Kong views
IDLE, SPEAKING, PAUSED = "idle", "speaking", "paused"


class ReadAloudBar(QWidget):
    """The slim bar under the reading pane while reading aloud (as the find bar)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readAloudBar")
        self.pause = QToolButton()
        self.pause.setObjectName("readAloudPause")
        self.stop = QToolButton()
        self.stop.setText("■")
        self.stop.setToolTip(self.tr("停止朗读 (Esc)"))
        self.slower = QToolButton()
        self.slower.setText("−")
        self.slower.setToolTip(self.tr("减慢 ([)"))
        self.faster = QToolButton()
        self.faster.setText("+")
        self.faster.setToolTip(self.tr("加快 (])"))
        self.speed = QLabel()
        self.speed.setObjectName("readAloudSpeed")
        self.position = QLabel()
        self.position.setObjectName("readAloudPosition")
        self.voice = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(self.tr("朗读")))
        layout.addWidget(self.voice)
        layout.addWidget(self.pause)
        layout.addWidget(self.stop)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("语速")))
        layout.addWidget(self.slower)
        layout.addWidget(self.speed)
        layout.addWidget(self.faster)
        layout.addStretch(1)
        layout.addWidget(self.position)
        self.hide()


class ReadAloud(QObject):
    """Reads the open article aloud; the bar and the menu's actions call it."""

    state_changed = Signal(str)  # IDLE, SPEAKING or PAUSED
    sentence_started = Signal(int, int)  # the original body's span now being read

    def __init__(
        self,
        pane: ReadingPane,
        settings: QSettings,
        speaking_format: Callable[[], QTextCharFormat],
        bar: ReadAloudBar,
        parent: QWidget,
        engine: speech.Espeak | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.pane = pane
        self.settings = settings
        self._format = speaking_format
        self.engine = engine or speech.Espeak()
        self.bar = bar
        self.state = IDLE
        self.voice = speech.MANDARIN
        self._program = ""
        # The queue: each sentence's original span and its text as shown when started.
        self._spans: list[tuple[int, int]] = []
        self._texts: list[str] = []
        self.index = 0
        self._spoken: dict[int, str] = {}  # what the voice is given (from the server)
        self._process: QProcess | None = None
        self._server: QProcess | None = None  # python -m reader.core.speech_server
        self._pending = b""  # the start of the server's next line
        self._reading = 0  # this queue's number: the server's answers for others are dropped
        self._run = 0  # this sentence's turn: a process's end from an earlier one is dropped
        bar.pause.clicked.connect(self.toggle_pause)
        bar.stop.clicked.connect(self.stop)
        bar.faster.clicked.connect(lambda: self.change_speed(+1))
        bar.slower.clicked.connect(lambda: self.change_speed(-1))
        QShortcut(
            QKeySequence("Esc"), bar, self.stop, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        pane.article_leaving.connect(lambda _id, _fraction: self.stop())
        self._show_state()

    # -- settings -------------------------------------------------------------------------

    @property
    def speed(self) -> float:
        value = self.settings.value(SPEED_KEY, 1.0, type=float)
        return min(SPEEDS, key=lambda s: abs(s - float(value)))  # type: ignore[arg-type]

    @property
    def rate(self) -> int:
        """Words a minute, as the engine takes them."""
        return round(speech.DEFAULT_RATE * self.speed)

    def change_speed(self, step: int) -> None:
        """One speed faster (+1) or slower (-1); the next sentence is read at it."""
        i = SPEEDS.index(self.speed)
        self.settings.setValue(SPEED_KEY, SPEEDS[min(max(i + step, 0), len(SPEEDS) - 1)])
        self._show_state()

    @property
    def cantonese_for_hk(self) -> bool:
        return bool(self.settings.value(CANTONESE_KEY, True, type=bool))

    def set_cantonese_for_hk(self, on: bool) -> None:
        self.settings.setValue(CANTONESE_KEY, on)

    def voice_for(self, config: str | None) -> str:
        """Cantonese for a Hong Kong view (unless the reader said otherwise), else Mandarin."""
        return speech.CANTONESE if config in HK_VIEWS and self.cantonese_for_hk else speech.MANDARIN

    # -- starting -------------------------------------------------------------------------

    def read_article(self) -> None:
        self._start_at(0, None)

    def read_from_cursor(self) -> None:
        """From the sentence the reader clicked in, when it is in view; else from the first
        sentence in view (where a reader who never clicked is reading)."""
        self._start_at(self._where_reading(), None)

    def read_selection(self) -> None:
        """The selection alone (as 朗读 when nothing is selected)."""
        cursor = self.pane.textCursor()
        start = self.pane.view_offset(cursor.selectionStart())
        end = self.pane.view_offset(cursor.selectionEnd())
        if not cursor.hasSelection() or end is None:
            self.read_from_cursor()
            return
        self._start_at(start or 0, end)

    def read(self) -> None:
        """The bar's and the toolbar's one button: resume, the selection, else on from
        where the reader is."""
        if self.state == PAUSED:
            self.resume()
        else:
            self.read_selection()

    def _where_reading(self) -> int:
        """The body offset reading starts from: the cursor's (the reader clicked there)
        if it shows, else the first character in view."""
        pane = self.pane
        cursor = pane.textCursor()
        offset = pane.view_offset(cursor.position())
        text = pane.view.body.text if pane.view is not None else ""
        if (
            offset is not None
            and pane.viewport().rect().contains(pane.cursorRect(cursor).center())
            and speech.has_speech(text[offset:])
        ):
            return offset
        top = pane.view_offset(pane.cursorForPosition(QPoint(0, 0)).position())
        return top or 0  # None: the title shows, so the body from its start

    def _start_at(self, start: int, end: int | None) -> None:
        """Read the view's sentences from the one holding `start` (cut there, inside a
        selection) to `end` (None: the article's end)."""
        view = self.pane.view
        if view is None:
            return
        program = shutil.which(self.engine.program)
        if program is None:
            self.stop()
            self._no_engine()
            return
        text = view.body.text
        stop = len(text) if end is None else end
        spans = []
        for sentence in speech.sentences(text):
            s, e = max(sentence.start, start if end is not None else 0), min(sentence.end, stop)
            if e <= start or s >= stop or not speech.has_speech(text[s:e]):
                continue
            spans.append((s, e))
        if not spans:
            return
        self.stop()
        self._program = program
        self.voice = self.voice_for(view.config)
        self._texts = [text[s:e] for s, e in spans]
        self._spans = [view.body.to_original(s, e) for s, e in spans]
        self.index = 0
        self.bar.show()
        self._set_state(SPEAKING)
        self._ask_server()
        self._speak()

    def _no_engine(self) -> None:
        QtWidgets.QMessageBox.warning(
            self.window,
            self.tr("无法朗读"),
            self.tr(
                "朗读需要语音引擎 espeak-ng，但本机没有安装。\n"
                "请先安装 espeak-ng（Debian / Ubuntu：sudo apt install espeak-ng），再试一次。"
            ),
        )

    # -- speaking -------------------------------------------------------------------------

    def _speak(self) -> None:
        """Say the current sentence: now if its words are ready, else once they are."""
        if self.state != SPEAKING:
            return
        if self.index >= len(self._texts):
            self.stop()
            return
        self._show_sentence()
        if self.index in self._spoken:
            self._start_process(self._spoken[self.index])

    def _ask_server(self) -> None:
        """Every sentence of the queue to the speech server, whose answers come in order
        (the first while the next are made)."""
        import json

        if self._server is None:
            from reader.gui.workers import python_process

            self._server = server = python_process("reader.core.speech_server", [], self)
            server.readyReadStandardOutput.connect(self._answered)
            server.finished.connect(lambda *_: self._server_ended(server))
            server.errorOccurred.connect(lambda error: self._server_error(server, error))
            self._pending = b""
            server.start()
        lines = (
            json.dumps({"id": [self._reading, i], "text": text, "voice": self.voice}) + "\n"
            for i, text in enumerate(self._texts)
        )
        self._server.write("".join(lines).encode("utf-8"))

    def _answered(self) -> None:
        import json

        from reader.gui.workers import read_lines

        if self._server is None:
            return
        lines, self._pending = read_lines(self._server, self._pending)
        for line in lines:
            answer = json.loads(line)
            reading, index = answer["id"]
            if reading != self._reading:
                continue  # for a queue stopped since
            if "error" in answer:
                self._failed(answer["error"])
                return
            self._spoken[index] = answer["said"]
            if index == self.index and self.state == SPEAKING and self._process is None:
                self._start_process(answer["said"])

    def _server_ended(self, server: QProcess) -> None:
        if server is not self._server:
            return
        self._server = None
        server.deleteLater()
        if self.state != IDLE and len(self._spoken) < len(self._texts):
            errors = bytes(server.readAllStandardError().data()).decode(errors="replace")
            lines = errors.strip().splitlines()
            self._failed(lines[-1] if lines else "the speech server ended")

    def _server_error(self, server: QProcess, error: object) -> None:
        from PySide6.QtCore import QProcess

        if error == QProcess.ProcessError.FailedToStart and server is self._server:
            self._server = None
            server.deleteLater()
            self._failed(server.errorString())

    def _start_process(self, said: str) -> None:
        from PySide6.QtCore import QProcess  # when first read aloud, not at start-up

        process = QProcess(self)
        run, index = self._run, self.index
        process.finished.connect(lambda code, _status: self._sentence_done(run, index, code))
        process.errorOccurred.connect(lambda error: self._process_error(run, process, error))
        process.finished.connect(process.deleteLater)
        command = self.engine.command(self.voice, self.rate)
        self._process = process
        process.start(self._program, command[1:])
        process.write(said.encode("utf-8"))
        process.closeWriteChannel()

    def _sentence_done(self, run: int, index: int, code: int) -> None:
        if run != self._run or index != self.index:
            return  # paused, stopped or started again meanwhile
        self._process = None
        if code != 0:
            log.warning("the speech engine ended with status %s", code)
        self.index += 1
        self._speak()

    def _process_error(self, run: int, process: QProcess, error: object) -> None:
        from PySide6.QtCore import QProcess

        if run != self._run or error != QProcess.ProcessError.FailedToStart:
            return  # a crash ends the process too: _sentence_done goes on
        process.deleteLater()
        self._failed(process.errorString())

    def _failed(self, message: str) -> None:
        log.warning("reading aloud failed: %s", message)
        self.stop()
        QtWidgets.QMessageBox.warning(
            self.window, self.tr("无法朗读"), self.tr("朗读失败：{}").format(message)
        )

    def _end_process(self) -> None:
        """Silence at once; the process's own end (deleteLater) comes when it has gone."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()

    # -- pause, resume, stop --------------------------------------------------------------

    def toggle_pause(self) -> None:
        if self.state == SPEAKING:
            self.pause()
        elif self.state == PAUSED:
            self.resume()
        else:
            self.read()

    def pause(self) -> None:
        if self.state != SPEAKING:
            return
        self._run += 1  # the sentence's end, now, must not start the next one
        self._end_process()
        self._set_state(PAUSED)

    def resume(self) -> None:
        """On from the start of the sentence that was paused."""
        if self.state != PAUSED:
            return
        self._set_state(SPEAKING)
        self._speak()

    def shut_down(self) -> None:
        """The window closes: silence, and the speech server ends with it."""
        speaking = self._process
        self.stop()
        for process in (speaking, self._server):
            if process is not None:
                process.kill()
                process.waitForFinished(2000)  # reaped before its window goes
        self._server = None

    def stop(self) -> None:
        self._run += 1
        self._reading += 1
        self._end_process()
        self._spans, self._texts, self._spoken = [], [], {}
        self.index = 0
        if LAYER in self.pane.layers:
            self.pane.set_layer(LAYER, None)
        self.bar.hide()
        if self.state != IDLE:
            self._set_state(IDLE)

    # -- showing --------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        self.state = state
        self._show_state()
        self.state_changed.emit(state)

    def _show_state(self) -> None:
        bar = self.bar
        bar.pause.setText("▶" if self.state != SPEAKING else "❚❚")
        bar.pause.setToolTip(
            self.tr("继续 (Ctrl+Shift+Space)")
            if self.state != SPEAKING
            else self.tr("暂停 (Ctrl+Shift+Space)")
        )
        bar.speed.setText(f"{self.speed:g}×")
        bar.voice.setText(self.tr("粤语") if self.voice == speech.CANTONESE else self.tr("普通话"))
        if self._spans:
            bar.position.setText(
                self.tr("第 {n} / {total} 句").format(
                    n=min(self.index + 1, len(self._spans)), total=len(self._spans)
                )
            )

    def _show_sentence(self) -> None:
        """Highlight the sentence being read and bring it into view."""
        start, end = self._spans[self.index]
        self.pane.set_layer(LAYER, Layer(((start, end),), self._format()))
        self._follow(start, end)
        self._show_state()
        self.sentence_started.emit(start, end)

    def _follow(self, start: int, end: int) -> None:
        """Scroll only when the sentence is not wholly in view: then its first line goes
        to a third of the pane's height, so what follows it shows too."""
        view = self.pane.view
        if view is None:
            return
        s, e = view.body.to_view(start, end)
        top = self._rect_at(self.pane.document_position(s)).top()
        bottom = self._rect_at(self.pane.document_position(e)).bottom()
        height = self.pane.viewport().height()
        if top < 0 or bottom > height:
            bar = self.pane.verticalScrollBar()
            bar.setValue(bar.value() + top - height // 3)

    def _rect_at(self, position: int) -> QRect:
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(position)
        return self.pane.cursorRect(cursor)
