"""Background processes give way to the window.

A feed refresh or an analysis is seconds of work on every core it can get; on a machine
with two cores the window then waits for the CPU between two key presses (measured by
``tests/perf/bench_gui.py --feeds 50``). Run at a lower priority, such a process takes only
what the window leaves.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

NICENESS = 10  # added to the process's own: well below the window, above idle work


def give_way() -> None:
    """Lower this process's CPU priority (POSIX ``nice``; elsewhere it stays as it is)."""
    nice = getattr(os, "nice", None)
    if nice is None:
        return
    try:
        nice(NICENESS)
    except OSError as e:  # not allowed here (a sandbox): the work is done all the same
        log.debug("could not lower the priority: %s", e)
