"""The library's known failures: what the store raises and the CLI and the window catch.

Here rather than in the store so that callers above it name them without importing it.
"""

from __future__ import annotations

import re


class LibraryError(Exception):
    """A known failure the user can act on; the message is one clear line."""


class NotALibraryError(LibraryError):
    pass


class NewerLibraryError(LibraryError):
    pass


class LibraryUnavailableError(LibraryError):
    """The file or its folder cannot be created, read or written."""


class DamagedLibraryError(NotALibraryError):
    """An SQLite library whose pages are corrupt (truncated, overwritten)."""


class AnnotationError(LibraryError):
    """An annotation cannot be stored as asked (e.g. its article is not in the library)."""


class AnnotationNotFound(AnnotationError):  # noqa: N818 - reads as what happened
    """No annotation with that id."""


class LibraryBusyError(LibraryUnavailableError):
    """Another process kept the library's write lock for longer than we wait."""


_UNPRINTABLE = r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"  # compiled when first used
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte a file name held that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return _ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def one_line(text: str) -> str:
    """``text`` as one printable line: line breaks and other control characters escaped
    (``\\n``, ``\\x1b``), as are the undecodable bytes of a file name (``\\xff``)."""
    return re.sub(_UNPRINTABLE, _escape, text)  # re caches the compiled pattern


class FetchError(LibraryError):
    """A web page could not be fetched (no such server, refused, 404, too large, …)."""

    def __init__(self, message: str, *, cancelled: bool = False) -> None:
        super().__init__(message)
        self.cancelled = cancelled  # the reader stopped it: not a failure to report
