"""Work split over turns of the event loop, so the window answers between the parts.

``QTimer.singleShot(0, part)`` does not give the window that turn: Qt posts the call as
an event, and its event loop (glib's, on Linux) delivers it in the same pass of posted
events as the paint the previous part asked for, before any timer or input that waited.
The previous part's paint and the next part then stop the window as one: a part, its
paint and the next part stopped it as long as all three together (a 1 ms heartbeat as in
tests/perf/bench_gui.py). A timer a few milliseconds long runs after that paint, and after
the timers and input that were waiting when it became due.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

# Longer than bench_gui.py's 1 ms heartbeat: a part due as soon as the heartbeat's next
# tick can run before it, just after a long paint, and the two then count as one stop
# (a 1 ms timer did for 3 of 12 posted parts in bench_gui.py; a 5 ms one for none of 24).
TURN_MS = 5


def next_turn(owner: QObject, part: Callable[[], object]) -> None:
    """Call ``part`` in a later turn of the event loop than this one and its paint,
    unless ``owner`` (the window it works on) is gone by then."""
    QTimer.singleShot(TURN_MS, owner, part)
