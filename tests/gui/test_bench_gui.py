"""The GUI benchmark (tests/perf/bench_gui.py) still plays its whole session: a smoke test
on a small library, as CI runs bench.py small."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

PERF = Path(__file__).resolve().parents[1] / "perf"


@pytest.mark.slow
def test_gui_benchmark_plays_every_step(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.syspath_prepend(str(PERF))  # it builds its library with bench.py
    spec = importlib.util.spec_from_file_location("bench_gui", PERF / "bench_gui.py")
    assert spec and spec.loader
    bench_gui = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_gui)
    bench_gui.prepare(tmp_path / "lib", 150)
    figures = bench_gui.session(tmp_path / "lib")
    steps = figures["block_ms"]
    assert figures["articles"] >= 140  # listed: all but the trashed
    assert len(steps) == 25, list(steps)
    assert "the reader pauses: word segmenter starts" in steps
    assert "switch the script: 台湾正体" in steps
    assert figures["block_ms_max"] == max(steps.values()) > 0
    assert figures["idle_block_ms"] >= 0
