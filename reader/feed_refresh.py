"""The window's feed refresh, a process of its own: ``python -m reader.feed_refresh DIR
[ID...]`` refreshes every feed (or these) and writes its progress and then its result as JSON
lines on stdout, as :class:`reader.gui.workers.ProcessOperation` reads them. Fetching and
extracting dozens of pages is seconds of Python that would take Python's lock from the
window's thread. Each entry is its own transaction, so a kill loses at most the entry
being stored; the next refresh does the rest again."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.core import priority
from reader.core.errors import LibraryError
from reader.library import Library

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m reader.feed_refresh DIR [ID...]``: refresh (all, or these feeds); progress and
    the result as JSON lines on stdout (the window's ProcessOperation reads them)."""
    parser = argparse.ArgumentParser(prog="python -m reader.feed_refresh")
    parser.add_argument("directory")
    parser.add_argument("ids", nargs="*", type=int)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="reader.feeds: %(message)s")
    priority.give_way()  # the window comes first

    def say(message: object) -> None:
        sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    lib = Library(Path(args.directory))
    try:
        results = lib.refresh_feeds(
            args.ids or None,
            progress=lambda done, total, name: say({"progress": [done, total, name]}),
        )
    except LibraryError as e:
        sys.stderr.write(f"{e}\n")
        return 1
    finally:
        lib.close()
    say({"feeds": [r.as_json() for r in results]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
