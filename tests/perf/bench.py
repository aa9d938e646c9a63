"""Library benchmark: import, search, open and list at N articles (not a test).

    python tests/perf/bench.py [--articles 20000] [--queries 200] [--json] [--dir DIR]

Builds a synthetic library of N articles recombined from the real sentences of the seed
page and the test pages, half of the pages in traditional script, through the real
import path (``Library.import_bytes`` on page text: decoding, splitting, storing and
search indexing are all timed). Then, in the same run:

* ``jieba_chars_per_s``: bare ``jieba.lcut`` on the same page text (up to 1M characters);
* ``search_ms_p50/p95``: ``ArticleStore.search(q, limit=20)`` (ranked hits with snippets)
  over 1-, 2-, 3- and 4-character queries cut from stored articles, queries in the other
  script, two-term queries and strings that occur nowhere; ``search_ids_ms_p50``: the
  whole id list for the same queries (what the article list filters with);
* ``bruteforce_ms_p50``: a Python substring scan over the same normalised texts;
* ``open_article_ms_p50``: ``ArticleStore.get`` + ``Library.view`` + ``mark_read``;
* ``ids_ms``: ``ArticleStore.ids`` with filters and sorts;
* ``convert_chars_per_s``: s2t on article bodies; ``rss_mb``; ``db_mb``.

Prints a table, or one JSON object with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"
PAGES = REPO / "tests" / "data" / "pages"
ARTICLES_PER_PAGE = 4
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def sentences() -> list[str]:
    """Real sentences of the seed page and the test pages (decoded as the importer does)."""
    from reader.core.documents import parse_document

    texts = [SEED]
    if PAGES.is_dir():
        texts += sorted(p for p in PAGES.iterdir() if p.suffix == ".txt")
    found: list[str] = []
    for path in texts:
        doc = parse_document(path.read_bytes(), path.name)
        for article in doc.articles:
            found += [s.strip() for s in _SENTENCE.findall(article.body) if len(s.strip()) > 6]
    return list(dict.fromkeys(found))


def make_page(rng: random.Random, pool: Sequence[str]) -> str:
    """A page of a few articles: headline, blank line, 本报讯 paragraphs."""
    parts = []
    for _ in range(ARTICLES_PER_PAGE):
        words = _HAN.findall(rng.choice(pool))
        start = rng.randrange(max(1, len(words) - 10))
        title = "".join(words[start : start + rng.randint(6, 12)])
        paragraphs = []
        for p in range(rng.randint(2, 5)):
            body = "".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
            paragraphs.append(("本报讯 " if p == 0 else "") + body)
        parts.append(title + "\n\n" + "\n\n".join(paragraphs))
    return "\n\n".join(parts) + "\n"


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed_ms(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def build(lib, n: int, rng: random.Random) -> tuple[float, list[str]]:
    """Import pages until the library holds ``n`` articles; (seconds, page texts)."""
    from reader.core import scripts

    simp = sentences()
    trad = [scripts.convert(s, "s2t") for s in simp]
    pages: list[str] = []
    spent = 0.0
    stored = 0
    while stored < n:
        page = make_page(rng, trad if len(pages) % 2 else simp)
        data = page.encode("utf-8")
        started = time.perf_counter()
        report = lib.import_bytes(data, f"page{len(pages)}.txt", f"/bench/page{len(pages)}.txt")
        spent += time.perf_counter() - started
        pages.append(page)
        stored += len(report.articles)
    return spent, pages


def jieba_rate(pages: Sequence[str]) -> float:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    sample, size = [], 0
    for page in pages:
        if size > 1_000_000:
            break
        sample.append(page)
        size += len(page)
    started = time.perf_counter()
    for page in sample:
        jieba.lcut(page)
    return size / (time.perf_counter() - started)


def make_queries(store, ids: Sequence[int], count: int, rng: random.Random) -> list[str]:
    from reader.core import scripts

    queries: list[str] = []
    kinds = ("1", "2", "3", "4", "cross", "two", "none")
    while len(queries) < count:
        kind = kinds[len(queries) % len(kinds)]
        record = store.get(rng.choice(ids))
        han = "".join(_HAN.findall(record.body))
        if len(han) < 8:
            continue
        start = rng.randrange(len(han) - 4)
        if kind in "1234":
            queries.append(han[start : start + int(kind)])
        elif kind == "cross":
            q = han[start : start + rng.randint(2, 4)]
            other = scripts.convert(q, "t2s" if record.script == "traditional" else "s2t")
            queries.append(other)
        elif kind == "two":
            queries.append(han[start : start + 2] + " " + han[start + 3 : start + 5])
        else:
            queries.append("鑫" + han[start : start + 2] + "龘")
    return queries


def search_figures(lib, queries: Sequence[str], scan_limit: int) -> dict[str, float]:
    from reader.store import search
    from reader.store.articles import ArticleFilter

    store = lib.articles
    store.search("预热")  # first use builds the token tables
    hits_ms = [timed_ms(lambda q=q: store.search(q, limit=20)) for q in queries]
    ids_ms = [timed_ms(lambda q=q: store.ids(ArticleFilter(query=q))) for q in queries]
    texts = [
        search.normalise(r["title"]) + "\n" + search.normalise(r["body"])
        for r in lib.db.execute("SELECT title, body FROM articles")
    ]

    def scan(q: str) -> list[int]:
        terms = search.query_terms(q)
        return [i for i, t in enumerate(texts) if all(term in t for term in terms)]

    scan_ms = [timed_ms(lambda q=q: scan(q)) for q in queries[:scan_limit]]
    return {
        "search_ms_p50": statistics.median(hits_ms),
        "search_ms_p95": percentile(hits_ms, 0.95),
        "search_ids_ms_p50": statistics.median(ids_ms),
        "search_ids_ms_p95": percentile(ids_ms, 0.95),
        "bruteforce_ms_p50": statistics.median(scan_ms),
    }


def open_figure(lib, ids: Sequence[int], rng: random.Random, runs: int = 50) -> float:
    def open_one(article_id: int) -> None:
        record = lib.articles.get(article_id)
        lib.view(record, None)
        lib.articles.mark_read(article_id)

    return statistics.median(timed_ms(lambda: open_one(rng.choice(ids))) for _ in range(runs))


def list_figures(lib, ids: Sequence[int], rng: random.Random) -> dict[str, float]:
    from reader.store.articles import ArticleFilter

    store = lib.articles
    sample = rng.sample(list(ids), min(len(ids), 500))
    store.set_starred(sample[:200])
    store.add_tag(sample[100:300], "基准")
    store.trash(sample[300:400])
    cases = {
        "default": lambda: store.ids(),
        "unread": lambda: store.ids(ArticleFilter(unread_only=True)),
        "starred": lambda: store.ids(ArticleFilter(starred_only=True)),
        "tag": lambda: store.ids(ArticleFilter(tag="基准")),
        "trash": lambda: store.ids(ArticleFilter(trashed=True)),
        "sort_title": lambda: store.ids(sort="title"),
        "sort_source": lambda: store.ids(sort="source"),
        "sort_date": lambda: store.ids(sort="date", descending=False),
        "rows_200": lambda: store.rows(ids[:200]),
    }
    return {name: min(timed_ms(fn) for _ in range(3)) for name, fn in cases.items()}


def convert_rate(lib, ids: Sequence[int]) -> float:
    from reader.core import scripts

    bodies = [lib.articles.get(i).body for i in ids[:400]]
    scripts.clear_cache()
    scripts.convert("预热", "s2t")
    started = time.perf_counter()
    for body in bodies:
        scripts.convert(body, "s2t")
    return sum(map(len, bodies)) / (time.perf_counter() - started)


def run(n: int, query_count: int, directory: Path) -> dict[str, object]:
    os.environ["READER_NO_SEED"] = "1"
    from reader.library import Library

    rng = random.Random(20200310)
    lib = Library.open(directory, seed=False)
    import_s, pages = build(lib, n, rng)
    chars = sum(map(len, pages))
    ids = lib.articles.ids()
    queries = make_queries(lib.articles, ids, query_count, rng)
    figures: dict[str, object] = {
        "articles": len(ids),
        "pages": len(pages),
        "import_s": import_s,
        "import_chars_per_s": chars / import_s,
        "jieba_chars_per_s": jieba_rate(pages),
        **search_figures(lib, queries, scan_limit=min(len(queries), 60)),
        "open_article_ms_p50": open_figure(lib, ids, rng),
        "ids_ms": list_figures(lib, ids, rng),
        "convert_chars_per_s": convert_rate(lib, ids),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    lib.close()
    figures["db_mb"] = sum(
        p.stat().st_size for p in directory.iterdir() if p.name.startswith("library")
    ) / (1 << 20)
    figures["search_speedup"] = figures["bruteforce_ms_p50"] / figures["search_ms_p50"]
    return figures


def table(figures: dict[str, object]) -> str:
    lines = []
    for key, value in figures.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k:<22} {v:>12.2f}" for k, v in value.items()]
        elif isinstance(value, float):
            lines.append(f"{key:<24} {value:>12,.2f}")
        else:
            lines.append(f"{key:<24} {value:>12}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--dir", type=Path, help="library folder (default: a temporary one)")
    args = parser.parse_args(argv)
    if args.dir:
        figures = run(args.articles, args.queries, args.dir)
    else:
        with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
            figures = run(args.articles, args.queries, Path(tmp))
    if args.json:
        print(json.dumps({k: _rounded(v) for k, v in figures.items()}, ensure_ascii=False))
    else:
        print(table(figures))
    return 0


def _rounded(value: object) -> object:
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return round(value, 3) if isinstance(value, float) else value


if __name__ == "__main__":
    raise SystemExit(main())
