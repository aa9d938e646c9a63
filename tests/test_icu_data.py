"""The bundle's cut-down ICU data (resources/packaging/icu_data.py): written as ICU writes a
package, and Qt, loading it instead of the wheel's whole data, sorts file names, maps case
and breaks Chinese lines exactly as before, in the interface's three languages."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import PySide6
import pytest

REPO = Path(__file__).resolve().parents[1]
WHEEL_LIBS = Path(PySide6.__file__).parent / "Qt" / "lib"
FULL = next(iter(sorted(WHEEL_LIBS.glob("libicudata.so.*"))), None)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux")
    or FULL is None
    or not all(shutil.which(tool) for tool in ("objdump", "as", "ld")),
    reason="Linux's PySide6 wheel carries ICU; trimming it needs binutils (objdump, as, ld)",
)


def icu_data() -> ModuleType:
    """The build tool (a script of resources/packaging, not a package)."""
    spec = importlib.util.spec_from_file_location(
        "icu_data", REPO / "resources" / "packaging" / "icu_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def trimmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the trimmed library under the wheel's name."""
    assert FULL is not None
    folder = tmp_path_factory.mktemp("icu")
    before, after = icu_data().trimmed_library(FULL, folder / FULL.name)
    assert after < before / 5  # what the cut is for
    return folder


# What Qt asks of ICU in the app: the file dialogs sort names with QCollator (numbers by
# value), QLocale maps case; and lines of Chinese text broken by Qt's own rules.
PROBE = r"""
import json, sys
from pathlib import Path
from types import ModuleType
from PySide6.QtCore import QCollator, QLocale
from PySide6.QtGui import QFont, QGuiApplication, QTextLayout

app = QGuiApplication([])
names = ["张三.txt", "李四.txt", "阿五.txt", "赵六.txt", "報紙.txt", "file10.txt", "file9.txt",
         "File2.txt", "Éclair.txt", "eclair.txt", "ｆｕｌｌ.txt", "3月.txt", "十月.txt"]
found = {"loaded": [l.split()[-1] for l in Path("/proc/self/maps").read_text().splitlines()
                    if "libicudata" in l][:1]}
for name in ("zh_CN", "zh_TW", "zh_HK", "en_US", "C"):
    collator = QCollator(QLocale(name))
    collator.setNumericMode(True)
    found[name] = sorted(names, key=collator.sortKey)
found["upper"] = [QLocale(n).toUpper("istanbul ǆ ß") for n in ("tr_TR", "en_US", "zh_CN")]
found["lower"] = [QLocale(n).toLower("İSTANBUL ΣΑΣ") for n in ("tr_TR", "el_GR", "zh_CN")]
text = ("新华社北京3月10日电（记者张三）国务院新闻办公室今天发表白皮书，全面介绍中国的发展成就。"
        "“我们将继续推进改革开放，”他说：“这是必然的选择！”English words stay whole here, "
        "and so do numbers like 2020-03-10 and 12.5%。")
layout = QTextLayout(text, QFont("WenQuanYi Micro Hei", 12))
layout.beginLayout()
lines = []
while (line := layout.createLine()).isValid():
    line.setLineWidth(180)
    lines.append(text[line.textStart():line.textStart() + line.textLength()])
layout.endLayout()
found["lines"] = lines
print(json.dumps(found, ensure_ascii=False))
"""


def probe(library_dir: Path | None) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if library_dir is not None:  # found before the wheel's own folder (its RUNPATH)
        env["LD_LIBRARY_PATH"] = str(library_dir)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_qt_on_the_trimmed_data_sorts_maps_case_and_breaks_lines_as_on_the_whole(
    trimmed: Path,
) -> None:
    whole, small = probe(None), probe(trimmed)
    assert whole.pop("loaded") == [str(FULL)]
    assert small.pop("loaded") == [str(trimmed / FULL.name)]
    assert small == whole
    # The Chinese collations are there (not the root order's fallback): pinyin for the
    # mainland, strokes for Taiwan.
    assert small["zh_CN"] != small["zh_TW"]
    assert small["zh_CN"].index("阿五.txt") < small["zh_CN"].index("张三.txt")
    assert small["zh_CN"].index("file9.txt") < small["zh_CN"].index("file10.txt")
    # No line of Chinese begins with closing punctuation.
    assert len(small["lines"]) > 3
    assert not any(line[0] in "，。、：；！？”）" for line in small["lines"][1:])


def test_a_package_is_written_back_as_icu_wrote_it() -> None:
    assert FULL is not None
    tool = icu_data()
    _, blob = tool.package_of(FULL)
    header, _, items = tool.read_package(blob)
    assert tool.write_package(header, items) == blob


@pytest.mark.skipif(shutil.which("icupkg") is None, reason="icupkg (Debian: icu-devtools)")
def test_icus_own_tool_finds_every_item_the_kept_ones_depend_on(trimmed: Path) -> None:
    tool = icu_data()
    _, blob = tool.package_of(trimmed / FULL.name)
    _, prefix, items = tool.read_package(blob)
    package = trimmed / f"{prefix}.dat"  # icupkg wants the package's own name
    package.write_bytes(blob)
    done = subprocess.run(["icupkg", "-l", str(package)], capture_output=True, text=True)
    assert done.returncode == 0 and "missing" not in done.stderr, done.stderr
    listed = done.stdout.split()
    assert listed == [name.removeprefix(prefix + "/") for name, _ in items]
    assert {"coll/zh.res", "coll/ucadata.icu", "zh_Hant_TW.res", "cnvalias.icu"} <= set(listed)
