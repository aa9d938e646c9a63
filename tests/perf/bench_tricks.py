"""What each of the app's speed tricks is worth: the app as shipped against the app with
one trick undone, side by side in the same run (not a test).

    python tests/perf/bench_tricks.py [--runs 11] [--gc-library DIR] [--json]

Start-up (fresh processes, alternating, byte-compiled, an existing library; spawn → the
window's first paint, medians; and the CPU time each process used, spawn to exit just
after that paint, which other work on the machine disturbs far less than the wall time).
Each variant undoes one trick before the app starts:

* ``pyside check``: PySide's own check of every imported module (inspect.getsource)
  instead of reading the file's bytes (reader.core.internals.faster_pyside_import_check).
* ``gc on``: the cyclic collector left on while the window is built (cli.main turns it off).
* ``QStyle``: QStyle's Python type made before the paint (themes.standard_icon reads the
  style's pictures from Qt's images; the keyword panel's delegate takes it late).
* ``shipped again``: nothing undone: the difference between two runs of the same thing,
  the noise floor the others are judged against.

The word segmenter's start (a fresh process until both engines are ready, medians):
``rjieba twice`` builds a second rjieba instance instead of reusing the one rjieba made
on import; ``jieba's cache`` initialises jieba from its own marshal cache (warm) instead
of our pickled prefix dictionary.

The window's pauses for the cyclic collector: with the window filled on a library
(``--gc-library``, else a new one of 20,000 articles built as bench_gui does), the median
time of a full ``gc.collect()`` with the start-up objects frozen (as shipped) and not.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import time_process

# Run as `reader --data-dir DIR` is, after a prelude that undoes one trick.
APP = """
import sys
{prelude}
from reader.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""

STARTUP_VARIANTS = {
    "shipped": "",
    "pyside check": "import reader.gui.pyside_imports as p; p.install = lambda: False",
    "gc on": "import gc; gc.disable = lambda: None",
    "QStyle": "from PySide6.QtWidgets import QStyle; QStyle.StandardPixmap.SP_DirIcon",
    "shipped again": "",
}

# A fresh process: the segmenter's engines loaded, as the analysis process does.
SEGMENTER = """
import sys, time
start = time.perf_counter()
{prelude}
from reader.core import segment
segment.warm_up()
print(f"ready {{time.perf_counter() - start:.6f}}", flush=True)
"""

SEGMENTER_VARIANTS = {
    "shipped": "",
    "rjieba twice": "from reader.core import internals; internals.rjieba_default = lambda: None",
    "jieba's cache": (
        "import jieba, os\n"
        "from reader.core import segment\n"
        "jieba.dt.tmp_dir = os.environ['READER_CACHE_DIR']\n"
        "def own():\n"
        "    jieba.dt.initialize()\n"
        "    return jieba.dt\n"
        "segment._load_jieba = own"
    ),
}


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def startup(
    runs: int, env: dict[str, str], folder: Path
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall times to the first paint, and CPU times, of each variant."""
    library = folder / "startup"
    argv = {
        name: [sys.executable, "-c", APP.format(prelude=prelude), str(library)]
        for name, prelude in STARTUP_VARIANTS.items()
    }
    time_process(argv["shipped"], env)  # create and seed the library outside the timing
    times: dict[str, list[float]] = {name: [] for name in argv}
    cpu: dict[str, list[float]] = {name: [] for name in argv}
    names = list(argv)
    for run in range(runs):
        # Each round starts with the next variant: whichever runs first after the round
        # before is slower (seen as a 20-50 ms gap between shipped and shipped again).
        for name in names[run % len(names) :] + names[: run % len(names)]:
            command = argv[name]
            before = children_cpu()
            times[name].append(time_process(command, env))
            cpu[name].append(children_cpu() - before)
    return times, cpu


def segmenter(runs: int, env: dict[str, str]) -> dict[str, list[float]]:
    def once(prelude: str) -> float:
        argv = [sys.executable, "-c", SEGMENTER.format(prelude=prelude)]
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
        return float(done.stdout.split()[-1])

    for prelude in SEGMENTER_VARIANTS.values():
        once(prelude)  # build each cache once, outside the timing
    times: dict[str, list[float]] = {name: [] for name in SEGMENTER_VARIANTS}
    for _ in range(runs):
        for name, prelude in SEGMENTER_VARIANTS.items():
            times[name].append(once(prelude))
    return times


def collector(library: Path, runs: int) -> dict[str, list[float]]:
    """Full collections in a window filled on `library`, frozen and not."""
    import gc

    from PySide6.QtWidgets import QApplication

    from reader.gui import app

    QApplication.instance() or QApplication([])
    window = app.start(str(library), [])
    assert window is not None
    from bench_gui import wait

    wait(window.loaded, lambda: None, timeout_ms=600_000)

    def collect() -> float:
        start = time.perf_counter()
        gc.collect()
        return time.perf_counter() - start

    times: dict[str, list[float]] = {"frozen": [], "not frozen": []}
    for _ in range(runs):
        times["frozen"].append(collect())
        gc.unfreeze()
        times["not frozen"].append(collect())
        gc.freeze()
    window.close()
    return times


def medians_ms(times: dict[str, list[float]]) -> dict[str, float]:
    return {name: round(statistics.median(values) * 1000, 1) for name, values in times.items()}


def table(title: str, medians: dict[str, float], base: str) -> str:
    lines = [title]
    for name, ms in medians.items():
        diff = "" if name == base else f"  {ms - medians[base]:+7.1f} ms"
        lines.append(f"  {name:<16}{ms:8.1f} ms{diff}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--gc-library", type=Path, help="a library to fill the window with")
    parser.add_argument("--gc-articles", type=int, default=20_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import compileall

    import reader

    compileall.compile_dir(Path(reader.__file__).parent, quiet=1)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, READER_EXIT_WHEN_SHOWN="1")
        env["READER_CACHE_DIR"] = str(folder / "cache")
        wall, cpu = startup(args.runs, env, folder)
        result = {
            "startup_ms": medians_ms(wall),
            "startup_cpu_ms": medians_ms(cpu),
            "segmenter_ms": medians_ms(segmenter(args.runs, env)),
        }
        library = args.gc_library
        if library is None:
            from bench_gui import prepare

            library = folder / "gc"
            prepare(library, args.gc_articles)
        result["full_collection_ms"] = medians_ms(collector(library, args.runs))
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.runs} alternating runs each, medians; the difference to the first line")
    print(table("start-up, spawn to first paint", result["startup_ms"], "shipped"))
    print(table("start-up, CPU time of the process", result["startup_cpu_ms"], "shipped"))
    print(table("word segmenter, spawn to ready", result["segmenter_ms"], "shipped"))
    print(table(f"a full collection, window on {library.name}", result["full_collection_ms"],
                "frozen"))  # fmt: skip
    print(json.dumps(result))


if __name__ == "__main__":
    main()
