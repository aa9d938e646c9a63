"""The window's segmenter as a process of its own: ``python -m reader.core.segment_server``.

Loading the dictionaries is too much Python to share a process with a window, so the
window's word selection (:mod:`reader.gui.word_selection`) asks this process, a JSON object
a line each way. A module of its own, above :mod:`reader.core.keywords` (whose user words
it sets) and :mod:`reader.core.segment`, so neither imports the other back.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable

from reader.core import keywords, readings, segment

log = logging.getLogger(__name__)


def serve(lines: Iterable[str], write: Callable[[str], None]) -> None:
    """Word starts for another process: ``{"ready": true}`` once the engine is loaded,
    then for each ``{"text": T}`` the answer ``{"text": T, "starts": [...]}``; for each
    ``{"read": T, "format": F}`` the reading of every code point of T in context
    (:func:`reader.core.readings.char_readings` over T cut as readings cut it), as
    ``{"read": T, "format": F, "readings": [...]}``; ``{"words": [...]}`` makes those the
    user words (as :func:`reader.core.keywords.set_user_words`)."""
    segment.segmenter().fast()
    write(json.dumps({"ready": True}))
    for line in lines:
        message = json.loads(line)
        if "words" in message:
            keywords.set_user_words(message["words"])
        elif "text" in message:
            text = message["text"]
            starts = [t.start for t in segment.tokenize(text)]
            write(json.dumps({"text": text, "starts": starts}))
        elif "read" in message:
            text, fmt = message["read"], readings.check_format(message["format"])
            found = readings.char_readings(readings.cut(text), fmt)
            write(json.dumps({"read": text, "format": fmt, "readings": found}))


def _line(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    # -m runs this file as __main__; the engine it uses is reader.core.segment's, the same
    # one keywords.set_user_words reaches.
    serve(sys.stdin, _line)
