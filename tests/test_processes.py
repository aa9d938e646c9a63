"""Our processes (analysis, segmenter, feed refresh) start from a pip install as
``python -m MODULE`` and from the bundle through its own executable's hidden argument."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import processes

# The console script pip installed beside this interpreter: the bundle's executable is the
# same entry point (reader.cli.main), frozen.
ENTRY_POINT = str(Path(sys.executable).parent / "reader")


def test_installed_it_is_python_dash_m() -> None:
    assert not processes.frozen()
    assert processes.command("reader.analysis", ["DIR"]) == [
        sys.executable,
        "-m",
        "reader.analysis",
        "DIR",
    ]


def test_in_the_bundle_it_is_the_executable_with_the_hidden_argument(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/reader-0.1.0/reader")
    assert processes.command("reader.feed_refresh", ["DIR", "3"]) == [
        "/opt/reader-0.1.0/reader",
        "--run-module",
        "reader.feed_refresh",
        "DIR",
        "3",
    ]


def test_only_our_process_modules_can_be_started() -> None:
    with pytest.raises(ValueError):
        processes.command("os", [])
    done = subprocess.run(
        [ENTRY_POINT, "--run-module", "http.server"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "http.server" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_hidden_argument_runs_the_segmenter_through_the_entry_point() -> None:
    # What the bundle's word selection starts: answers as python -m reader.core.segment_server.
    program, *args = [ENTRY_POINT, processes.RUN_MODULE, "reader.core.segment_server"]
    done = subprocess.run(
        [program, *args],
        input=json.dumps({"text": "发展中国家"}) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[0] == {"ready": True}
    assert lines[1]["text"] == "发展中国家" and lines[1]["starts"][0] == 0
    assert len(lines[1]["starts"]) < 5  # words, not characters


def test_a_modules_exit_status_is_the_processes() -> None:
    # Called without its folder the analysis stops at its arguments, as with -m.
    done = subprocess.run(
        [ENTRY_POINT, "--run-module", "reader.analysis"], capture_output=True, text=True, timeout=60
    )
    direct = subprocess.run(
        [sys.executable, "-m", "reader.analysis"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == direct.returncode == 2
    assert done.stderr == direct.stderr and "python -m reader.analysis" in done.stderr


def test_the_speech_server_answers_in_order_through_the_entry_point() -> None:
    # What 朗读 starts: each sentence's words for the voice, an answer a line, in order.
    from reader.core import speech

    asked = [
        {"id": [1, 0], "text": "银行行长来了。", "voice": "mandarin"},
        {"id": [1, 1], "text": "银行行长来了。", "voice": "cantonese"},
        {"id": [1, 2], "text": "银行", "voice": "klingon"},
    ]
    done = subprocess.run(
        [ENTRY_POINT, processes.RUN_MODULE, "reader.core.speech_server"],
        input="".join(json.dumps(a, ensure_ascii=False) + "\n" for a in asked),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert answers[:2] == [
        {"id": [1, 0], "said": "yin2 hang2 hang2 zhang3 lai2 le5 ."},
        {"id": [1, 1], "said": speech.spoken_text("银行行长来了。", "cantonese")},
    ]
    assert answers[1]["said"] == "銀行行長來了。"
    assert answers[2]["id"] == [1, 2] and "unknown voice" in answers[2]["error"]
