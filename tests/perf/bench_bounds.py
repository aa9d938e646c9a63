"""Benchmark the memory and time of the CLI on huge input, against baselines in the same run.

Not a test. Each command runs in a fresh process with a new library and reports its own
peak memory (``VmHWM``, as tests/robustness measure it):

* baseline: importing a two-line page (Python, the CLI, the splitter's and the script
  tables: what every import pays);
* importing the same one-line page at 1 MB and at 20 MB (the page of
  tests/robustness/test_resource_bounds.py), then a search in the 20 MB one;
* ``convert`` of the 20 MB page;
* with ``--keywords``, ``keywords`` of the 20 MB page (its analysis: over a minute);
* the nested-markup page of test_html_hidden_text.py at 25,000 and 50,000 spans (the
  work must be linear: the ratio of the two times is ~2).

Prints the median of ``--runs`` runs of each, and each figure beside its baseline.

    python tests/perf/bench_bounds.py [--runs 3] [--keywords] [--megabytes 20] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "robustness"))

from robust_helpers import PEAK_MEMORY_WRAPPER, child_env  # noqa: E402

LINE = "本报讯 今天天气很好，市民出行踊跃，公园里游人如织。"


def one_line_page(path: Path, size: int) -> Path:
    path.write_text("一行到底的超长稿件\n\n" + LINE * (size // len(LINE.encode())), "utf-8")
    return path


def nested_page(path: Path, spans: int) -> Path:
    path.write_text(
        "<html><head><title>嵌套</title></head><body>"
        + "<span>" * spans
        + "<p>正文内容，讲述了一些事情。</p>"
        + "</b></i>" * (spans // 2)
        + "</body></html>",
        encoding="utf-8",
    )
    return path


def measured(data_dir: Path, *args: str) -> tuple[float, float]:
    """(peak MB, seconds) of one CLI command in a process of its own."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY_WRAPPER, *args],
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.perf_counter() - started
    if "Traceback" in done.stderr:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    peak_kb = int(done.stderr.rpartition("peak_kb ")[2].split()[0])
    return peak_kb / 1024, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keywords", action="store_true", help="analyse the big page too")
    parser.add_argument("--megabytes", type=int, default=20, help="of the big page (20)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    mb = args.megabytes
    big_import = f"import, {mb} MB one line"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tiny = folder / "tiny.txt"
        tiny.write_text("甲\n\n甲的正文。\n", "utf-8")
        small = one_line_page(folder / "line_1mb.txt", 1_000_000)
        big = one_line_page(folder / "line_big.txt", mb * 1_000_000)
        nested = {n: nested_page(folder / f"nested_{n}.html", n) for n in (25_000, 50_000)}
        # name: (command, whether it runs in the library the big import made)
        cases = {
            "import, two lines (baseline)": (("import", str(tiny)), False),
            "import, 1 MB one line": (("import", str(small)), False),
            big_import: (("import", str(big)), True),
            f"search in the {mb} MB line": (("search", "游人如织", "--limit", "1"), True),
            f"convert s2t, {mb} MB one line": (("convert", "--config", "s2t", str(big)), False),
            "import, 25,000 nested spans": (("import", str(nested[25_000])), False),
            "import, 50,000 nested spans": (("import", str(nested[50_000])), False),
        }
        if args.keywords:
            cases[f"keywords of the {mb} MB line"] = (("keywords", "1", "--top", "3"), True)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for run in range(args.runs):
            for case, (name, (command, in_big)) in enumerate(cases.items()):
                data_dir = folder / (f"library{run}-big" if in_big else f"library{run}-{case}")
                runs[name].append(measured(data_dir, *command))

    figures = {
        name: {
            "peak_mb": round(statistics.median(p for p, _ in values), 1),
            "seconds": round(statistics.median(s for _, s in values), 2),
        }
        for name, values in runs.items()
    }
    base = figures["import, two lines (baseline)"]["peak_mb"]
    spans = [figures[f"import, {n} nested spans"]["seconds"] for n in ("25,000", "50,000")]
    summary = {
        "baseline_peak_mb": base,
        "big_import_over_baseline_mb": round(figures[big_import]["peak_mb"] - base, 1),
        "nested_time_ratio_50k_to_25k": round(spans[1] / spans[0], 2),
    }
    if args.json:
        print(json.dumps({"figures": figures, "summary": summary}))
        return
    print(f"{'':34} {'peak MB':>8} {'over baseline':>14} {'seconds':>8}   (median of {args.runs})")
    for name, figure in figures.items():
        over = figure["peak_mb"] - base
        print(f"{name:34} {figure['peak_mb']:8.1f} {over:+14.1f} {figure['seconds']:8.2f}")
    print(
        f"\nthe {mb} MB line's import: {summary['big_import_over_baseline_mb']} MB over the "
        f"baseline of {base} MB; nested spans, time of 50,000 / 25,000: "
        f"{summary['nested_time_ratio_50k_to_25k']}"
    )


if __name__ == "__main__":
    main()
