"""Background operations: the result on the GUI thread, and quiet when their window is gone."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QObject, QThreadPool

from reader.core import priority
from reader.gui.workers import Operation, ProcessOperation


def test_result_and_finished_arrive_on_the_gui_thread(qtbot) -> None:
    op = Operation(lambda _progress, _cancelled: threading.current_thread().name)
    got: list[str] = []
    op.succeeded.connect(got.append)
    with qtbot.waitSignal(op.finished):
        op.start()
    assert got and got[0] != threading.current_thread().name  # the work ran elsewhere


def test_an_operation_deleted_while_it_runs_ends_quietly(qtbot, capfd) -> None:
    # Closing the window deletes its operations; one still running must not print
    # "Error calling Python override of QRunnable::run()" when it ends.
    owner = QObject()
    release = threading.Event()
    op = Operation(lambda _progress, _cancelled: release.wait(5), owner)
    op.start()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(op))
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    assert "Error calling Python override" not in capfd.readouterr().err


def _alive(op: Operation) -> bool:
    from shiboken6 import isValid

    return isValid(op)


# --- work in a process of its own ----------------------------------------------------


def test_analysis_runs_as_a_process_and_reports_on_the_gui_thread(qtbot, library) -> None:
    from reader.store.analysis import AnalysisStore

    assert AnalysisStore(library.db).pending(limit=100)  # the seed is not analysed yet
    op = ProcessOperation("reader.analysis", [str(library.directory)])
    progress: list[tuple[int, int, str]] = []
    results: list[object] = []
    op.progressed.connect(lambda *args: progress.append(args))
    op.succeeded.connect(results.append)
    with qtbot.waitSignal(op.finished, timeout=60_000):
        op.start()
    assert results == [{"analysed": len(progress) - 1}]
    assert progress[-1][0] == progress[-1][1] == len(progress) - 1
    assert any(title for _done, _total, title in progress)  # article titles, for the status bar
    assert not AnalysisStore(library.db).pending(limit=100)


def test_after_an_upgrade_the_analysis_process_rebuilds_the_search_index_first(
    qtbot, library
) -> None:
    from reader.store import search

    with library.db.transaction() as conn:  # as a library indexed by an older version
        conn.execute("UPDATE meta SET value = 'older' WHERE key = ?", (search.META_KEY,))
    assert library.articles.index.needs_rebuild()
    total = len(library.articles.ids())
    op = ProcessOperation("reader.analysis", [str(library.directory)])
    seen: list[object] = []
    op.staged.connect(seen.append)
    op.progressed.connect(lambda done, total, _title: seen.append((done, total)))
    with qtbot.waitSignal(op.finished, timeout=60_000):
        op.start()
    indexing = seen[seen.index("indexing") + 1 : seen.index("analysing")]
    assert indexing and indexing[-1] == (total, total)
    assert not library.articles.index.needs_rebuild()
    assert library.articles.search("疫情")


def test_a_process_that_fails_reports_its_last_error_line(qtbot, tmp_path) -> None:
    not_a_library = tmp_path / "library.sqlite3"
    not_a_library.write_text("not a database")
    op = ProcessOperation("reader.analysis", [str(tmp_path)])
    failures: list[str] = []
    op.failed.connect(failures.append)
    op.succeeded.connect(lambda _result: pytest.fail("a damaged library analysed"))
    with qtbot.waitSignal(op.finished, timeout=60_000):
        op.start()
    assert len(failures) == 1 and "library" in failures[0].lower()
    assert not_a_library.read_text() == "not a database"  # never overwritten


def test_a_cancelled_process_is_killed_and_reports_nothing(qtbot, library) -> None:
    op = ProcessOperation("reader.analysis", [str(library.directory)])
    reported: list[object] = []
    op.succeeded.connect(reported.append)
    op.failed.connect(reported.append)
    op.start()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        op.cancel()
    assert reported == [] and op.is_cancelled()


def test_a_process_runs_this_package_not_one_in_the_working_folder(
    qtbot, library, tmp_path, monkeypatch
) -> None:
    # ``python -m`` puts the working folder first on the path: started from a checkout
    # (whose reader lacks the installed resources), the process would import that one.
    decoy = tmp_path / "checkout" / "reader"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise ImportError('the working folder\\'s reader')\n")
    monkeypatch.chdir(decoy.parent)
    op = ProcessOperation("reader.analysis", [str(library.directory)])
    results: list[object] = []
    op.succeeded.connect(results.append)
    with qtbot.waitSignal(op.finished, timeout=60_000):
        op.start()
    assert results and results[0]["analysed"] > 0


@pytest.mark.parametrize("module", ["reader.analysis", "reader.feed_refresh"])
def test_background_processes_give_way_to_the_window(tmp_path, module: str) -> None:
    """The analysis and the feed refresh run below the window's priority, so on a machine
    with few cores the window still answers at once while they work."""
    import subprocess
    import sys

    code = (
        "import os, sys, runpy\n"
        "before = os.nice(0)\n"
        f"sys.argv = [{module!r}, {str(tmp_path)!r}]\n"
        "try:\n"
        f"    runpy.run_module({module!r}, run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('niceness', before, os.nice(0), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    before, after = (int(n) for n in done.stderr.split("niceness")[-1].split())
    assert after >= min(before + priority.NICENESS, 19)


def test_in_the_bundle_the_analysis_process_is_its_own_executable(
    qtbot, library, monkeypatch
) -> None:
    # The bundle has no python: ProcessOperation starts the executable (the same entry point
    # as the console script) with the hidden --run-module argument.
    from pathlib import Path

    from reader.store.analysis import AnalysisStore

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(Path(sys.executable).parent / "reader"))
    op = ProcessOperation("reader.analysis", [str(library.directory)])
    results: list[object] = []
    op.succeeded.connect(results.append)
    with qtbot.waitSignal(op.finished, timeout=60_000):
        op.start()
    assert results and results[0]["analysed"] > 0
    assert not AnalysisStore(library.db).pending(limit=100)
