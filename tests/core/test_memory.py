"""Long-lived tables are built with the collector paused, and it comes back as it was."""

from __future__ import annotations

import gc

from reader.core import memory


def test_the_collector_is_paused_for_a_load_and_back_after_it() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with memory.loading_for_good():
        assert not gc.isenabled()
        table = [[str(i)] for i in range(5000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(table)  # kept out of later collections
    gc.disable()  # as during the window's start-up: left off
    try:
        with memory.loading_for_good():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_load_that_fails_still_gives_the_collector_back() -> None:
    try:
        with memory.loading_for_good():
            raise OSError("no such file")
    except OSError:
        pass
    assert gc.isenabled()
