"""Benchmark the saved-page extractor (reader.core.webpage) against reference extractions.

Not a test: prints a table per page, a summary, and with --json one JSON document.

    python tests/perf/bench_webpages.py [--pages DIR] [--repeat 3] [--json] [--only ours]

DIR holds `<name>.html` pages with `<name>.json` references, either side by side or in
`pages/` and `refs/` subfolders (default: tests/data/webpages). A reference has `title`,
`published`, `author`, and either `text` (the expected body) or snippets the body must
contain (`with`, `text_contains`) and must not contain (`without`). An optional
`sources.json` beside them gives each page's address.

Measures, per extractor:
- title: exact match ignoring white space; "title~": one contains the other (refs that keep
  the site's suffix, twnews' substring titles).
- date: the date part equal; date+time: hours and minutes equal too, where the reference has
  a time other than midnight (offsets converted to UTC+8, the pages' local time).
- author: the names equal or one contains the other, ignoring white space.
- body: bag of character bigrams (white space removed, NFKC) precision/recall/F1 against
  `text`; for snippet references, the fraction of `with` snippets found and of `without`
  snippets leaked. The references keep image captions in the text, so ours is scored on its
  paragraphs and captions together; F1p scores our paragraphs alone.
- time: extraction wall time per page (bytes in; the best of --repeat runs).

trafilatura and gne are compared when importable (they are not project dependencies). gne
is given text decoded by our decoder (it takes str only); trafilatura decodes the bytes itself.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import unicodedata
import warnings
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.core import webpage  # noqa: E402

CST = timezone(timedelta(hours=8))


# --- extractors: each returns dict(title, published, author, text) ---------------------------


def run_ours(data: bytes, url: str | None) -> dict[str, str | None]:
    art = webpage.extract(data, url)
    return {
        "title": art.title,
        "published": art.published,
        "author": art.author,
        "text": "\n".join(art.paragraphs + art.captions),
        "body": art.text,
    }


def make_trafilatura():
    try:
        import trafilatura
    except ImportError:
        return None

    def run(data: bytes, url: str | None) -> dict[str, str | None]:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, as_dict=True)
        if doc is None:
            return {"title": None, "published": None, "author": None, "text": ""}
        if not isinstance(doc, dict):
            doc = doc.as_dict()
        return {
            "title": doc.get("title"),
            "published": doc.get("date"),
            "author": doc.get("author"),
            "text": doc.get("text") or "",
        }

    return run


def make_gne():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from gne import GeneralNewsExtractor
    except ImportError:
        return None
    gne = GeneralNewsExtractor()

    def run(data: bytes, url: str | None) -> dict[str, str | None]:
        text, _codec = webpage.decode_html(data)
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
    return "".join(unicodedata.normalize("NFKC", text or "").split())


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
    """(date, HH:MM or None) in UTC+8 from any date string, via the extractor's date parser."""
    if not value:
        return None
    iso = webpage.parse_date(str(value).replace("HKT", ""))
    if not iso:
        return None
    if "T" not in iso:
        return iso, None
    stamp = iso.replace("Z", "+00:00")
    try:
        dt = datetime.fromisoformat(stamp)
    except ValueError:
        return iso[:10], None
    if dt.tzinfo is not None:
        dt = dt.astimezone(CST)
    hm = dt.strftime("%H:%M")
    return dt.strftime("%Y-%m-%d"), (None if hm == "00:00" else hm)


def score(got: dict[str, str | None], ref: dict) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    rt, gt = norm(ref.get("title")), norm(got.get("title"))
    out["title"] = float(rt == gt) if rt else None
    out["title~"] = float(bool(gt) and (gt in rt or rt in gt)) if rt else None
    rw, gw = when(ref.get("published")), when(got.get("published"))
    out["date"] = float(bool(gw) and gw[0] == rw[0]) if rw else None
    out["datetime"] = (
        float(bool(gw) and gw[0] == rw[0] and gw[1] == rw[1]) if rw and rw[1] else None
    )
    ra, ga = norm(ref.get("author")), norm(got.get("author"))
    out["author"] = float(bool(ga) and (ga in ra or ra in ga)) if ra else None
    text = got.get("text") or ""
    if ref.get("text"):
        out["P"], out["R"], out["F1"] = prf(text, ref["text"])
        if "body" in got:
            out["F1p"] = prf(got["body"] or "", ref["text"])[2]
    with_ = list(ref.get("with") or []) + list(ref.get("text_contains") or [])
    if ref.get("text_starts_with"):
        with_.append(ref["text_starts_with"].split()[0])
    nt = norm(text)
    out["with"] = sum(norm(s) in nt for s in with_) / len(with_) if with_ else None
    without = ref.get("without") or []
    out["leak"] = sum(norm(s) in nt for s in without) / len(without) if without else None
    return out


# --- running ---------------------------------------------------------------------------------


def find_pages(folder: Path) -> list[tuple[Path, Path | None]]:
    pages_dir = folder / "pages" if (folder / "pages").is_dir() else folder
    refs_dir = folder / "refs" if (folder / "refs").is_dir() else folder
    out = []
    for page in sorted(pages_dir.glob("*.htm*")) + sorted(pages_dir.glob("*.mht*")):
        ref = refs_dir / (page.stem + ".json")
        out.append((page, ref if ref.exists() else None))
    return out


def urls(folder: Path) -> dict[str, str]:
    src = folder / "sources.json"
    if not src.exists():
        return {}
    return {s["file"]: s.get("url") for s in json.loads(src.read_text("utf-8")) if s.get("url")}


def timed(fn, data: bytes, url: str | None, repeat: int) -> tuple[dict, float]:
    best = float("inf")
    got: dict = {}
    for _ in range(repeat):
        t = time.perf_counter()
        try:
            got = fn(data, url)
        except Exception as exc:  # a comparison extractor failing is a result, not a crash
            got = {"title": None, "published": None, "author": None, "text": "", "error": str(exc)}
        best = min(best, time.perf_counter() - t)
    return got, best


def summarise(rows: list[dict], key: str) -> dict[str, float | int | None]:
    vals = [r[key] for r in rows if r.get(key) is not None]
    if not vals:
        return {"n": 0, "mean": None, "median": None}
    return {"n": len(vals), "mean": statistics.fmean(vals), "median": statistics.median(vals)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=Path, default=REPO / "tests" / "data" / "webpages")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print one JSON document at the end")
    ap.add_argument("--only", choices=("ours", "trafilatura", "gne"), action="append")
    ap.add_argument("--quiet", action="store_true", help="summary only")
    args = ap.parse_args()

    extractors = {"ours": run_ours, "trafilatura": make_trafilatura(), "gne": make_gne()}
    extractors = {k: v for k, v in extractors.items() if v and (not args.only or k in args.only)}
    addresses = urls(args.pages)
    results: dict[str, list[dict]] = {k: [] for k in extractors}
    keys = ("title", "title~", "date", "datetime", "author", "P", "R", "F1", "F1p", "with", "leak")

    for page, ref_path in find_pages(args.pages):
        data = page.read_bytes()
        ref = json.loads(ref_path.read_text("utf-8")) if ref_path else {}
        url = ref.get("url") or addresses.get(page.name)
        for name, fn in extractors.items():
            got, secs = timed(fn, data, url, args.repeat)
            row = {"page": page.name, "bytes": len(data), "seconds": secs, **score(got, ref)}
            if "error" in got:
                row["error"] = got["error"]
            results[name].append(row)
        if not args.quiet:
            cells = []
            for name in extractors:
                r = results[name][-1]
                f1 = r.get("F1")
                w = r.get("with")
                cells.append(
                    f"{name[:5]} T{_b(r['title'])}D{_b(r['date'])}A{_b(r['author'])} "
                    + (
                        f"F1 {f1:.2f}"
                        if f1 is not None
                        else (f"w {w:.2f}" if w is not None else "    -  ")
                    )
                    + f" {r['seconds'] * 1000:5.0f}ms"
                )
            print(f"{page.stem[:40]:40} " + " | ".join(cells))

    summary = {
        name: {k: summarise(rows, k) for k in (*keys, "seconds")} for name, rows in results.items()
    }
    print()
    print(f"{'metric':10} " + " ".join(f"{n:>26}" for n in extractors))
    for k in (*keys, "seconds"):
        cells = []
        for name in extractors:
            s = summary[name][k]
            if s["n"]:
                cells.append(f"{s['mean']:7.3f} mean {s['median']:6.3f} med n={s['n']:<3}")
            else:
                cells.append(f"{'-':>26}")
        print(f"{k:10} " + " ".join(f"{c:>26}" for c in cells))
    if args.json:
        print(json.dumps({"summary": summary, "pages": results}, ensure_ascii=False))


def _b(v: float | None) -> str:
    return "-" if v is None else ("+" if v >= 1 else "x")


if __name__ == "__main__":
    main()
