"""ICU's data library cut down to what Qt asks of it here (Linux; used by reader.spec).

PySide6's Linux wheel carries ICU, whose ``libicudata`` is one ICU common data package
(symbol ``icudt<N>_dat``): every locale's names, units, currencies, calendars, time zone
names, break rules, 190 legacy converters … Qt Core calls ICU for collation (QCollator:
the file dialogs sort names with it), case mapping in a locale, time zone names and
converters for legacy encodings named to QStringConverter. Qt lays out and breaks lines
itself and has its own locale data; the app shows no time zone names and decodes files in
Python. So the collation of the interface's languages and ICU's own tables are kept, and
the rest goes: 32 MB -> 3.3 MB (tests/test_icu_data.py checks that Qt sorts, maps case and
breaks Chinese lines on it exactly as on the whole data).

``trimmed_library`` writes a library of the same name and symbol holding the items
``wanted`` keeps, in ICU's package format (byte for byte as its icupkg writes it),
assembled and linked by binutils (``as``, ``ld``; the spec needs ``objdump`` anyway).

    python resources/packaging/icu_data.py LIBICUDATA [OUT]

lists the items with their sizes and whether each is kept (and writes OUT when given).
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ALIGN = 16  # ICU wants every item, and the package, 16-byte aligned
PAD = b"\xaa"  # what icupkg fills the gaps with

# A locale's data file (``zh_Hant_TW.res``), and those kept: the interface's languages,
# with their parents (ICU falls back from zh_Hant_TW to zh_Hant, zh, root).
LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*\.res")
KEPT_LOCALES = re.compile(r"(en|zh)(_[A-Za-z0-9]+)*\.res")
# Trees with data Qt never asks for (formatting of numbers, dates, units and currencies,
# display names of languages, regions and zones, break iterators, transliteration).
DROPPED_TREES = {"brkitr", "curr", "lang", "rbnf", "region", "translit", "unit", "zone"}
# Files Qt never opens: character names, confusables, stringprep profiles, and the legacy
# converters (the alias table stays, so an encoding's name still resolves).
DROPPED_FILES = re.compile(r"unames\.icu|confusables\.cfu|.*\.spp|.*\.cnv")


def wanted(item: str) -> bool:
    """Whether ``item`` (``coll/zh.res``, ``root.res``, ``gb18030.cnv``) is kept."""
    tree, _, name = item.rpartition("/")
    if tree in DROPPED_TREES or DROPPED_FILES.fullmatch(name):
        return False
    if LOCALE.fullmatch(name) and name != "res_index.res":
        return bool(KEPT_LOCALES.fullmatch(name))  # a locale's own data, in a tree or not
    return True  # the trees' indexes and shared tables, ICU's own tables


def read_package(blob: bytes) -> tuple[bytes, str, list[tuple[str, bytes]]]:
    """A common data package: its header, the items' prefix (``icudt73l``) and items."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    if blob[8] != 0:  # UDataInfo.isBigEndian: the offsets below are read little-endian
        raise ValueError("a big-endian ICU data package")
    (count,) = struct.unpack_from("<I", blob, header_size)
    toc = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in toc[1:]] + [len(blob) - header_size]
    items = []
    for (name_at, data_at), end in zip(toc, ends, strict=True):
        start = header_size + name_at
        name = blob[start : blob.index(b"\0", start)].decode("ascii")
        items.append((name, blob[header_size + data_at : header_size + end]))
    prefix = items[0][0].split("/", 1)[0]
    return blob[:header_size], prefix, items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package of ``items`` (kept in their sorted order: ICU searches them by name)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_at = _aligned(toc_size + len(names))
    offsets, name_at, body = [], toc_size, bytearray()
    for name, data in items:
        offsets.append((name_at, data_at + len(body)))
        name_at += len(name) + 1
        body += data + PAD * (_aligned(len(data)) - len(data))
    toc = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", *o) for o in offsets)
    padding = PAD * (data_at - toc_size - len(names))
    return header + toc + names + padding + bytes(body)


def _aligned(n: int) -> int:
    return (n + ALIGN - 1) // ALIGN * ALIGN


def package_of(library: Path) -> tuple[str, bytes]:
    """The data symbol's name and bytes in an ICU data library (objdump's tables)."""
    symbols = _objdump("-T", library)
    found = re.search(r"^([0-9a-f]+)\s.*\s([0-9a-f]+)\s+(icudt\d+_dat)$", symbols, re.M)
    if found is None:
        raise ValueError(f"{library.name}: no icudt*_dat symbol")
    address, size, symbol = int(found[1], 16), int(found[2], 16), found[3]
    for line in _objdump("-h", library).splitlines():
        fields = line.split()
        # Idx Name Size VMA LMA File-offset Align
        if len(fields) == 7 and fields[0].isdigit():
            vma, length, offset = int(fields[3], 16), int(fields[2], 16), int(fields[5], 16)
            if vma <= address < vma + length:
                start = offset + address - vma
                return symbol, library.read_bytes()[start : start + size]
    raise ValueError(f"{library.name}: {symbol} is in no section")


# The package as a read-only object of its own name and size, as ICU's build makes it.
ASSEMBLY = """\
    .section .rodata
    .globl {symbol}
    .type {symbol}, STT_OBJECT
    .size {symbol}, {size}
    .balign 16
{symbol}:
    .incbin "{data}"
"""


def trimmed_library(library: Path, out: Path) -> tuple[int, int]:
    """Write ``library`` with only the wanted items to ``out``; both packages' sizes."""
    symbol, blob = package_of(library)
    header, prefix, items = read_package(blob)
    kept = [(n, d) for n, d in items if wanted(n.removeprefix(prefix + "/"))]
    package = write_package(header, kept)
    with tempfile.TemporaryDirectory() as tmp:
        raw, source, obj = Path(tmp) / "data", Path(tmp) / "data.s", Path(tmp) / "data.o"
        raw.write_bytes(package)
        source.write_text(ASSEMBLY.format(symbol=symbol, size=len(package), data=raw))
        subprocess.run(["as", "-o", str(obj), str(source)], check=True, capture_output=True)
        soname = re.search(r"SONAME\s+(\S+)", _objdump("-p", library))
        name = soname[1] if soname else library.name
        link = ["ld", "-shared", "-soname", name, "-z", "noexecstack", "-o", str(out)]
        subprocess.run([*link, str(obj)], check=True, capture_output=True)
    return len(blob), len(package)


def _objdump(flag: str, path: Path) -> str:
    return subprocess.run(
        ["objdump", flag, str(path)], check=True, capture_output=True, text=True
    ).stdout


def main() -> int:
    library = Path(sys.argv[1])
    _, blob = package_of(library)
    _, prefix, items = read_package(blob)
    for name, data in items:
        item = name.removeprefix(prefix + "/")
        print(f"{'keep' if wanted(item) else 'drop'} {len(data):9d} {item}")
    if len(sys.argv) > 2:
        before, after = trimmed_library(library, Path(sys.argv[2]))
        print(f"{before / 1e6:.1f} MB -> {after / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
