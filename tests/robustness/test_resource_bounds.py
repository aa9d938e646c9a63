"""Item 11 of the second round: resources. Endless input to convert is one line, and
converting, importing and analysing a 20 MB page of one line stay within bounds of memory
(measured by the child itself; the figures before are in the asserts' comments). Nested
HTML is in test_html_hidden_text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from robust_helpers import one_line_errors, run_measured, run_reader

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")

LINE = "本报讯 今天天气很好，市民出行踊跃，公园里游人如织。"


@pytest.fixture(scope="module")
def big_line(tmp_path_factory: pytest.TempPathFactory) -> Path:
    big = tmp_path_factory.mktemp("big") / "big.txt"
    big.write_text("一行到底的超长稿件\n\n" + LINE * (20_000_000 // len(LINE.encode())), "utf-8")
    return big


@pytest.mark.parametrize("source", ["/dev/zero", "stdin"])
def test_endless_input_to_convert_is_one_line(tmp_path: Path, source: str) -> None:
    if source == "stdin":
        args, stdin = (), Path("/dev/zero")
    else:
        args, stdin = (source,), None
    done, peak_kb = run_measured(tmp_path, "convert", "--config", "s2t", *args, stdin=stdin)
    assert done.code == 1
    [line] = one_line_errors(done.err)
    assert "more than 64 MB" in line
    assert done.out == ""
    assert peak_kb < 300 * 1024, f"{peak_kb // 1024} MB"  # grew without bound before


def test_convert_of_a_small_input_still_works(tmp_path: Path) -> None:
    done = run_reader(tmp_path, "convert", "--config", "s2t", stdin="汉字的转换")
    assert (done.code, done.out) == (0, "漢字的轉換")


@pytest.mark.slow
def test_converting_the_20mb_line_is_bounded(tmp_path: Path, big_line: Path) -> None:
    done, peak_kb = run_measured(tmp_path, "convert", "--config", "s2t", str(big_line))
    assert done.code == 0, done.err
    assert done.out.startswith("一行到底的超長稿件") and "遊人如織" in done.out[-100:]
    assert peak_kb < 250 * 1024, f"{peak_kb // 1024} MB"  # 456 MB before


@pytest.mark.slow
def test_keywords_of_the_20mb_line_are_bounded(tmp_path: Path, big_line: Path) -> None:
    lib = tmp_path / "lib"
    assert run_reader(lib, "import", str(big_line)).code == 0
    done, peak_kb = run_measured(lib, "keywords", "1", "--top", "3", "--json", timeout=300)
    assert done.code == 0, done.err
    assert [k["word"] for k in done.json()] == ["今天天气", "游人如织", "踊跃"]
    assert peak_kb < 450 * 1024, f"{peak_kb // 1024} MB"  # 955 MB before (3.2 GB reported)


@pytest.mark.slow
def test_the_bounds_benchmark_runs_small_and_reports_its_figures() -> None:
    bench = Path(__file__).parents[1] / "perf" / "bench_bounds.py"
    done = subprocess.run(
        [sys.executable, str(bench), "--runs", "1", "--megabytes", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    figures = report["figures"]
    assert figures["import, two lines (baseline)"]["peak_mb"] > 20
    assert report["summary"]["big_import_over_baseline_mb"] > 0
    assert "import, 2 MB one line" in figures
    assert all(f["seconds"] > 0 for f in figures.values())
