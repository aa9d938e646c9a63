"""Tables that live as long as the process, loaded without the cyclic collector.

A table of readings is hundreds of thousands of new lists. While it is built they set off
collections that walk everything built so far, for nothing (all of it lives), and each of
those is one long stop for every thread (tests/perf/bench_lookup.py, "first lookup in the
window"). Once built, the table is kept out of later collections too, as the window's
start-up does with its own objects (``gc.freeze``).
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator

log = logging.getLogger(__name__)


@contextlib.contextmanager
def loading_for_good() -> Iterator[None]:
    """Build long-lived tables in this block: no collection meanwhile, none over them after.
    Within a block where the collector is already off (the window's start-up), only the
    freeze."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if paused:
            gc.enable()
