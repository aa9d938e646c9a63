"""PySide's check of imported modules, answered from the files: the same answers."""

from __future__ import annotations

import json
import sys

import pytest

from reader.gui import mainwindow, pyside_imports


def test_the_check_gives_pysides_answers() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide has no such check")
    before = feature._mod_uses_pyside
    slow = getattr(before, "fallback", before)
    try:
        feature._mod_uses_pyside = slow
        pyside_imports.install()
        fast = feature._mod_uses_pyside
        assert fast is not slow
        for module in (mainwindow, json, sys, pyside_imports, pytest):
            assert fast(module) == slow(module), module
        assert fast(mainwindow) and not fast(json) and not fast(sys)
    finally:
        feature._mod_uses_pyside = before
