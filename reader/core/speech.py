"""Reading text aloud with the system's espeak-ng (Debian: ``apt install espeak-ng``).

Pure Python, no Qt: the engine is a program run for each stretch of text.

Which voice reads what: espeak-ng's ``cmn`` voice reads many characters wrongly (it has
no word list for polyphones), while ``cmn-latn-pinyin`` reads pinyin with tone numbers
right; so Mandarin is spoken from our own readings in context (银行 yin2 hang2), which
also keeps it in step with what the reading pane shows. Cantonese is spoken by ``yue``
from the characters in their traditional form, which it reads well.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from reader.core import readings

log = logging.getLogger(__name__)

MANDARIN = "mandarin"
CANTONESE = "cantonese"
VOICES = (MANDARIN, CANTONESE)
_ESPEAK_VOICES = {MANDARIN: "cmn-latn-pinyin", CANTONESE: "yue"}
PROGRAM = "espeak-ng"
INSTALL_HINT = "install espeak-ng (Debian and Ubuntu: sudo apt install espeak-ng)"
DEFAULT_RATE = 175  # words a minute, espeak-ng's own default
RATES = (80, 450)  # what espeak-ng takes

# Where a sentence ends: the pane highlights one at a time while it is spoken.
_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*|\n+")
# Chinese punctuation as the Latin marks the pinyin voice pauses at.
_PAUSES = str.maketrans("，、。！？；：「」『』“”（）", ",,.!?;:''''\"\"()")


class SpeechError(Exception):
    """Speech cannot be made (no engine, a file that cannot be written): one clear line."""


@dataclass(frozen=True)
class Sentence:
    start: int  # code points into the text
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text` that have something to say, in order (spans end after
    their closing punctuation)."""
    out = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            out.append(Sentence(start, end))
        start = end
    if text[start:].strip():
        out.append(Sentence(start, len(text)))
    # Leading white space is not part of what is read (nor highlighted).
    return [Sentence(s.start + len(s.of(text)) - len(s.of(text).lstrip()), s.end) for s in out]


def spoken_text(text: str, voice: str) -> str:
    """What the voice is given for `text`: pinyin in context for Mandarin, the characters
    in their Hong Kong form for Cantonese."""
    check_voice(voice)
    if voice == CANTONESE:
        return readings.same_length(text, "s2hk")
    out = []
    for piece in readings.read_text(text, readings.NUMBERS):
        if piece.reading:
            out.append(f" {piece.reading.replace('ü', 'v')} ")
        else:
            out.append(piece.text.translate(_PAUSES))
    return re.sub(r"[ \t]+", " ", "".join(out)).strip()


def check_voice(voice: str) -> str:
    if voice not in VOICES:
        raise SpeechError(f"unknown voice {voice!r}; valid: {' '.join(VOICES)}")
    return voice


def has_speech(text: str) -> bool:
    """Whether there is anything to say (not only spaces and punctuation)."""
    return any(c.isalnum() for c in text)


class Espeak:
    """espeak-ng run as a program."""

    def __init__(self, program: str = PROGRAM) -> None:
        self.program = program

    def available(self) -> bool:
        return shutil.which(self.program) is not None

    def command(self, voice: str, rate: int = DEFAULT_RATE, wav: Path | None = None) -> list[str]:
        rate = min(max(rate, RATES[0]), RATES[1])
        cmd = [self.program, "-v", _ESPEAK_VOICES[check_voice(voice)], "-s", str(rate)]
        if wav is not None:
            cmd += ["-w", str(wav)]
        return [*cmd, "--stdin"]  # the text on stdin: never taken for an option

    def _missing(self) -> SpeechError:
        return SpeechError(f"no speech engine: {INSTALL_HINT}")

    def start(self, text: str, voice: str, rate: int = DEFAULT_RATE) -> subprocess.Popen[bytes]:
        """Start speaking `text` aloud; the caller waits for, pauses or ends the process."""
        if not self.available():
            raise self._missing()
        process = subprocess.Popen(
            self.command(voice, rate),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert process.stdin is not None
        process.stdin.write(spoken_text(text, voice).encode("utf-8"))
        process.stdin.close()
        return process

    def write_wav(self, text: str, voice: str, path: Path, rate: int = DEFAULT_RATE) -> int:
        """Speak `text` into the WAV file `path` (replaced whole, or left as it was); its
        size in bytes."""
        if not self.available():
            raise self._missing()
        folder = path.parent
        if not folder.is_dir():
            raise SpeechError(f"cannot write {path}: no such folder {folder}")
        if not os.access(folder, os.W_OK):
            raise SpeechError(f"cannot write {path}: the folder is read-only")
        if path.is_dir():
            raise SpeechError(f"cannot write {path}: it is a folder")
        tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp.wav"
        try:
            done = subprocess.run(
                self.command(voice, rate, wav=tmp),
                input=spoken_text(text, voice).encode("utf-8"),
                capture_output=True,
                timeout=600,
                check=False,
            )
            # espeak-ng says "Can't write" and still exits 0: the file is the judge.
            size = tmp.stat().st_size if tmp.exists() else 0
            if done.returncode != 0 or size <= 44:  # a WAV header alone
                message = done.stderr.decode("utf-8", "replace").strip().splitlines()
                raise SpeechError(
                    f"cannot write {path}: {message[0] if message else 'espeak-ng made no sound'}"
                )
            os.replace(tmp, path)
            return size
        except OSError as e:
            raise SpeechError(f"cannot write {path}: {e.strerror or e}") from e
        except subprocess.TimeoutExpired as e:
            raise SpeechError("espeak-ng took too long") from e
        finally:
            tmp.unlink(missing_ok=True)
