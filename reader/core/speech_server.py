"""What the voice is given, made in a process of its own: ``python -m
reader.core.speech_server``.

Mandarin is spoken from pinyin read in context (:func:`reader.core.speech.spoken_text`),
which loads jieba's and pypinyin's dictionaries: too much Python to share a process with a
window (its thread would wait for Python's lock). The window's 朗读
(:mod:`reader.gui.read_aloud`) sends each sentence here, a JSON object a line, and gets the
answers back in the same order.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable

from reader.core import speech

log = logging.getLogger(__name__)


def serve(lines: Iterable[str], write: Callable[[str], None]) -> None:
    """For each ``{"id": I, "text": T, "voice": V}`` the answer ``{"id": I, "said": S}``,
    or ``{"id": I, "error": E}`` (an unknown voice)."""
    for line in lines:
        message = json.loads(line)
        try:
            said = speech.spoken_text(message["text"], message["voice"])
        except speech.SpeechError as e:
            write(json.dumps({"id": message["id"], "error": str(e)}, ensure_ascii=False))
        else:
            write(json.dumps({"id": message["id"], "said": said}, ensure_ascii=False))


def _line(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.stdin.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    serve(sys.stdin, _line)
