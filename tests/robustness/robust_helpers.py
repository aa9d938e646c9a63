"""Shared by the robustness tests: generated pages, real CLI processes, library checks."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

CITIES = [
    "北京",
    "上海",
    "广州",
    "深圳",
    "杭州",
    "南京",
    "武汉",
    "成都",
    "西安",
    "重庆",
    "天津",
    "苏州",
]
TOPICS = [
    "菜篮子价格平稳",
    "地铁新线开通",
    "社区医院扩建",
    "老旧小区改造",
    "公园免费开放",
    "图书馆延长开放",
]
ARTICLES_PER_PAGE = 4


def page_text(n: int, tag: str = "") -> str:
    """A small newspaper page of ARTICLES_PER_PAGE distinct articles (distinct per n, tag)."""
    out = []
    for k in range(ARTICLES_PER_PAGE):
        city = CITIES[(n + k) % len(CITIES)]
        topic = TOPICS[(n * 3 + k) % len(TOPICS)]
        out.append(
            f"{city}{topic}（{tag}第{n}期第{k}篇）\n\n"
            f"本报讯 记者从{city}市有关部门获悉，{topic}工作进展顺利，{tag}第{n}期第{k}篇报道。"
            "市民普遍表示满意，相关部门将继续做好后续工作。\n\n"
            f"据介绍，{city}今年以来共完成项目{n * 7 + k}个，惠及居民{n * 100 + k}户。\n"
        )
    return "\n\n".join(out)


def write_pages(folder: Path, count: int, tag: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"page_{n:04d}.txt").write_text(page_text(n, tag), encoding="utf-8")
    return folder


def reader_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", *args]


def child_env(data_dir: Path, *, seed: bool = False) -> dict[str, str]:
    env = dict(os.environ, READER_DATA_DIR=str(data_dir))
    if seed:
        env.pop("READER_NO_SEED", None)
    else:
        env["READER_NO_SEED"] = "1"
    return env


@dataclass
class Done:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


def run_reader(
    data_dir: Path, *args: str, seed: bool = False, timeout: float = 60, stdin: str | None = None
) -> Done:
    done = subprocess.run(
        reader_cmd(*args),
        env=child_env(data_dir, seed=seed),
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
    )
    return Done(done.returncode, done.stdout, done.stderr)


def start_reader(data_dir: Path, *args: str, seed: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        reader_cmd(*args),
        env=child_env(data_dir, seed=seed),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(proc: subprocess.Popen[str]) -> None:
    """Kill (if still running) and reap a child, whatever the test did."""
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=30)


def assert_consistent(db_file: Path) -> None:
    """The library file passes SQLite's own checks (run on a separate, plain connection)."""
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def article_digests(db_file: Path) -> dict[int, tuple[str, str]]:
    """id → (title, body) of every stored article."""
    conn = sqlite3.connect(db_file)
    try:
        return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, title, body FROM articles")}
    finally:
        conn.close()


def one_line_errors(err: str, sources: Sequence[str] = ()) -> list[str]:
    """stderr lines of a failed command, checked to be the contract's one-liners."""
    assert "Traceback" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert all(ln.startswith("reader: ") for ln in lines), err
    for source in sources:
        assert sum(source in ln for ln in lines) == 1, (source, err)
    return lines


# -- permissions: root ignores them, so such tests run the CLI without root's privileges -----


def drop_privileges() -> None:
    """A subprocess preexec_fn: when root, keep the user id but lose every capability, for
    good (the securebits "noroot": the program executed gains none). File permissions then
    apply to the child as to any user: a read-only file cannot be written, even its own.
    A no-op for an ordinary user, for whom they apply anyway."""
    if os.geteuid() != 0:
        return
    import ctypes

    pr_set_securebits, noroot, noroot_locked = 28, 1 << 0, 1 << 1
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(pr_set_securebits, noroot | noroot_locked, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "cannot drop root's privileges")


def run_reader_unprivileged(data_dir: Path, *args: str, timeout: float = 60) -> Done:
    """run_reader without root's privileges (see drop_privileges)."""
    done = subprocess.run(
        reader_cmd(*args),
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=drop_privileges,
    )
    return Done(done.returncode, done.stdout, done.stderr)


# The CLI in a child that reports its own peak memory. VmHWM belongs to the new process
# image; ru_maxrss from wait4 is not usable, as exec after vfork carries over the peak of
# the (large) pytest process.
PEAK_MEMORY_WRAPPER = """
import sys
from reader.cli import main
try:
    code = main(sys.argv[1:])
finally:
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    print("peak_kb", peak, file=sys.stderr)
sys.exit(code)
"""


def run_measured(
    data_dir: Path, *args: str, timeout: float = 120, stdin: Path | None = None
) -> tuple[Done, int]:
    """run_reader in a child that measures itself: (what it did, its peak memory in KB),
    its input read from ``stdin`` if given. The peak_kb line is taken out of ``err``."""
    with open(stdin or os.devnull, "rb") as given:
        done = subprocess.run(
            [sys.executable, "-c", PEAK_MEMORY_WRAPPER, *args],
            env=child_env(data_dir),
            stdin=given,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    err, _, peak = done.stderr.rpartition("peak_kb ")
    return Done(done.returncode, done.stdout, err), int(peak.split()[0])
