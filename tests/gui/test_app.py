"""Starting the app as a user does: a new library seeds after the window paints."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.gui import app


def test_first_launch_seeds_the_library_in_the_background(qtbot, tmp_path: Path) -> None:
    window = app.start(str(tmp_path / "fresh"), [])
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10_000)
    assert window.reading_pane.record is not None
    assert not window.library.needs_seed()


def test_files_on_the_command_line_are_imported_and_shown(qtbot, tmp_path: Path) -> None:
    page = tmp_path / "晚报.txt"
    page.write_text(
        "菜篮子价格平稳\n\n本报讯 本周全市主要蔬菜价格保持平稳,供应充足。\n", encoding="utf-8"
    )
    window = app.start(str(tmp_path / "lib"), [str(page)])
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: (
            window.reading_pane.record is not None
            and window.reading_pane.record.title == "菜篮子价格平稳"
        ),
        timeout=10_000,
    )


def test_damaged_library_is_reported_in_a_dialog_and_kept(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite3").write_bytes(b"\x00garbage" * 100)
    assert app.start(str(folder), []) is None
    assert len(shown) == 1 and "not a Reader library" in shown[0]
    assert (folder / "library.sqlite3").read_bytes() == b"\x00garbage" * 100
