"""Library benchmark: import, search, open and list at N articles (not a test).

    python tests/perf/bench.py [--articles 20000] [--queries 210] [--json] [--dir DIR]

Builds a synthetic library of N articles recombined from the real sentences of the seed
page and the test pages (sentences drawn from every page, the clauses of some of them
shuffled; pages alternately simplified and traditional, the traditional ones in the
s2t, s2tw and s2hk variants), through the real import path (``Library.import_bytes`` on
page text: decoding, splitting, storing, search indexing and merging the index's segments
are all timed). Then, in the same run:

* ``jieba_chars_per_s``: bare ``jieba.lcut`` on the same page text (up to 1M characters);
* ``search_ms_p50/p95``: ``ArticleStore.search(q, limit=20)`` (ranked hits with snippets)
  over user-like queries cut from stored articles by jieba: one-character words (not
  function characters), two-character words, words of three or four, 2-4 characters
  across a word boundary (情防 in 疫情防控), a word in the other script, two words
  (both must occur) and two words run together that occur nowhere; ``search_ids_ms_p50``:
  the whole id list for the same queries (what the article list filters with);
  ``query_hits_p50``: how many articles the median query matches;
* ``bruteforce_ms_p50``: a Python substring scan over the same normalised texts held in
  memory, term by term (``[i for i in ids if term in texts[i]]``);
  ``bruteforce_all_ms_p50``: the same scan written as one ``all(...)`` per text (slower:
  a generator per text); ``search_speedup`` is against the first. Both over every query;
* ``open_article_ms_p50``: ``ArticleStore.get`` + ``Library.view`` + ``mark_read``;
* ``list_ms``: what the article list asks the store, on a library made to look used
  (30% read, starred, tagged and trashed articles, pages in sections and added over two
  years): ``ids()`` with each filter and each sort, a search as the list's filter,
  ``rows()`` for a block of 200, a row's tooltip hit; ``list_ms_max`` is the slowest;
  ``overview_ms``: the sidebar's counts (fetched on a worker);
* ``convert_chars_per_s``: s2t on article bodies; ``rss_mb``; ``db_mb``; ``load_avg_1min``
  as the run starts (other work on the machine);
* ``quick_check_ms``: ``PRAGMA quick_check`` over the whole library file (what opening a
  library up to ``store.db.QUICK_CHECK_MAX_BYTES`` runs), median of 3, and per MB.

Prints a table, or one JSON object with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"
PAGES = REPO / "tests" / "data" / "pages"
ARTICLES_PER_PAGE = 4
# Traditional pages cycle through these conversions of the (mostly simplified) sentences.
TRADITIONAL = ("s2t", "s2tw", "s2hk")
SECTIONS = ("要闻", "经济", "社会", "文化", "体育", "国际", "评论", "副刊")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]")
_CLAUSE = re.compile(r"[^，；,;]+[，；,;]?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
# One-character words a user would not search for on their own.
_FUNCTION_CHARS = set(
    "的了在是和与及或也都就而又把被对从向为以于将等之其这那有不个上下中我你他她它们"
)
# Swapping words for dictionary words of the same part of speech (jieba's tags: nouns,
# names, places, organisations, verbs, adjectives) gives the library the vocabulary of real
# text. Recombined sentences alone repeat every phrase in ~5% of the articles, so any
# query, however rare its words, matched that often (real text: a 3-4 character word in
# well under 1%, by jieba's dictionary counts).
SWAPPED_TAGS = ("n", "nr", "ns", "nt", "nz", "v", "vn", "a")
SWAP_RATE = 0.6
_QUERY_KINDS = ("1", "2", "34", "phrase", "other_script", "two", "none")


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


Tagged = list[tuple[str, str]]  # a sentence as (word, jieba part of speech) pairs


class Vocabulary:
    """jieba's dictionary words of the swapped parts of speech, drawn by their frequency
    (the counts jieba's dictionary was built from), so swapped words are as common or as
    rare as in real text."""

    def __init__(self) -> None:
        from reader.core.internals import jieba_folder

        self.words: dict[str, list[str]] = {tag: [] for tag in SWAPPED_TAGS}
        self.cumulative: dict[str, list[int]] = {tag: [] for tag in SWAPPED_TAGS}
        text = (jieba_folder() / "dict.txt").read_text(encoding="utf-8")
        for word, freq, tag in (line.split(" ") for line in text.splitlines() if line):
            if tag in self.words and _HAN_WORD.fullmatch(word):
                cumulative = self.cumulative[tag]
                self.words[tag].append(word)
                cumulative.append((cumulative[-1] if cumulative else 0) + int(freq))

    def respelled(self, rng: random.Random, sentence: Tagged) -> str:
        """The sentence with some of its nouns, names, verbs and adjectives swapped."""
        out = []
        for word, tag in sentence:
            if tag in self.words and rng.random() < SWAP_RATE:
                word = rng.choices(self.words[tag], cum_weights=self.cumulative[tag])[0]
            out.append(word)
        return "".join(out)


def tagged_sentences() -> list[Tagged]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return [[(p.word, p.flag) for p in jieba.posseg.lcut(s)] for s in sentences()]


def shuffled_clauses(rng: random.Random, sentence: str) -> str:
    """The sentence with its clauses in another order (same words, a new sentence)."""
    end = sentence[-1]
    clauses = [c.rstrip("，；,;") for c in _CLAUSE.findall(sentence[:-1])]
    rng.shuffle(clauses)
    return "，".join(clauses) + end


def make_page(rng: random.Random, pool: Sequence[Tagged], vocabulary: Vocabulary) -> str:
    """A page of a few articles: headline, blank line, 本报讯 paragraphs of real sentences
    drawn from every page, some of their words swapped (a third of them with their
    clauses shuffled too)."""

    def sentence() -> str:
        return vocabulary.respelled(rng, rng.choice(pool))

    parts = []
    for _ in range(ARTICLES_PER_PAGE):
        words = _HAN.findall(sentence())
        start = rng.randrange(max(1, len(words) - 10))
        title = "".join(words[start : start + rng.randint(6, 12)])
        paragraphs = []
        for p in range(rng.randint(2, 5)):
            chosen = [sentence() for _ in range(rng.randint(2, 4))]
            body = "".join(shuffled_clauses(rng, c) if rng.random() < 1 / 3 else c for c in chosen)
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

    pool, vocabulary = tagged_sentences(), Vocabulary()
    pages: list[str] = []
    spent = 0.0
    stored = 0
    while stored < n:
        page = make_page(rng, pool, vocabulary)
        if len(pages) % 2:
            page = scripts.convert(page, TRADITIONAL[len(pages) // 2 % len(TRADITIONAL)])
        data = page.encode("utf-8")
        started = time.perf_counter()
        report = lib.import_bytes(data, f"page{len(pages)}.txt", f"/bench/page{len(pages)}.txt")
        lib.articles.index.tidy(steps=1)  # as Library.import_paths does after each file
        spent += time.perf_counter() - started
        pages.append(page)
        stored += len(report.articles)
    started = time.perf_counter()
    lib.articles.index.tidy()  # the rest, as the analysis process does after an import
    return spent + time.perf_counter() - started, pages


def jieba_rate(pages: Sequence[str]) -> float:
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
    """User-like queries from the words (jieba) of random stored articles, kinds in turn."""
    import jieba

    from reader.core import scripts
    from reader.core.records import ArticleFilter

    jieba.setLogLevel(logging.WARNING)
    queries: list[str] = []
    while len(queries) < count:
        kind = _QUERY_KINDS[len(queries) % len(_QUERY_KINDS)]
        record = store.get(rng.choice(ids))
        words = [w for w in jieba.lcut(record.body) if _HAN_WORD.fullmatch(w)]
        query = _query(kind, words, rng)
        if kind == "other_script" and query:
            query = scripts.convert(query, "t2s" if record.script == "traditional" else "s2t")
        if kind == "none" and query and store.ids(ArticleFilter(query=query)):
            query = None  # the two words do occur together somewhere: draw again
        if query:
            queries.append(query)
    return queries


def _query(kind: str, words: list[str], rng: random.Random) -> str | None:
    def word(low: int, high: int) -> str | None:
        fit = [w for w in words if low <= len(w) <= high and not set(w) <= _FUNCTION_CHARS]
        return rng.choice(fit) if fit else None

    if kind == "1":
        return word(1, 1)
    if kind == "2":
        return word(2, 2)
    if kind in ("34", "other_script"):
        return word(3, 4) if kind == "34" else word(2, 4)
    if kind == "phrase":  # the end of one word and the start of the next
        if len(words) < 2:
            return None
        i = rng.randrange(len(words) - 1)
        left, right = words[i], words[i + 1]
        tail = left[-rng.randint(1, min(2, len(left))) :]
        return tail + right[: rng.randint(1, min(2, len(right)))]
    first, second = word(2, 4), word(2, 4)
    if not first or not second or first == second:
        return None
    return f"{first} {second}" if kind == "two" else first + second


def search_figures(lib, queries: Sequence[str]) -> dict[str, float]:
    from reader.core import textsearch
    from reader.core.records import ArticleFilter

    store = lib.articles
    store.search("预热")  # first use builds the token tables
    texts = [
        textsearch.normalise(r["title"]) + "\n" + textsearch.normalise(r["body"])
        for r in lib.db.execute(
            "SELECT title, body FROM articles"
            " WHERE id NOT IN (SELECT article_id FROM article_trash)"
        )
    ]

    def scan(q: str) -> list[int]:
        ids: Sequence[int] = range(len(texts))
        for term in textsearch.query_terms(q):
            ids = [i for i in ids if term in texts[i]]
        return list(ids)

    def scan_all(q: str) -> list[int]:
        terms = textsearch.query_terms(q)
        return [i for i, t in enumerate(texts) if all(term in t for term in terms)]

    # Each way over every query in a block of its own: query by query, every search came
    # right after the scan had swept ~40 MB of text through the CPU's caches (~1.5x slower
    # searches), which is not what comes before a reader's search.
    hits_ms = [timed_ms(lambda q=q: store.search(q, limit=20)) for q in queries]
    found: list[int] = []
    ids_ms = [
        timed_ms(lambda q=q: found.append(len(store.ids(ArticleFilter(query=q))))) for q in queries
    ]
    scan_ms = [timed_ms(lambda q=q: scan(q)) for q in queries]
    scan_all_ms = [timed_ms(lambda q=q: scan_all(q)) for q in queries]
    return {
        "search_ms_p50": statistics.median(hits_ms),
        "search_ms_p95": percentile(hits_ms, 0.95),
        "search_ids_ms_p50": statistics.median(ids_ms),
        "search_ids_ms_p95": percentile(ids_ms, 0.95),
        "query_hits_p50": statistics.median(found),
        "bruteforce_ms_p50": statistics.median(scan_ms),
        "bruteforce_all_ms_p50": statistics.median(scan_all_ms),
    }


def open_figure(lib, ids: Sequence[int], rng: random.Random, runs: int = 50) -> float:
    def open_one(article_id: int) -> None:
        record = lib.articles.get(article_id)
        lib.view(record, None)
        lib.articles.mark_read(article_id)

    return statistics.median(timed_ms(lambda: open_one(rng.choice(ids))) for _ in range(runs))


def make_used(lib, ids: Sequence[int], rng: random.Random) -> None:
    """Reading state as a library in use has it; pages in sections, added over two years.

    Sections and dates are written directly: the importer stamps the time of import and
    these synthetic pages have no section labels."""
    store = lib.articles
    shuffled = rng.sample(list(ids), len(ids))
    n = len(ids)
    store.mark_read(shuffled[: n * 3 // 10])
    store.set_starred(shuffled[: max(1, n // 50)])
    store.add_tag(shuffled[n // 100 : n // 100 * 2 + 1], "基准")
    store.add_tag(shuffled[: n // 200 + 1], "待读")
    store.trash(shuffled[-(n // 200 + 1) :])
    start = datetime(2023, 1, 1, 8)
    sources = [r[0] for r in lib.db.execute("SELECT id FROM sources ORDER BY id")]
    per_day = max(1, len(sources) // 730)
    with lib.db.transaction() as conn:
        conn.executemany(
            "UPDATE articles SET section = ?, added_at = ? WHERE source_id = ?",
            [
                (
                    SECTIONS[rng.randrange(len(SECTIONS))],
                    (start + timedelta(days=i // per_day, minutes=i % per_day)).isoformat(),
                    source,
                )
                for i, source in enumerate(sources)
            ],
        )


def list_figures(lib, ids: Sequence[int], queries: Sequence[str], rng: random.Random):
    """Milliseconds (median of 5) of each call the article list makes, and the overview's."""
    from reader.core.records import ArticleFilter
    from reader.store.overview import overview

    store = lib.articles
    make_used(lib, ids, rng)
    source = lib.db.execute("SELECT path FROM sources ORDER BY id LIMIT 1 OFFSET ?", (7,))
    path = source.fetchone()[0]
    listed = store.ids()
    block = listed[len(listed) // 2 : len(listed) // 2 + 200]
    word = next(q for q in queries if len(q) == 2 and " " not in q)
    cases: dict[str, Callable[[], object]] = {
        "unread": lambda: store.ids(ArticleFilter(unread_only=True)),
        "starred": lambda: store.ids(ArticleFilter(starred_only=True)),
        "tag": lambda: store.ids(ArticleFilter(tag="基准")),
        "source": lambda: store.ids(ArticleFilter(source=path)),
        "section": lambda: store.ids(ArticleFilter(section="经济")),
        "date_range": lambda: store.ids(
            ArticleFilter(date_from="2023-06-01", date_to="2023-08-31")
        ),
        "trash": lambda: store.ids(ArticleFilter(trashed=True)),
        "watch_words": lambda: store.ids(ArticleFilter(mentions=(word, queries[2]))),
        "search": lambda: store.ids(ArticleFilter(query=word)),
        "search_relevance": lambda: store.ids(ArticleFilter(query=word), sort="relevance"),
        "search_unread_title": lambda: store.ids(
            ArticleFilter(query=word, unread_only=True), sort="title"
        ),
        "rows_200": lambda: store.rows(block),
        "rows_200_random": lambda: store.rows(rng.sample(listed, min(200, len(listed)))),
        "tooltip_hit": lambda: store.hit(block[0], word),
    }
    for sort in ("added", "date", "title", "source"):
        for descending in (True, False):
            cases[f"sort_{sort}_{'desc' if descending else 'asc'}"] = lambda s=sort, d=descending: (
                store.ids(sort=s, descending=d)
            )
    figures = {
        name: statistics.median(timed_ms(fn) for _ in range(5)) for name, fn in cases.items()
    }
    words = [word, queries[2]]
    over = statistics.median(timed_ms(lambda: overview(store, words)) for _ in range(5))
    return figures, over


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

    load = os.getloadavg()[0]  # before this run adds its own
    rng = random.Random(20200310)
    lib = Library.open(directory, seed=False)
    import_s, pages = build(lib, n, rng)
    chars = sum(map(len, pages))
    # The rest as a reader finds it when the window opens: the library opened anew.
    lib.close()
    lib = Library.open(directory, seed=False)
    ids = lib.articles.ids()
    queries = make_queries(lib.articles, ids, query_count, rng)
    figures: dict[str, object] = {
        "articles": len(ids),
        "pages": len(pages),
        "load_avg_1min": load,
        "import_s": import_s,
        "import_chars_per_s": chars / import_s,
        "jieba_chars_per_s": jieba_rate(pages),
        **search_figures(lib, queries),
        "open_article_ms_p50": open_figure(lib, ids, rng),
        "convert_chars_per_s": convert_rate(lib, ids),
    }
    figures["list_ms"], figures["overview_ms"] = list_figures(lib, ids, queries, rng)
    figures["list_ms_max"] = max(figures["list_ms"].values())
    figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lib.close()
    figures["db_mb"] = sum(
        p.stat().st_size for p in directory.iterdir() if p.name.startswith("library")
    ) / (1 << 20)
    figures["quick_check_ms"] = quick_check_ms(directory)
    figures["quick_check_ms_per_mb"] = figures["quick_check_ms"] / figures["db_mb"]
    figures["search_speedup"] = figures["bruteforce_ms_p50"] / figures["search_ms_p50"]
    return figures


def quick_check_ms(directory: Path) -> float:
    import sqlite3

    conn = sqlite3.connect(directory / "library.sqlite3")
    try:
        return statistics.median(
            timed_ms(lambda: conn.execute("PRAGMA quick_check(1)").fetchone()) for _ in range(3)
        )
    finally:
        conn.close()


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
    parser.add_argument("--queries", type=int, default=210)
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
