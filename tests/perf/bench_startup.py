"""Start-up benchmark: process start → window painted, Reader against a bare PySide6 window.

Both run as fresh processes, alternating, on the same platform; each prints a
``shown <monotonic>`` line from its main window's first paint event. The
figure is the median wall time from spawn to that line, and the ratio of medians.

    python tests/perf/bench_startup.py [--runs 9] [--platform offscreen|xcb] [--json]

The Reader run uses a library that already exists (a warm second launch, the common
case) and, separately, a brand-new one (first launch, which seeds the library).

``--library DIR`` times the warm launch on that library instead (e.g. a large one made by
bench_gui.py --dir DIR), written to before each launch as a session would have (so a check
remembered for its last state does not apply); ``--baseline SRC`` also times the code in
SRC (a source tree of an earlier commit: reader/ with resources/ and seeds/ inside it, as
installed) on the same library, alternating with the others:

    git archive BASE reader resources seeds | tar -x -C SRC
    mv SRC/resources SRC/reader/resources; mv SRC/seeds SRC/reader/seeds
    python tests/perf/bench_startup.py --library DIR --baseline SRC

``--executable PATH`` also times another build of the reader the same way, in the same
alternation: the self-contained bundle's ``reader`` (resources/packaging/build.py). Given
more than once, each is timed (e.g. the bundle of this commit and of an earlier one). With
it, the command line's start is timed too (``reader --version``: process start to exit),
the pip install's against each executable's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys, time
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QSplitter, QTextBrowser

class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"shown {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv[:1])
w = Window()
s = QSplitter(Qt.Orientation.Horizontal)
s.addWidget(QListWidget()); s.addWidget(QTextBrowser())
w.setCentralWidget(s); w.menuBar().addMenu("文件"); w.statusBar().showMessage("就绪")
w.resize(1180, 760); w.show()
app.exec()
"""


def time_process(argv: list[str], env: dict[str, str]) -> float:
    start = time.monotonic()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    for line in done.stdout.splitlines():
        if line.startswith("shown "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"{argv} did not report a shown window:\n{done.stderr}")


def time_command(argv: list[str], env: dict[str, str]) -> float:
    """Process start to exit."""
    start = time.monotonic()
    subprocess.run(argv, env=env, capture_output=True, check=True, timeout=60)
    return time.monotonic() - start


def touch(library_dir: Path) -> None:
    """A write, as the last session's: the library file's state changes."""
    import sqlite3

    conn = sqlite3.connect(library_dir / "library.sqlite3")
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('bench_touch', ?)",
            (str(time.time()),),
        )
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--compile",
        action="store_true",
        help="byte-compile the reader package first, as pip does on a real install",
    )
    parser.add_argument("--library", type=Path, help="an existing library (written to first)")
    parser.add_argument("--baseline", type=Path, help="source tree of the code to compare with")
    parser.add_argument(
        "--executable",
        type=Path,
        action="append",
        default=[],
        help="also time this reader executable (the unpacked bundle's), on the same libraries;"
        " may be repeated",
    )
    args = parser.parse_args()
    if args.compile:
        import compileall

        import reader

        compileall.compile_dir(Path(reader.__file__).parent, quiet=1)

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform, READER_EXIT_WHEN_SHOWN="1")
        env["READER_CACHE_DIR"] = str(Path(tmp, "cache"))
        warm_dir = args.library or Path(tmp, "warm")
        reader = [sys.executable, "-m", "reader"]
        base_env = dict(env, PYTHONPATH=str(args.baseline.resolve())) if args.baseline else env
        # Create and seed the warm library once, outside the timing.
        time_process([*reader, "--data-dir", str(warm_dir)], env)
        others = [str(path.absolute()) for path in args.executable]
        for other in others:
            time_process([other, "--data-dir", str(warm_dir)], env)  # its first run, untimed
        bare, warm, first, base, cli = [], [], [], [], []
        other_warm: dict[str, list[float]] = {other: [] for other in others}
        other_first: dict[str, list[float]] = {other: [] for other in others}
        other_cli: dict[str, list[float]] = {other: [] for other in others}
        for i in range(args.runs):
            bare.append(time_process([sys.executable, "-c", BARE], env))
            if args.library:
                touch(warm_dir)
            warm.append(time_process([*reader, "--data-dir", str(warm_dir)], env))
            if args.baseline:
                touch(warm_dir)
                base.append(time_process([*reader, "--data-dir", str(warm_dir)], base_env))
            first.append(time_process([*reader, "--data-dir", str(Path(tmp, f"new{i}"))], env))
            for n, other in enumerate(others):
                if args.library:
                    touch(warm_dir)
                other_warm[other].append(time_process([other, "--data-dir", str(warm_dir)], env))
                new = str(Path(tmp, f"other{n}-{i}"))
                other_first[other].append(time_process([other, "--data-dir", new], env))
                other_cli[other].append(time_command([other, "--version"], env))
            if others:
                cli.append(time_command([*reader, "--version"], env))

    result = {
        "platform": args.platform,
        "compiled": args.compile,
        "runs": args.runs,
        "bare_s_median": round(statistics.median(bare), 3),
        "reader_s_median": round(statistics.median(warm), 3),
        "reader_first_launch_s_median": round(statistics.median(first), 3),
        "ratio": round(statistics.median(warm) / statistics.median(bare), 2),
        "ratio_first_launch": round(statistics.median(first) / statistics.median(bare), 2),
    }
    if base:
        result["library"] = str(args.library or "")
        result["baseline_s_median"] = round(statistics.median(base), 3)
        result["baseline_ratio"] = round(statistics.median(base) / statistics.median(bare), 2)
    executables = []
    for other in others:
        warm_s, first_s = (
            statistics.median(other_warm[other]),
            statistics.median(other_first[other]),
        )
        executables.append(
            {
                "executable": other,
                "s_median": round(warm_s, 3),
                "first_launch_s_median": round(first_s, 3),
                "ratio": round(warm_s / statistics.median(bare), 2),
                "ratio_first_launch": round(first_s / statistics.median(bare), 2),
                "cli_s_median": round(statistics.median(other_cli[other]), 3),
            }
        )
    if executables:
        result["executables"] = executables
        result["reader_cli_s_median"] = round(statistics.median(cli), 3)
    if args.json:
        print(json.dumps(result))
        return
    compiled = "byte-compiled" if args.compile else "compiling imports"
    print(f"platform {args.platform}, {compiled}, {args.runs} alternating runs each, medians")
    print(f"  bare PySide6 window      {result['bare_s_median']:.3f} s")
    print(
        f"  reader (existing library) {result['reader_s_median']:.3f} s"
        f"   ratio {result['ratio']:.2f}"
    )
    print(
        f"  reader (first launch)     {result['reader_first_launch_s_median']:.3f} s"
        f"   ratio {result['ratio_first_launch']:.2f}"
    )
    if base:
        print(
            f"  baseline (same library)   {result['baseline_s_median']:.3f} s"
            f"   ratio {result['baseline_ratio']:.2f}"
        )
    if executables:
        print(f"  reader --version          {result['reader_cli_s_median']:.3f} s")
    for timed in executables:
        print(f"  {timed['executable']}")
        print(f"    (existing library)      {timed['s_median']:.3f} s   ratio {timed['ratio']:.2f}")
        print(
            f"    (first launch)          {timed['first_launch_s_median']:.3f} s"
            f"   ratio {timed['ratio_first_launch']:.2f}"
        )
        print(f"    --version               {timed['cli_s_median']:.3f} s")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
