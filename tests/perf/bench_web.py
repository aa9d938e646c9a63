"""Benchmark the saved-page extractor against trafilatura and GNE on the real pages of
tests/data/web, and the import of a saved page into a library.

Not a test: prints a line per page, then one table of figures for the three extractors on the
same pages in the same run, and with --json one JSON document.

    python tests/perf/bench_web.py [--json] [--pages DIR] [--repeat 3] [--quiet] [--no-import]

DIR holds `pages/<name>.html|.mhtml` and `refs/<name>.json` (tests/data/web/README.md says how
the references were written). Per extractor:

- F1: bag of character bigrams of the text against the reference's paragraphs and captions,
  NFKC, punctuation and white space ignored (trafilatura and GNE give no captions of their
  own: their text is scored as ours is, paragraphs and captions together); the mean over the
  pages. "body F1" scores our paragraphs alone against the reference's paragraphs.
- titles: exact (NFKC, white space ignored). dates: the same day (aware times in UTC+8, the
  pages' local time); date+time: the same minute too, where the page shows a time. author:
  the names equal, ignoring white space and separators.
- chrome: pages whose text holds navigation, login, share, related-links, editor or
  copyright lines that the reference does not hold (the CHROME pattern below).
- time: extraction wall time per page (bytes in; the best of --repeat runs), median.
- import (ours): `Library.import_paths` of each page into a new library (extract, store,
  index), p50 and p90 over the pages × repeats; the seed newspaper page beside it.

The targets (issue #16): mean F1 ≥ 0.95 and above both anchors, titles ≥ 95%, no chrome in any
body, import p50 ≤ 150 ms. trafilatura and gne are not project dependencies: install them into
the venv to compare (`pip install trafilatura lxml_html_clean gne`); without them only ours is
measured.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.core import webpage  # noqa: E402

CST = timezone(timedelta(hours=8))
SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"
# What must never be in an article's text: page chrome that every site has in some form.
CHROME = re.compile(
    r"首页|首頁|登录|登入|注册|註冊|版权所有|版權所有|Copyright|©|分享到|相关阅读|相关新闻|相關新聞"
    r"|延伸閱讀|推荐阅读|推薦閱讀|热门|熱門|责任编辑|責任編輯|责编|返回搜狐|查看更多|关键字|關鍵字"
    r"|下载客户端|APP下載|请继续往下阅读|請繼續往下閱讀|上一篇|下一篇|广告|廣告|举报|檢舉"
    r"|转播到|轉播到|分享至|精彩视频|精彩推荐|专线|專線|点击进入|點擊進入"
)

Result = dict[str, Any]
Extractor = Callable[[bytes, str | None], Result]


# --- extractors: each returns dict(title, published, author, text[, body]) ------------------


def run_ours(data: bytes, url: str | None) -> Result:
    art = webpage.extract(data, url)
    return {
        "title": art.title,
        "published": art.published,
        "author": art.author,
        "text": "\n".join(art.paragraphs + art.captions),
        "body": art.text,
    }


def make_trafilatura() -> Extractor | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(data: bytes, url: str | None) -> Result:
        found = trafilatura.bare_extraction(data, url=url, with_metadata=True)
        if found is None:
            return {"title": None, "published": None, "author": None, "text": ""}
        doc = found if isinstance(found, dict) else found.as_dict()
        return {
            "title": doc.get("title"),
            "published": doc.get("date"),
            "author": doc.get("author"),
            "text": doc.get("text") or "",
        }

    return run


def make_gne() -> Extractor | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from gne import GeneralNewsExtractor
    except ImportError:
        return None
    gne = GeneralNewsExtractor()

    def run(data: bytes, url: str | None) -> Result:
        # GNE takes decoded HTML only: give it the page our container/charset code unpacks.
        page = webpage.saved_page.unpack(data)
        text, _codec = webpage.decode_html(page.html, page.charset)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = gne.extract(text)
        return {
            "title": doc.get("title"),
            "published": doc.get("publish_time"),
            "author": doc.get("author"),
            "text": doc.get("content") or "",
        }

    return run


# --- scoring ---------------------------------------------------------------------------------


def norm(text: str | None) -> str:
    """NFKC, without punctuation, symbols and white space."""
    t = unicodedata.normalize("NFKC", text or "")
    return "".join(c for c in t if unicodedata.category(c)[0] in "LN")


def bigrams(text: str) -> Counter[str]:
    t = norm(text)
    return Counter(t[i : i + 2] for i in range(len(t) - 1))


def prf(got: str, ref: str) -> tuple[float, float, float]:
    g, r = bigrams(got), bigrams(ref)
    if not g or not r:
        return 0.0, 0.0, 0.0
    common = sum((g & r).values())
    p, rc = common / sum(g.values()), common / sum(r.values())
    return p, rc, (2 * p * rc / (p + rc) if p + rc else 0.0)


def when(value: str | None) -> tuple[str, str | None] | None:
    """(date, HH:MM or None) in the pages' local time from any date string."""
    if not value:
        return None
    iso = webpage.parse_date(str(value))
    if not iso:
        return None
    if "T" not in iso:
        return iso, None
    try:
        dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso[:10], None
    if dt.tzinfo is not None:
        dt = dt.astimezone(CST)
    return dt.strftime("%Y-%m-%d"), dt.strftime("%H:%M")


def _title(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def _names(text: str | None) -> set[str]:
    return {n for n in re.split(r"[\s、，,;；/]+", text or "") if n}


def chrome(text: str, ref_text: str) -> list[str]:
    return sorted({m for m in CHROME.findall(text) if m not in ref_text})


def score(got: Result, ref: dict) -> Result:
    ref_text = "\n".join(ref["paragraphs"] + ref["captions"])
    out: Result = {}
    out["title"] = float(_title(got.get("title")) == _title(ref["title"]))
    rw, gw = when(ref.get("published")), when(got.get("published"))
    out["date"] = float(gw is not None and gw[0] == rw[0]) if rw else None
    out["datetime"] = (
        float(gw is not None and gw == rw) if rw and ref["published"] and "T" in ref["published"]
        else None
    )  # fmt: skip
    if ref.get("author"):
        out["author"] = float(_names(got.get("author")) == _names(ref["author"]))
    else:
        out["author"] = float(not got.get("author"))
    out["P"], out["R"], out["F1"] = prf(got.get("text") or "", ref_text)
    if "body" in got:
        out["body F1"] = prf(got["body"] or "", "\n".join(ref["paragraphs"]))[2]
    leaks = chrome(got.get("body", got.get("text")) or "", ref_text)
    out["chrome"] = float(bool(leaks))
    out["chrome_found"] = leaks
    return out


# --- running ---------------------------------------------------------------------------------


def find_pages(folder: Path) -> list[tuple[Path, dict]]:
    out = []
    for ref_path in sorted((folder / "refs").glob("*.json")):
        page = next((folder / "pages").glob(ref_path.stem + ".*"))
        out.append((page, json.loads(ref_path.read_text("utf-8"))))
    return out


def timed(fn: Extractor, data: bytes, url: str | None, repeat: int) -> tuple[Result, float]:
    best = float("inf")
    got: Result = {}
    for _ in range(repeat):
        t = time.perf_counter()
        try:
            got = fn(data, url)
        except Exception as exc:  # a comparison extractor failing is a result, not a crash
            got = {"title": None, "published": None, "author": None, "text": "", "error": str(exc)}
        best = min(best, time.perf_counter() - t)
    return got, best


def timed_import(path: Path) -> float:
    from reader.library import Library

    with tempfile.TemporaryDirectory() as folder:
        lib = Library(Path(folder))
        lib.articles.index  # the store made, as in a running app  # noqa: B018
        started = time.perf_counter()
        lib.import_paths([path])
        elapsed = time.perf_counter() - started
        lib.close()
    return elapsed


def percentile(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def imports(pages: list[Path], repeat: int) -> dict[str, float]:
    timed_import(SEED)  # warm: the splitter's patterns, the script tables, the decoder
    web = [timed_import(p) for p in pages for _ in range(repeat)]
    text = [timed_import(SEED) for _ in range(max(3, repeat * 3))]
    return {
        "web_p50": percentile(web, 0.5),
        "web_p90": percentile(web, 0.9),
        "text_p50": percentile(text, 0.5),
        "n": len(web),
    }


def summarise(rows: list[Result], key: str) -> float | None:
    vals = [r[key] for r in rows if r.get(key) is not None]
    return statistics.fmean(vals) if vals else None


METRICS = (
    ("F1", "mean F1 (text+captions)"),
    ("body F1", "mean F1 (body alone)"),
    ("P", "mean precision"),
    ("R", "mean recall"),
    ("title", "titles exact"),
    ("date", "dates (day) exact"),
    ("datetime", "date+time exact"),
    ("author", "authors right"),
    ("chrome", "pages with chrome"),
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=Path, default=REPO / "tests" / "data" / "web")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print one JSON document at the end")
    ap.add_argument("--quiet", action="store_true", help="the table only")
    ap.add_argument("--no-import", action="store_true", help="skip the import timing")
    args = ap.parse_args()

    found = {"ours": run_ours, "trafilatura": make_trafilatura(), "gne": make_gne()}
    extractors = {k: v for k, v in found.items() if v is not None}
    results: dict[str, list[Result]] = {k: [] for k in extractors}
    pages = find_pages(args.pages)

    for page, ref in pages:
        data = page.read_bytes()
        for name, fn in extractors.items():
            got, secs = timed(fn, data, ref.get("url"), args.repeat)
            row = {"page": page.name, "seconds": secs, **score(got, ref)}
            row.update({f"got_{k}": got.get(k) for k in ("title", "published", "author")})
            if "error" in got:
                row["error"] = got["error"]
            results[name].append(row)
        if not args.quiet:
            cells = []
            for name in extractors:
                r = results[name][-1]
                cells.append(
                    f"{name[:5]} T{_b(r['title'])}D{_b(r['date'])}A{_b(r['author'])}"
                    f"C{_b(1 - r['chrome'])} F1 {r['F1']:.2f} {r['seconds'] * 1000:4.0f}ms"
                )
            print(f"{page.stem[:34]:34} " + " | ".join(cells))

    summary: dict[str, dict[str, float | None]] = {}
    for name, rows in results.items():
        s: dict[str, float | None] = {k: summarise(rows, k) for k, _ in METRICS}
        s["chrome"] = sum(r["chrome"] for r in rows)
        s["median_ms"] = statistics.median(r["seconds"] for r in rows) * 1000
        summary[name] = s
    timing = None if args.no_import else imports([p for p, _ in pages], max(1, args.repeat))

    print(f"\n{len(pages)} pages, {len({r.get('site') for _, r in pages})} outlets")
    print(f"{'':26}" + "".join(f"{n:>13}" for n in extractors))
    for key, label in (*METRICS, ("median_ms", "median ms per page")):
        cells = []
        for name in extractors:
            v = summary[name].get(key)
            if v is None:
                cells.append(f"{'-':>13}")
            elif key == "chrome":
                cells.append(f"{int(v):>13}")
            elif key == "median_ms":
                cells.append(f"{v:>13.1f}")
            else:
                cells.append(f"{v:>13.3f}")
        print(f"{label:26}" + "".join(cells))
    if timing:
        print(
            f"\nimport of a saved page (extract+store+index, ours, {timing['n']} imports): "
            f"p50 {timing['web_p50'] * 1000:.1f} ms, p90 {timing['web_p90'] * 1000:.1f} ms; "
            f"the seed newspaper text page: p50 {timing['text_p50'] * 1000:.1f} ms"
        )
    leaky = [(n, r["page"], r["chrome_found"]) for n in results for r in results[n] if r["chrome"]]
    if leaky and not args.quiet:
        print("\nchrome in the text:")
        for name, page_name, found_words in leaky:
            print(f"  {name:12} {page_name[:50]:50} {' '.join(found_words)}")
    if args.json:
        doc = {"summary": summary, "import": timing, "pages": results}
        print(json.dumps(doc, ensure_ascii=False))


def _b(v: float | None) -> str:
    return "-" if v is None else ("+" if v >= 1 else "x")


if __name__ == "__main__":
    main()
