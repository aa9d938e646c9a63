"""The library's known failures: what the store raises and the CLI and the window catch.

Here rather than in the store so that callers above it name them without importing it.
"""

from __future__ import annotations


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


class FetchError(LibraryError):
    """A web page could not be fetched (no such server, refused, 404, too large, …)."""

    def __init__(self, message: str, *, cancelled: bool = False) -> None:
        super().__init__(message)
        self.cancelled = cancelled  # the reader stopped it: not a failure to report
