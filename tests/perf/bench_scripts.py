"""Script-conversion benchmark: chars/s per config and view-switch latency (not a test).

    python tests/perf/bench_scripts.py [--runs 9] [--json]

For every config of reader.core.scripts.CONFIGS it measures, on the seed page:

* ``load``: building the converter in this process (the first simplified-to-traditional
  config also parses STPhrases, which the others then share);
* ``plain``: ``Converter.convert`` (no offset map, no cache), chars/s;
* ``mapped``: ``convert_mapped`` with the cache cleared each time, chars/s;
* ``stock``: opencc-python-reimplemented's own ``OpenCC(config).convert`` with its bundled
  2016 dictionaries, chars/s, as the baseline (only for the configs it ships).

Then the view switch a reader does: ``convert_mapped`` of a seed-size article (the seed
page, and an 8,000-character text cut from it repeated), p50 uncached and cached, for
each view of VIEWS. Views from traditional (t2s, tw2s, hk2s ...) run on the article
converted to traditional first (s2t / s2tw / s2hk), the text they are meant for.
Last, ``fold`` (search's script folding) and ``trace_seed_ms``: ``Converter.trace`` of the
seed page in s2t (the ambiguity marks), beside ``convert_seed_ms`` of the same page.
Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.core import scripts  # noqa: E402

SEED = REPO / "seeds" / "000_6802137d44bebb66.txt"


def p50(fn: Callable[[], object], runs: int) -> float:
    """Median seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def stock_converter(config: str) -> Callable[[str], str] | None:
    try:
        from opencc import OpenCC
    except ImportError:  # pragma: no cover - the stack names it, but be forgiving
        return None
    try:
        return OpenCC(config).convert
    except Exception:  # it ships only ten configs and raises its own errors
        return None


def uncached(text: str, config: str) -> Callable[[], object]:
    def run() -> object:
        scripts.clear_cache()
        return scripts.convert_mapped(text, config)

    return run


def bench_configs(text: str, runs: int) -> dict[str, dict[str, float | None]]:
    rows: dict[str, dict[str, float | None]] = {}
    for config in scripts.CONFIGS:
        started = time.perf_counter()
        converter = scripts.get_converter(config)
        load = time.perf_counter() - started
        plain = p50(lambda c=converter: c.convert(text), runs)
        mapped = p50(uncached(text, config), runs)
        stock = stock_converter(config)
        stock_s = p50(lambda s=stock: s(text), max(3, runs // 3)) if stock else None
        rows[config] = {
            "load_ms": load * 1e3,
            "plain_cps": len(text) / plain,
            "mapped_cps": len(text) / mapped,
            "stock_cps": len(text) / stock_s if stock_s else None,
        }
    return rows


def source_for(config: str, simplified: str) -> str:
    """The article a view is for: traditional-to-simplified views get a traditional one."""
    if config.startswith("s2"):
        return simplified
    region = "s2hk" if config.startswith("hk") else "s2tw" if config.startswith("tw") else "s2t"
    return scripts.convert(simplified, region)


def bench_views(texts: dict[str, str], runs: int) -> dict[str, dict[str, dict[str, float]]]:
    result: dict[str, dict[str, dict[str, float]]] = {}
    for name, simplified in texts.items():
        result[name] = {}
        for config, _label in scripts.VIEWS[1:]:
            text = source_for(config, simplified)
            cold = p50(uncached(text, config), runs)
            scripts.convert_mapped(text, config)
            warm = p50(lambda c=config, t=text: scripts.convert_mapped(t, c), runs)
            result[name][config] = {"uncached_ms": cold * 1e3, "cached_ms": warm * 1e3}
    return result


def bench_fold(text: str, runs: int) -> dict[str, float]:
    big = text * 100
    scripts.fold(big)
    fold_s = p50(lambda: scripts.fold(big), runs)
    detect_s = p50(lambda: scripts.detect_script(text), runs)
    converter = scripts.get_converter("s2t")
    trace_s = p50(lambda: converter.trace(text), runs)
    convert_s = p50(lambda: converter.convert(text), runs)
    return {
        "fold_cps": len(big) / fold_s,
        "detect_seed_ms": detect_s * 1e3,
        "trace_seed_ms": trace_s * 1e3,
        "convert_seed_ms": convert_s * 1e3,
    }


def kcps(value: float | None) -> str:
    return "-" if value is None else f"{value / 1e3:,.0f}k"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)

    seed = SEED.read_text(encoding="utf-8")
    article = (seed * (8000 // len(seed) + 1))[:8000]
    configs = bench_configs(seed, args.runs)
    views = bench_views({"seed": seed, "8000": article}, args.runs)
    folding = bench_fold(seed, args.runs)

    if not args.json:
        print(f"seed: {len(seed)} chars; runs: {args.runs}; chars/s (k = thousand)")
        print(f"{'config':7} {'load ms':>8} {'plain':>8} {'mapped':>8} {'stock':>8}")
        for config, row in configs.items():
            print(
                f"{config:7} {row['load_ms']:8.1f} {kcps(row['plain_cps']):>8} "
                f"{kcps(row['mapped_cps']):>8} {kcps(row['stock_cps']):>8}"
            )
        print("\nview switch p50, ms (uncached / cached)")
        print(f"{'view':7} " + " ".join(f"{name:>17}" for name in views))
        for config, _ in scripts.VIEWS[1:]:
            cells = " ".join(
                f"{v[config]['uncached_ms']:8.1f} /{v[config]['cached_ms']:7.3f}"
                for v in views.values()
            )
            print(f"{config:7} {cells}")
        print(
            f"\nfold: {folding['fold_cps'] / 1e6:.1f}M chars/s; "
            f"detect_script(seed): {folding['detect_seed_ms']:.2f} ms; "
            f"s2t trace(seed): {folding['trace_seed_ms']:.1f} ms "
            f"against convert {folding['convert_seed_ms']:.1f} ms"
        )
    print(json.dumps({"seed_chars": len(seed), "configs": configs, "views": views} | folding))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
