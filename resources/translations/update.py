"""Refresh the interface translations: python resources/translations/update.py [--check]

1. pyside6-lupdate collects every self.tr(...), QCoreApplication.translate(...) and
   QT_TRANSLATE_NOOP(...) string in reader/gui (and qt_gaps.py) into reader_en.ts,
   reader_zh_TW.ts and reader_zh_CN.ts.
2. The Chinese files are generated, never edited by hand. The source strings are simplified
   Chinese, so reader_zh_CN.ts only carries qt_gaps.py (Qt's own dialog strings its Chinese
   translation misses). In reader_zh_TW.ts each string goes through the project's own OpenCC
   converter (s2twp: Taiwan characters and terms, 文件 → 檔案), with the phrase fixes in
   UI_PHRASES for the terms s2twp gets wrong in an interface. Fix a poor choice by adding a
   phrase there, not by editing the .ts.
3. reader_en.ts keeps its hand-written English. New or changed strings arrive marked
   unfinished and are listed; translate them in pyside6-linguist or a text editor (remove
   ``type="unfinished"``), then run this again.
4. pyside6-lrelease compiles each to .qm, shipped beside them (package reader.resources);
   translations equal to their source are left out of the .qm.

--check changes nothing: it exits 1 and says why when a string in the code is missing from a
.ts, an English translation is unfinished or drops a placeholder, reader_zh_TW.ts differs
from what the converter makes, or a .qm translates anything otherwise than its .ts says.
The test suite runs it (tests/gui/test_i18n.py).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCE_DIR = ROOT / "reader" / "gui"
SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "zh_TW", "en")
GENERATED = ("zh_CN", "zh_TW")
CONFIG = "s2twp"  # Taiwan characters and Taiwan software terms (檔案, 設定, 列印, 預設)

# Interface phrases s2twp converts badly, with what a Taiwan/Hong Kong reader expects.
UI_PHRASES: dict[str, str] = {
    "台湾": "台灣",  # s2twp: 臺灣 (official); 台灣 in everyday interfaces
    "查找": "尋找",  # find in page; s2twp: 查詢 (a query)
    "工具栏": "工具列",
    "帮助": "說明",  # the Help menu
    "退出": "結束",  # Quit
    "撤销": "復原",  # Undo; s2twp: 撤銷 (revoke)
    "像素": "像素",  # s2twp: 畫素 (a camera's pixels)
    "字号": "字型大小",  # s2twp: 字號 (a shop's name)
    "纯文本": "純文字",
    "报纸文本": "報紙文字",
    "选中": "選取",  # select (text); s2twp: 選中 (chosen, as in a lottery)
    "当前列表": "目前清單",
    "回收站": "資源回收筒",
}

# lupdate reads the sources as the locale's encoding says: make it UTF-8 whatever the shell's.
TOOL_ENV = {**os.environ, "LC_ALL": "C.UTF-8"}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n")


def tool(name: str) -> str:
    """lupdate / lrelease from the PySide6 wheel, else from PATH."""
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.exists():
        return str(bundled)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"update.py: {name} not found (install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    code = sorted(SOURCE_DIR.rglob("*.py"))
    return [str(p.relative_to(ROOT)) for p in (*code, HERE / "qt_gaps.py")]


def qt_gaps() -> dict[tuple[str, str], dict[str, str]]:
    """(context, Qt's English) → {language: translation} from qt_gaps.py."""
    sys.path.insert(0, str(HERE))
    from qt_gaps import QT_GAPS

    return {(c, e): {"zh_CN": cn, "zh_TW": tw, "en": e} for c, e, cn, tw in QT_GAPS}


def ts_path(folder: Path, language: str) -> Path:
    return folder / f"reader_{language}.ts"


def lupdate(ts: Path, language: str) -> None:
    subprocess.run(
        [
            tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            language,
            *sources(),
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        env=TOOL_ENV,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", "-removeidentical", str(ts), "-qm", str(qm)],
        env=TOOL_ENV,
        check=True,
    )


def to_traditional(text: str) -> str:
    sys.path.insert(0, str(ROOT))  # the checkout's reader, installed or not
    from reader.core import scripts

    return scripts.convert(text, CONFIG, user_phrases=UI_PHRASES)


def fill(ts: Path, language: str) -> None:
    """Write the generated translations: Qt's gaps from qt_gaps.py in every language, and
    every message of a Chinese file (the source for 简体, the converter's for 繁體)."""
    gaps = qt_gaps()
    tree = ET.parse(ts)
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if (name, source) in gaps:
                text = gaps[name, source][language]
            elif language == SOURCE_LANGUAGE:
                text = source
            elif language in GENERATED:
                text = to_traditional(source)
            else:
                continue  # hand-written
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":  # Chinese has one plural form
                for form in list(translation):
                    translation.remove(form)
                ET.SubElement(translation, "numerusform").text = text
                translation.text = None
            else:
                translation.text = text
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def problems(ts: Path) -> list[str]:
    """Unfinished messages and translations whose placeholders differ from the source's."""
    found = []
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if not name and ts.name.endswith("_en.ts"):  # tr() outside a class: never used
                found.append(
                    f"{ts.name}: {source!r} has no context: outside a class write "
                    'QCoreApplication.translate("Context", ...)'
                )
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                found.append(f"{ts.name}: untranslated [{name}] {source!r}")
                continue
            forms = [f.text or "" for f in translation] or [translation.text or ""]
            wanted = sorted(PLACEHOLDER.findall(source))
            for form in forms:
                if not form.strip():
                    found.append(f"{ts.name}: empty translation [{name}] {source!r}")
                elif sorted(PLACEHOLDER.findall(form)) != wanted and not (
                    # an English singular may spell out the count ("one article")
                    wanted == ["%n"] and form is forms[0] and len(forms) > 1
                ):
                    found.append(f"{ts.name}: placeholders differ [{name}] {source!r} → {form!r}")
    return found


def refresh(folder: Path) -> None:
    """Bring the .ts files in ``folder`` up to date with the code."""
    for language in LANGUAGES:
        ts = ts_path(folder, language)
        lupdate(ts, language)
        fill(ts, language)
        lupdate(ts, language)  # back into lupdate's own layout


def update() -> int:
    refresh(HERE)
    for language in LANGUAGES:
        ts = ts_path(HERE, language)
        lrelease(ts, ts.with_suffix(".qm"))
    todo = [p for language in LANGUAGES for p in problems(ts_path(HERE, language))]
    for line in todo:
        print(line)
    if todo:
        print(f"{len(todo)} to fix in resources/translations; then run this again.")
    return 1 if todo else 0


Key = tuple[str, str, str]  # context, source, disambiguation


def messages(ts: Path) -> dict[Key, tuple[bool, bool, tuple[str, ...]]]:
    """What a .ts says, whatever lupdate's layout: key → (finished, plural, translations);
    a plural message has a translation per form, the others one."""
    found = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            if translation is None:
                found[key] = (False, False, ())
                continue
            plural = message.get("numerus") == "yes"
            if plural:
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            found[key] = (translation.get("type") != "unfinished", plural, forms)
    return found


def compiled_wrongly(ts: Path, qm: Path) -> list[str]:
    """Messages the shipped .qm translates otherwise than the .ts says (any Qt version's
    lrelease will do: the .qm is read back, not compared byte for byte)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not qm.exists() or not translator.load(str(qm)):
        return [f"{qm.name} is missing or unreadable"]
    wrong = []
    for (context, source, comment), (finished, plural, forms) in messages(ts).items():
        if not finished:
            continue
        # A plural message's forms for one and for two of a thing (English has both,
        # Chinese one); n = -1 asks for a message without plurals.
        for n in (1, 2) if plural else (-1,):
            form = forms[min(len(forms) - 1, 0 if n < 2 else 1)]
            got = translator.translate(context, source, comment or None, n) or source
            if got != form:
                wrong.append(f"{qm.name}: [{context}] {source!r} gives {got!r}, not {form!r}")
                break
    return wrong


def check() -> int:
    """Report (exit 1) what update() would change or still needs a translator."""
    report = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for language in LANGUAGES:
            shutil.copy(ts_path(HERE, language), ts_path(fresh, language))
        refresh(fresh)
        for language in LANGUAGES:
            committed, made = ts_path(HERE, language), ts_path(fresh, language)
            if messages(committed) != messages(made):
                report.append(f"{committed.name} is not up to date with the code")
            report += problems(committed)
            report += compiled_wrongly(committed, committed.with_suffix(".qm"))
    for line in report:
        print(line)
    if report:
        print("Run: python resources/translations/update.py (and translate what it lists)")
    return 1 if report else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    return check() if args.check else update()


if __name__ == "__main__":
    sys.exit(main())
