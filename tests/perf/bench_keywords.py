"""Benchmark the keyword core: segmenter start-up, cutting speed, keywords, entities.

Not a test: prints a table and one JSON line.

    python tests/perf/bench_keywords.py [--rounds 5] [--repeat 20]
    python tests/perf/bench_keywords.py --quality [--pages DIR ...]

--quality compares the keywords of today's analysis (text read through its simplified view)
with the analysis before it ("before": jieba on the stored text, the earlier filter of
numbers), on our own test articles (tests/data/keywords) and on real pages (the texts in
each DIR/refs/*.json, by default tests/data/web), traditional and simplified apart:
top-10 fragments found automatically (a keyword crossing a word boundary of stock jieba's
cut of the simplified text, or only ever cut from a longer dictionary word; the reader's
own words aside), the fragments and counts named by the test set, and the analysis time
per article (medians, and their ratio, in the same run). Before, the test set's own words
(自行車, 颱風季 …) are not in the dictionary, as for a reader who had not added them; the
reporters' names are, as bylines added them then too.

Each start-up figure is measured in a fresh subprocess (the modes alternate within a round,
so drift on a shared machine hits them alike) and reported as the median over rounds. The
time covers importing the engine and loading its dictionary, not the interpreter start.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"

# Child programs: each prints the seconds its start-up took.
_MODES = {
    # jieba as shipped: initialize() with its marshal cache already in the cache dir.
    "jieba default (marshal cache)": """
import os, time, logging
t = time.perf_counter()
import jieba
jieba.setLogLevel(logging.WARNING)
jieba.dt.tmp_dir = os.environ["READER_CACHE_DIR"]
jieba.initialize()
print(time.perf_counter() - t)
""",
    # Ours, cold: no pickle yet, so the prefix dict is built from dict.txt and pickled.
    "pickle cold (build + write)": """
import time, pathlib, os
for p in pathlib.Path(os.environ["READER_CACHE_DIR"]).glob("jieba-pfdict-*.pickle"):
    p.unlink()
t = time.perf_counter()
from reader.core import segment
segment.segmenter().jieba()
print(time.perf_counter() - t)
""",
    # Ours, warm: the prefix dict comes from the pickle.
    "pickle warm": """
import time
t = time.perf_counter()
from reader.core import segment
segment.segmenter().jieba()
print(time.perf_counter() - t)
""",
    # The fast engine that tokenize() uses.
    "rjieba (tokenize engine)": """
import time
t = time.perf_counter()
from reader.core import segment
segment.segmenter().fast()
print(time.perf_counter() - t)
""",
    # What tokenize/keywords need: rjieba, bundled IDF (pickled), stop words.
    "warm_up(entities=False), warm": """
import time
t = time.perf_counter()
from reader.core import keywords
keywords.warm_up(entities=False)
print(time.perf_counter() - t)
""",
    # Everything warm_up() loads: rjieba, jieba (pickle), posseg tags, bundled IDF.
    "warm_up() total, warm": """
import time
t = time.perf_counter()
from reader.core import keywords
keywords.warm_up()
print(time.perf_counter() - t)
""",
}


def _child(code: str, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out.strip().splitlines()[-1])


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def _median_ms(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="subprocess runs per mode")
    parser.add_argument("--repeat", type=int, default=20, help="seed copies for chars/s")
    parser.add_argument("--quality", action="store_true", help="fragments before and after")
    parser.add_argument("--pages", nargs="*", type=Path, default=[REPO / "tests" / "data" / "web"])
    args = parser.parse_args()
    if args.quality:
        quality(args.pages)
        return

    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, READER_CACHE_DIR=cache)
        # Prime both caches so "warm" means warm from the first round.
        _child(_MODES["jieba default (marshal cache)"], env)
        _child(_MODES["warm_up() total, warm"], env)
        init: dict[str, list[float]] = {mode: [] for mode in _MODES}
        for _ in range(args.rounds):
            for mode, code in _MODES.items():
                init[mode].append(_child(code, env))

        os.environ["READER_CACHE_DIR"] = cache
        import jieba

        from reader.core import keywords, segment

        keywords.warm_up()
        seed = SEED.read_text(encoding="utf-8")
        big = seed * args.repeat
        jieba_s = _best(lambda: jieba.dt.lcut(big), 3)
        fast_s = _best(lambda: segment.cut(big), 3)
        same = segment.cut(big) == jieba.dt.lcut(big)
        keywords_ms = _median_ms(lambda: keywords.keywords(seed), 15)
        entities_ms = _median_ms(lambda: keywords.entities(seed), 5)

    medians = {mode: statistics.median(values) for mode, values in init.items()}
    print(f"start-up, median of {args.rounds} fresh subprocesses (seconds):")
    for mode, value in medians.items():
        spread = f"{min(init[mode]):.3f}-{max(init[mode]):.3f}"
        print(f"  {mode:32s} {value:7.3f}   (range {spread})")
    speedup = medians["jieba default (marshal cache)"] / medians["pickle warm"]
    print(f"  pickle warm vs jieba default: {speedup:.1f}x faster")
    print(f"cutting the seed x{args.repeat} ({len(big):,} chars), best of 3:")
    print(f"  jieba.lcut                       {len(big) / jieba_s / 1e6:7.2f} M chars/s")
    print(f"  segment.cut (rjieba + fix-ups)   {len(big) / fast_s / 1e6:7.2f} M chars/s")
    print(f"  identical tokens                 {same}")
    print(f"keywords(seed) median             {keywords_ms:7.1f} ms")
    print(f"entities(seed) median             {entities_ms:7.1f} ms")
    print(
        json.dumps(
            {
                "init_s": {mode: round(v, 4) for mode, v in medians.items()},
                "pickle_speedup": round(speedup, 2),
                "cut_chars_per_s": {
                    "jieba": round(len(big) / jieba_s),
                    "segment": round(len(big) / fast_s),
                },
                "identical_tokens": same,
                "keywords_ms": round(keywords_ms, 2),
                "entities_ms": round(entities_ms, 2),
            },
            ensure_ascii=False,
        )
    )


# -- quality ------------------------------------------------------------------------------

# The number filter before this analysis (simplified numerals and measures only).
_BEFORE_NUMERIC = re.compile(
    "第?[0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟.．%％]+"
    "[年月日号时分秒个只名人次位元角岁届级期倍条项家户村座所批种类股成吨亩米度型批轮]?"
)
NAMED = {
    "自行", "公共自行", "風季", "署籲", "午後音", "樂會", "內樂", "化率", "上云用",
    "三到", "五個", "十萬", "2.5萬",
}  # fmt: skip


def _before_keywords(text: str, top: int = 10) -> list[str]:
    """The analysis before: jieba on the stored text as it is, TF-IDF, the old filter."""
    from collections import Counter

    from reader.core import keywords, segment

    stop = keywords.stopwords()
    han = re.compile("[\u3400-\u9fff]")

    def candidate(w: str) -> bool:
        if len(w) < 2 or w in stop:
            return False
        if not han.search(w):
            return bool(re.fullmatch(r"(?=[0-9]*[A-Z])[A-Z0-9]{2,6}", w))
        return not _BEFORE_NUMERIC.fullmatch(w)

    words = [w for w in segment.cut(text) if candidate(w)]
    counts = Counter(words)
    idf = keywords.IdfTable.default()
    first = {w: i for i, w in reversed(list(enumerate(words)))}
    scored = sorted(counts, key=lambda w: (-counts[w] / len(words) * idf.idf(w), first[w]))
    return scored[:top]


def _before_analysis(text: str, body: str) -> None:
    """The work of the analysis before: cut twice (terms, keywords), tag the body."""
    from reader.core import segment

    segment.cut(text)
    _before_keywords(text, 30)
    list(segment.tag(body))


def _fragment(simplified: str, word: str, stock: list[str], dictionary) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``word`` (simplified) crosses a boundary of ``stock`` anywhere in
    ``simplified`` or only ever lies inside longer dictionary words."""
    bounds, position = [], 0
    for token in stock:
        bounds.append((position, position + len(token), token))
        position += len(token)
    starts = {b[0] for b in bounds}
    ends = {b[1] for b in bounds}
    at, inside_only, seen = simplified.find(word), True, False
    while at != -1:
        seen = True
        end = at + len(word)
        if not (at in starts and end in ends):
            holder = next((b for b in bounds if b[0] <= at and end <= b[1]), None)
            if holder is None:
                return True  # crosses a boundary
            if not dictionary(holder[2]):
                inside_only = False
        else:
            inside_only = False
        at = simplified.find(word, at + 1)
    return seen and inside_only


def _quality_texts(page_dirs: list[Path]) -> list[dict]:
    """(name, script, text, user words) of the test articles and the pages' texts."""
    from reader.core import keywords, scripts

    items = []
    for a in json.loads((REPO / "tests/data/keywords/articles.json").read_text("utf-8")):
        text = f"{a['title']}\n{a['body']}"
        users = a["user_words"] + keywords.names_from_byline(a["byline"])
        script = scripts.detect_script(text)
        items.append({"name": a["name"], "group": f"test set, {script}", "text": text,
                      "body": a["body"], "users": users, "own": a["user_words"],
                      "named": set(a["fragments"]) | NAMED})  # fmt: skip
    for folder in page_dirs:
        for ref in sorted((folder / "refs").glob("*.json")):
            data = json.loads(ref.read_text("utf-8"))
            # tests/data/web's references hold paragraphs; other folders' may hold a text
            body = "\n".join(data.get("paragraphs") or []) or data.get("text") or ""
            if len(body) < 200:
                continue
            text = f"{data.get('title') or ''}\n{body}"
            script = scripts.detect_script(text)
            script = "simplified" if script == "simplified" else "traditional"
            items.append({"name": ref.stem, "group": f"pages, {script}", "text": text,
                          "body": body, "users": [], "own": [], "named": NAMED})  # fmt: skip
    return items


def quality(page_dirs: list[Path]) -> None:
    import jieba

    from reader.core import keywords, scripts, segment

    keywords.warm_up()
    jieba.initialize()
    stock_cut = jieba.Tokenizer()  # no user words: jieba as shipped
    stock_cut.FREQ, stock_cut.total = jieba.dt.FREQ.copy(), jieba.dt.total
    stock_cut.initialized = True
    dictionary = segment.segmenter().in_dictionary
    groups: dict[str, dict[str, list]] = {}
    for item in _quality_texts(page_dirs):
        text, users = item["text"], item["users"]
        simplified = scripts.convert(text, "t2s")
        stock = stock_cut.lcut(simplified)
        own = {keywords.identity(w) for w in users}
        # Before: reporters' names (added from bylines then too), as written.
        segment.set_user_words([w for w in users if w not in item["own"]])
        before = [keywords.identity(w) for w in _before_keywords(text)]
        before_s = _median_s(lambda: _before_analysis(text, item["body"]), 5)  # noqa: B023
        keywords.set_user_words(users)  # now: in both scripts
        reading = keywords.Reading(text)
        after = [w for w, _ in keywords.keywords(reading, 10)]
        record = _Record(text, item["body"])
        after_s = _median_s(lambda: _analyse(record), 5)  # noqa: B023
        named = {keywords.identity(w) for w in item["named"]}
        g = groups.setdefault(item["group"], {k: [] for k in ("b", "a", "bn", "an", "bt", "at")})
        for key, words in (("b", before), ("a", after)):
            g[key] += [
                w for w in words if w not in own and _fragment(simplified, w, stock, dictionary)
            ]
            g[key + "n"] += [w for w in words if w in named]
        g["bt"].append(before_s)
        g["at"].append(after_s)
        g.setdefault("n", []).append(len(after))
    keywords.set_user_words([])
    print("top-10 keywords: fragments found automatically / named by the test set, per group")
    print(f"  {'group':26s} {'arts':>4s} {'before':>16s} {'after':>16s}  named b/a  ms b/a (ratio)")
    summary = {}
    for name, g in groups.items():
        total = sum(g["n"])
        b, a = len(g["b"]), len(g["a"])
        tb, ta = statistics.median(g["bt"]) * 1000, statistics.median(g["at"]) * 1000
        print(
            f"  {name:26s} {len(g['n']):4d} {b:4d} ({b / total:5.1%})    {a:4d} ({a / total:5.1%})"
            f"    {len(g['bn']):3d}/{len(g['an'])}  {tb:5.1f}/{ta:5.1f} ({ta / tb:.2f})"
        )
        print(f"      before: {' '.join(sorted(set(g['b']))[:24])}")
        print(f"      after:  {' '.join(sorted(set(g['a']))[:24])}")
        summary[name] = {
            "articles": len(g["n"]),
            "keywords": total,
            "fragments_before": b,
            "fragments_after": a,
            "named_before": len(g["bn"]),
            "named_after": len(g["an"]),
            "analysis_ms_before": round(tb, 2),
            "analysis_ms_after": round(ta, 2),
        }
    print(json.dumps(summary, ensure_ascii=False))


class _Record:
    """What reader.analysis.analyse reads of an article."""

    def __init__(self, text: str, body: str) -> None:
        self.title, _, _ = text.partition("\n")
        self.subtitle = ""
        self.body = body


def _analyse(record: _Record) -> None:
    from reader.analysis import analyse
    from reader.core import keywords

    analyse(record, keywords.IdfTable.default())  # type: ignore[arg-type]


def _median_s(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    return _median_ms(fn, repeat) / 1000


if __name__ == "__main__":
    main()
