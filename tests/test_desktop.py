"""The desktop entry and icons: valid, installed for the user, removed again, launchable."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader import APP_ID, __version__, desktop

REPO = Path(__file__).resolve().parents[1]
ENTRY = REPO / "resources" / f"{APP_ID}.desktop"
SIZES = (16, 32, 48, 64, 128, 256)
validator = shutil.which("desktop-file-validate")
needs_validator = pytest.mark.skipif(
    validator is None, reason="desktop-file-validate missing (Debian: desktop-file-utils)"
)


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name[zh_TW]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def validate(path: Path) -> None:
    done = subprocess.run([validator, str(path)], capture_output=True, text=True)
    # Errors and warnings both fail; hints (advice) are allowed.
    problems = [line for line in done.stdout.splitlines() if "hint:" not in line]
    assert done.returncode == 0 and not problems, done.stdout + done.stderr


def exec_argv(entry: dict[str, str]) -> list[str]:
    """Exec split as the Desktop Entry spec says a launcher must; field codes dropped."""
    value = entry["Exec"].replace("\\\\", "\\")  # the string escape first
    args: list[str] = []
    current: list[str] | None = None
    chars = iter(value)
    for c in chars:
        if c == " ":
            if current is not None:
                args.append("".join(current))
            current = None
        elif c == '"':
            current = current or []
            for q in chars:
                if q == "\\":
                    current.append(next(chars))  # quoted: a backslash escapes one char
                elif q == '"':
                    break
                else:
                    current.append(q)
        else:
            current = [*(current or []), c]
    if current is not None:
        args.append("".join(current))
    return [a.replace("%%", "%") for a in args if a != "%U"]


def expected_files(home: Path) -> set[Path]:
    icons = home / "icons" / "hicolor"
    return {
        home / "applications" / f"{APP_ID}.desktop",
        home / "metainfo" / f"{APP_ID}.metainfo.xml",
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        *(icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in SIZES),
    }


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def run_reader(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@needs_validator
def test_bundled_entry_passes_desktop_file_validate() -> None:
    validate(ENTRY)


def test_entry_names_the_app_in_three_scripts_and_opens_text_and_html() -> None:
    entry = read_entry(ENTRY)
    assert entry["Name"] == "阅报 Reader"
    assert entry["Name[zh_CN]"] == "阅报"
    assert entry["Name[zh_TW]"] == "閱報"
    assert {"Comment", "Comment[zh_CN]", "Comment[zh_TW]", "Keywords"} <= entry.keys()
    # %U: files (as paths or file:// URLs) and reader:// links to a passage.
    assert entry["Exec"] == "reader %U"
    assert entry["Icon"] == APP_ID
    types = set(entry["MimeType"].strip(";").split(";"))
    assert {"text/plain", "text/html", "x-scheme-handler/reader"} <= types
    assert {"text/markdown", "application/x-mimearchive"} <= types  # .md, .mhtml/.mht


METAINFO = REPO / "resources" / f"{APP_ID}.metainfo.xml"
needs_appstreamcli = pytest.mark.skipif(
    shutil.which("appstreamcli") is None, reason="appstreamcli missing (Debian: appstream)"
)


def appstream_validate(*args: str) -> None:
    done = subprocess.run(["appstreamcli", *args], capture_output=True, text=True)
    # Errors and warnings fail; infos (tags newer than this appstreamcli) are allowed.
    problems = [line for line in done.stdout.splitlines() if line.strip()[:2] in ("E:", "W:")]
    assert done.returncode == 0 and not problems, done.stdout + done.stderr


@needs_appstreamcli
def test_appstream_metainfo_passes_appstreamcli_validate() -> None:
    appstream_validate("validate", "--no-net", str(METAINFO))


@needs_appstreamcli
def test_installed_metainfo_finds_its_entry_and_icons(tmp_path: Path) -> None:
    """What a software centre reads: the installed files, checked as one tree (the entry
    its <launchable> names must be there, and its icon)."""
    home = tmp_path / "root" / "usr" / "share"  # validate-tree reads a prefix's usr/share
    desktop.install(home, update_caches=False)
    appstream_validate("validate-tree", "--no-net", str(tmp_path / "root"))
    (home / "applications" / f"{APP_ID}.desktop").unlink()
    with pytest.raises(AssertionError, match="desktop-file-not-found"):
        appstream_validate("validate-tree", "--no-net", str(tmp_path / "root"))


def test_appstream_metainfo_agrees_with_the_entry_and_the_version() -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == ENTRY.name
    assert root.find("releases/release").get("version") == __version__  # the newest first
    entry = read_entry(ENTRY)
    opened = set(entry["MimeType"].strip(";").split(";"))
    assert {m.text for m in root.iter("mediatype")} == opened - {"x-scheme-handler/reader"}
    assert {c.text for c in root.iter("category")} == set(entry["Categories"].strip(";").split(";"))


def test_icons_are_shipped_at_every_size() -> None:
    icons = REPO / "resources" / "icons"
    assert (icons / "reader.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for n in SIZES:
        png = (icons / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (width, height) == (n, n)


def test_install_then_uninstall_leaves_exactly_the_files_then_none(tmp_path: Path) -> None:
    home = tmp_path / "share"
    written = desktop.install(home, update_caches=False)
    assert set(written) == expected_files(home) == files_under(home)
    svg = home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (REPO / "resources" / "icons" / "reader.svg").read_bytes()
    assert (home / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()

    removed = desktop.uninstall(home, update_caches=False)
    assert set(removed) == expected_files(home)
    assert files_under(home) == set()
    assert desktop.uninstall(home, update_caches=False) == []  # twice is harmless


def test_install_goes_to_xdg_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert desktop.data_home() == tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")  # the spec says: ignore it
    assert desktop.data_home() == Path.home() / ".local" / "share"


@needs_validator
def test_installed_entry_is_valid_and_its_exec_starts_this_reader(tmp_path: Path) -> None:
    home = tmp_path / "share"
    desktop.install(home, update_caches=False)
    installed = home / "applications" / f"{APP_ID}.desktop"
    validate(installed)
    entry = read_entry(installed)
    argv = exec_argv(entry)
    assert Path(argv[0]).is_absolute() and os.access(argv[0], os.X_OK)
    assert entry["TryExec"] == argv[0]
    done = subprocess.run([*argv, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == f"reader {__version__}"


def test_a_library_folder_with_spaces_survives_exec_quoting(tmp_path: Path) -> None:
    home = tmp_path / "share"
    library = tmp_path / "my papers $HOME 报"
    desktop.install(home, data_dir=library, update_caches=False)
    argv = exec_argv(read_entry(home / "applications" / f"{APP_ID}.desktop"))
    assert argv[-2:] == ["--data-dir", str(library)]
    env = {**os.environ, "READER_NO_SEED": "1"}
    done = subprocess.run([*argv, "list"], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert (library / "library.sqlite3").exists()


def test_without_a_reader_script_exec_falls_back_to_python_m_reader(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    python = tmp_path / "bin" / "python3"
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "reader" / "__main__.py")])
    monkeypatch.setattr(sys, "executable", str(python))
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert desktop.reader_command() == [str(python), "-m", "reader"]


def test_exec_arguments_are_quoted_per_the_spec() -> None:
    assert desktop.exec_arg("/usr/bin/reader") == "/usr/bin/reader"
    assert desktop.exec_arg("/a b/100%") == '"/a b/100%%"'
    assert desktop.exec_arg('/x/"$y"') == r'"/x/\\"\\$y\\""'


def test_cli_installs_and_uninstalls_printing_each_file() -> None:
    home = Path(os.environ["XDG_DATA_HOME"])  # the test's own, from conftest
    done = run_reader("--install-desktop")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"installed {p}" for p in desktop.installed_files(home)]
    assert expected_files(home) <= files_under(home)
    if shutil.which("update-desktop-database"):
        # What "Open with" reads: our entry handles plain text and HTML.
        cache = (home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"text/plain={APP_ID}.desktop;" in cache
        assert f"text/html={APP_ID}.desktop;" in cache

    done = run_reader("--uninstall-desktop")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"removed {p}" for p in desktop.installed_files(home)]
    assert not any(APP_ID in p.name for p in files_under(home))
    cache = home / "applications" / "mimeinfo.cache"
    assert not cache.exists() or APP_ID not in cache.read_text(encoding="utf-8")


def test_cli_install_refuses_files_with_one_line() -> None:
    done = run_reader("--install-desktop", "page.txt")
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and "take no files" in done.stderr
