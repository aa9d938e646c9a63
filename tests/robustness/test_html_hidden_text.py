"""Item 3 of the second round: script and style text never reaches an imported web page,
whatever tricks the markup plays (the tester's inputs as written), read as an article or
with --as-text; and a page nested thousands of tags deep with stray end tags is one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from robust_helpers import one_line_errors

from reader.cli import main

# The tester's inputs, each put before a page's real text.
TRICKS = {
    "self-closed script": ("", "<script/>steal();</script>"),
    "end tag with a space": ("", '<script>var s="</ script>"; steal()</script>'),
    "script in a script comment": ("", "<script><!--<script></script>steal()--></script>"),
    "script in the title": ("<script>steal()</script>", ""),
    "self-closed style": ("", "<style/>body{color:red} .steal{}</style>"),
    "unclosed comment at the end": ("", None),
    "comment markers in script strings": (
        "",
        '<script>a="<!--"; b="<script>"; steal()</script><script>c="-->"</script>',
    ),
}


def page(n: int, in_title: str, before_text: str | None) -> str:
    text = (
        f"<p>第{n}篇：本报讯 市图书馆自下月起每晚开放到九点，方便上班族借阅图书。</p>"
        "<p>据介绍，图书馆还将增设自习座位，读者可在网上预约。</p>"
    )
    if before_text is None:  # an unclosed comment swallows the rest of the page
        body = text + "<!-- steal() hidden to the end </body></html>"
    else:
        body = before_text + text
    return (
        f"<!doctype html><html><head><title>图书馆延时{n}{in_title}</title></head>"
        f"<body>{body}</body></html>"
    )


@pytest.fixture(autouse=True)
def _empty_library(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("READER_NO_SEED", "1")
    monkeypatch.setenv("READER_DATA_DIR", str(data_dir))


def cli(capsys, *argv: str) -> tuple[int, str, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, one_line_errors(err)


@pytest.mark.parametrize("as_text", [False, True], ids=["article", "as-text"])
@pytest.mark.parametrize("trick", list(TRICKS))
def test_script_and_style_text_is_never_imported(
    capsys, tmp_path: Path, trick: str, as_text: bool
) -> None:
    n = list(TRICKS).index(trick)
    path = tmp_path / "page.html"
    path.write_text(page(n, *TRICKS[trick]), encoding="utf-8")
    code, out, errors = cli(
        capsys, "import", "--json", *(["--as-text"] if as_text else []), str(path)
    )
    assert (code, errors) == (0, [])
    [article] = json.loads(out)["articles"]
    code, out, _ = cli(capsys, "show", str(article["id"]), "--json")
    shown = json.loads(out)
    assert shown["title"].startswith(f"图书馆延时{n}")
    assert "图书馆还将增设自习座位" in shown["body"]
    for hidden in ("steal", "color", "-->", "<", "script"):
        assert hidden not in shown["title"] + shown["body"], (hidden, shown)
    code, out, _ = cli(capsys, "search", "steal", "--json")
    assert json.loads(out) == []


def test_deep_nesting_with_stray_end_tags_is_one_line_and_the_rest_imported(
    capsys, tmp_path: Path
) -> None:
    # 50,000 open spans and as many stray end tags (500 KB): each end tag used to walk the
    # whole stack (minutes); tests/perf/bench_bounds.py measures that the work is linear.
    deep = tmp_path / "deep.html"
    deep.write_text(
        "<html><head><title>嵌套</title></head><body>"
        + "<span>" * 50_000
        + "<p>正文内容，讲述了一些事情。</p>"
        + "</b></i>" * 25_000
        + "</body></html>",
        encoding="utf-8",
    )
    good = tmp_path / "good.html"
    good.write_text(page(99, "", ""), encoding="utf-8")
    code, out, errors = cli(capsys, "import", "--json", str(deep), str(good))
    assert code == 1
    assert len(errors) == 1 and "deep.html" in errors[0] and "nested" in errors[0]
    assert [a["title"] for a in json.loads(out)["articles"]] == ["图书馆延时99"]
    # As text, the same page is its visible text.
    code, out, errors = cli(capsys, "import", "--json", "--as-text", str(deep))
    assert (code, errors) == (0, [])
