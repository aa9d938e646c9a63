"""The self-contained bundle, as a user gets it: built by resources/packaging/build.py once
for the session, unpacked into an empty folder, run with nothing of this machine's Python
(no venv on PATH, no PYTHONPATH, HOME in a temporary folder).

The window under Xvfb opens on a new seeded library in the desktop's language, imports the
page named on its command line and its background analysis (a process of the bundle's own
executable) stores the page's keywords; the ``阅报 Reader`` launcher a file manager
double-clicks opens it too; the command line imports every format, searches and converts;
the desktop entry and metainfo it installs are valid and start the unpacked copy; the
unpacked folder keeps to its size.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from saved_pages import mhtml, webarchive
from xsession import WAIT, quit_window, reader_windows, wait_for, window_title

from reader import APP_ID, __version__

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
PAGES = DATA / "pages"
WEBPAGES = DATA / "web" / "pages"
NAME = f"reader-{__version__}-linux-x86_64"
LAUNCHER = "阅报 Reader"
MAX_UNPACKED = 120_000_000  # bytes, the target (README: what the bundle's MB are)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not sys.platform.startswith("linux")
        or not all(shutil.which(tool) for tool in ("objdump", "as", "ld")),
        reason="the Linux bundle is built on Linux with binutils (objdump, as, ld)",
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The unpacked bundle's executable, built once for these tests."""
    work = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "resources" / "packaging" / "build.py"),
            "--work",
            str(work / "work"),
            "--out",
            str(work / "dist"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    archive = Path(done.stdout.splitlines()[-1])
    assert archive == work / "dist" / f"{NAME}.tar.gz"
    with tarfile.open(archive) as tar:  # one folder, as other tools expect
        assert {m.name.split("/")[0] for m in tar.getmembers()} == {NAME}
        launcher = tar.getmember(f"{NAME}/{LAUNCHER}")
        assert launcher.isfile() and launcher.mode & 0o111  # runnable once unpacked
    unpacked = work / "unpacked"  # an empty folder
    unpacked.mkdir()
    subprocess.run(["tar", "-xzf", str(archive), "-C", str(unpacked)], check=True)
    shutil.rmtree(work / "work")  # the bundle runs from the unpacked copy alone
    yield unpacked / NAME / "reader"


def test_the_unpacked_folder_keeps_to_its_size(bundle: Path) -> None:
    files = [p for p in bundle.parent.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    largest = sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:15]
    listing = "\n".join(
        f"{p.stat().st_size / 1e6:6.1f} MB {p.relative_to(bundle.parent)}" for p in largest
    )
    assert size <= MAX_UNPACKED, f"{size / 1e6:.1f} MB unpacked; the largest files:\n{listing}"


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A user's environment with no Python of ours in it."""
    return {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", **extra}


def run(
    bundle: Path, home: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(bundle), *args],
        input=stdin,
        env=clean_env(home, LANG="C.UTF-8"),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=WAIT * 2,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "user"  # not conftest's home: nothing made in it beforehand
    folder.mkdir()
    return folder


def library_file(home: Path) -> Path:
    return home / ".local" / "share" / "yuebao-reader" / "library.sqlite3"  # platformdirs'


def listed(bundle: Path, home: Path) -> list[dict]:
    """The library's articles as the bundle's command line lists them."""
    if not library_file(home).exists():
        return []
    return json.loads(run(bundle, home, "list", "--json").stdout or "[]")


def analysed(home: Path, article_id: int) -> bool:
    conn = sqlite3.connect(f"file:{library_file(home)}?mode=ro", uri=True)
    try:
        query = "SELECT count(*) FROM keywords WHERE article_id = ?"
        return conn.execute(query, (article_id,)).fetchone()[0] > 0
    finally:
        conn.close()


@contextmanager
def window(argv: list[str], home: Path, env: dict[str, str]) -> Iterator[subprocess.Popen]:
    """The app started as a launcher starts it, its one window shown; closed as a session
    ends (SIGTERM), which it must survive cleanly."""
    app = subprocess.Popen(
        argv, cwd=home, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for("its window", lambda: len(reader_windows(env)) == 1, app)
        yield app
    finally:
        errors = quit_window(app)
    assert app.returncode == 0, errors
    assert "Traceback" not in errors


def test_the_window_opens_imports_the_page_and_its_keywords_come(
    bundle: Path, display: str, home: Path
) -> None:
    page = home / "北京.txt"
    shutil.copy(PAGES / "beijing_dateline.txt", page)
    expected = json.loads((PAGES / "beijing_dateline.expected.json").read_text("utf-8"))
    env = clean_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="zh_TW.UTF-8")

    with window([str(bundle), page.name], home, env) as app:
        # The interface in the desktop's language: the bundle carries its translations.
        assert window_title(env, reader_windows(env)[0]).startswith("閱報")
        wanted = {a["title"] for a in expected if a["title"]}
        wait_for(
            "the page's articles",
            lambda: wanted <= {a["title"] for a in listed(bundle, home)},
            app,
        )
        articles = listed(bundle, home)
        assert any(a["source"] == str(page) for a in articles)
        assert any(a["source"] != str(page) for a in articles)  # the seed: a new library
        first = next(a for a in articles if a["source"] == str(page))
        wait_for("the page's keywords", lambda: analysed(home, first["id"]), app)
    words = json.loads(run(bundle, home, "keywords", str(first["id"]), "--json").stdout)
    assert len(words) >= 5


def test_the_launcher_a_file_manager_double_clicks_opens_the_window(
    bundle: Path, display: str, home: Path
) -> None:
    """A file manager runs ``阅报 Reader`` by its full path from a folder of its own
    choosing, with no arguments; the window opens on a new library."""
    launcher = bundle.with_name(LAUNCHER)
    env = clean_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="zh_CN.UTF-8")
    with window([str(launcher)], home, env) as app:
        assert window_title(env, reader_windows(env)[0]) == "阅报 Reader"
        wait_for("the seeded library", lambda: bool(listed(bundle, home)), app)


def test_the_window_opens_under_wayland(bundle: Path, home: Path, wayland: dict[str, str]) -> None:
    """Qt's Wayland platform and shell from the bundle (its OpenGL buffer plugins left out:
    the widgets draw into shared memory). The start-up benchmark's hook ends the app once
    its window has painted."""
    env = clean_env(
        home, QT_QPA_PLATFORM="wayland", READER_EXIT_WHEN_SHOWN="1", LANG="C.UTF-8", **wayland
    )
    done = subprocess.run(
        [str(bundle)], cwd=home, env=env, capture_output=True, text=True, timeout=WAIT * 2
    )
    assert done.returncode == 0, done.stderr
    assert any(line.startswith("shown ") for line in done.stdout.splitlines()), done.stderr
    assert "Traceback" not in done.stderr


def test_the_command_line_imports_every_format_searches_and_converts(
    bundle: Path, home: Path
) -> None:
    folder = home / "pages"
    folder.mkdir()
    shutil.copy(PAGES / "taiwan_big5.txt", folder / "big5.txt")
    shutil.copy(PAGES / "interleaved_utf16.txt", folder / "utf16.txt")
    shutil.copy(WEBPAGES / "newspaper4k__chinese_article_001.html", folder / "page.html")
    xinhua = (WEBPAGES / "trafilatura__archive.org.he.xinhuanet.com.25340717.html").read_bytes()
    (folder / "page.mhtml").write_bytes(
        mhtml(xinhua, "http://www.he.xinhuanet.com/a.htm", "gb2312")
    )
    gmw = (WEBPAGES / "readability__gmw.html").read_bytes()
    (folder / "page.webarchive").write_bytes(webarchive(gmw, "https://www.gmw.cn/a.html", "utf-8"))
    (folder / "note.md").write_text("# 软件发展纪要\n\n今年软件产业继续发展，出口增长。\n", "utf-8")
    done = run(bundle, home, "import", str(folder), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    sources = {Path(a["source"]).name for a in report["articles"]}
    assert sources == {
        "big5.txt",
        "utf16.txt",
        "page.html",
        "page.mhtml",
        "page.webarchive",
        "note.md",
    }

    found = json.loads(run(bundle, home, "search", "發展", "--json").stdout)
    assert any(hit["title"] == "软件发展纪要" for hit in found)  # either script finds it
    converted = run(bundle, home, "convert", "--config", "s2twp", stdin="发展软件，打印机\n")
    assert (converted.returncode, converted.stdout) == (0, "發展軟體，印表機\n")

    # The window's other processes, started the bundle's way, answer too.
    segmenter = run(
        bundle,
        home,
        "--run-module",
        "reader.core.segment_server",
        stdin=json.dumps({"text": "发展中国家"}) + "\n",
    )
    assert segmenter.returncode == 0 and '"ready": true' in segmenter.stdout
    refresh = run(
        bundle, home, "--run-module", "reader.feed_refresh", str(library_file(home).parent)
    )
    assert refresh.returncode == 0, refresh.stderr


def test_the_programs_it_starts_get_the_users_library_path_not_the_bundles(
    bundle: Path, home: Path
) -> None:
    """espeak-ng and the desktop's cache tools are the machine's programs: given the
    bundle's library folder on their path, they would load its libraries (its zlib,
    OpenSSL, Qt) in place of their own. Here the cache tool records the path it got."""
    tools = home / "bin"
    tools.mkdir()
    seen = home / "seen"
    tool = tools / "update-desktop-database"
    tool.write_text(f'#!/bin/sh\nprintf %s "${{LD_LIBRARY_PATH-unset}}" > "{seen}"\n')
    tool.chmod(0o755)
    for users in ({}, {"LD_LIBRARY_PATH": "/opt/their-libs"}):
        env = clean_env(home, PATH=f"{tools}:/usr/bin:/bin", **users)
        done = subprocess.run(
            [str(bundle), "--install-desktop"],
            env=env,
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
        assert done.returncode == 0, done.stderr
        assert seen.read_text() == users.get("LD_LIBRARY_PATH", "unset")


def test_the_desktop_entry_points_at_the_unpacked_copy(bundle: Path, home: Path) -> None:
    tools = ("desktop-file-validate", "appstreamcli")
    if not all(shutil.which(tool) for tool in tools):
        pytest.skip(
            "needs desktop-file-validate and appstreamcli (Debian: desktop-file-utils, appstream)"
        )
    # Asked through the launcher, the entry still names the executable itself.
    done = run(bundle.with_name(LAUNCHER), home, "--install-desktop")
    assert done.returncode == 0, done.stderr
    share = home / ".local" / "share"
    entry = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert {f"installed {entry}", f"installed {metainfo}"} <= set(done.stdout.splitlines())
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    problems = [line for line in checked.stdout.splitlines() if "hint:" not in line]
    assert checked.returncode == 0 and not problems, checked.stdout
    checked = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    problems = [line for line in checked.stdout.splitlines() if line.strip()[:2] in ("E:", "W:")]
    assert checked.returncode == 0 and not problems, checked.stdout
    lines = entry.read_text("utf-8").splitlines()
    assert f"TryExec={bundle}" in lines
    assert f"Exec={bundle} %U" in lines
    assert run(bundle, home, "--uninstall-desktop").returncode == 0
    assert not entry.exists() and not metainfo.exists()
