"""The read-aloud and vocabulary benchmark (tests/perf/bench_aloud.py) still plays its whole
session: a smoke test on a small library."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

PERF = Path(__file__).resolve().parents[1] / "perf"


@pytest.mark.slow
def test_aloud_benchmark_plays_every_step(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.syspath_prepend(str(PERF))  # bench.py and bench_gui.py beside it
    spec = importlib.util.spec_from_file_location("bench_aloud", PERF / "bench_aloud.py")
    assert spec and spec.loader
    bench_aloud = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_aloud)
    engine = tmp_path / "bin"
    engine.mkdir()
    (engine / "espeak-ng").write_text(bench_aloud.STAND_IN.format(python=sys.executable))
    (engine / "espeak-ng").chmod(0o755)
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))  # restored after the test
    bench_aloud.bench_gui.prepare(tmp_path / "lib", 60)
    bench_aloud.add_words(tmp_path / "lib", 120)
    figures = bench_aloud.session(tmp_path / "lib", engine)
    assert figures["sentences"] >= 1 and figures["words"] == 120
    assert len(figures["block_ms"]) == 8, list(figures["block_ms"])
    assert figures["block_ms_max"] == max(figures["block_ms"].values()) > 0
