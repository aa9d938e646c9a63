"""The vocabulary (生词本) as the CLI and the window use it: adding a word with what the
dictionary says of it, and exporting the list to Anki (``.apkg``) or CSV.

No Qt here. An export is written whole beside its target and linked into place, never over
an existing file (FileExistsError): a failed or refused export leaves no file behind and
touches nothing that was there.
"""

from __future__ import annotations

import csv
import html
import io
import logging
import os
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.readings import has_han

if TYPE_CHECKING:
    from reader.companion import Lookup
    from reader.core.records import VocabularyWord
    from reader.library import Library

log = logging.getLogger(__name__)

FORMATS = ("anki", "csv")
CSV_COLUMNS = ("word", "reading", "definition", "sentence", "article", "link", "known", "added")
MAX_DEFINITIONS = 6  # what a card or a list row shows; the popup shows them all

# Fixed ids (genanki's advice): Anki recognises the note type and deck on every import,
# and a note by its guid (made from the word), so exporting again updates the cards.
ANKI_MODEL_ID = 1_734_091_219
ANKI_DECK_ID = 1_734_091_220
ANKI_DECK_NAME = "阅报 Reader 生词本"
ANKI_FIELDS = ("Word", "Reading", "Definition", "Sentence", "Article", "Link")


class VocabularyError(ValueError):
    """A word that cannot be added (no Chinese characters): one clear line."""


def add_word(
    lib: Library,
    word: str,
    *,
    article_id: int | None = None,
    sentence: str = "",
    found: Lookup | None = None,
) -> VocabularyWord:
    """Add `word` with its reading and definitions from the dictionary (what is known of
    it: a word without an entry is kept with its reading alone); `found`: the word's
    lookup when the caller has it (the popup's, read in its context)."""
    from reader.companion import NothingToLookUp

    word = word.strip()
    if not has_han(word):
        raise VocabularyError(f"{word!r} has no Chinese characters to add")
    if found is None:
        try:
            found = lib.companion.lookup(word, jyutping=False, parts=False)
        except NothingToLookUp as e:
            raise VocabularyError(str(e)) from e
    title = ""
    if article_id is not None:
        record = lib.get(article_id)
        if record is None:
            raise VocabularyError(f"no article with id {article_id}")
        title = record.title
    return lib.vocabulary.add(
        word,
        reading=found.pinyin,
        definition="; ".join(found.definitions[:MAX_DEFINITIONS]),
        sentence=sentence.strip(),
        article_id=article_id,
        article_title=title,
    )


def article_link(article_id: int | None) -> str:
    return f"reader://article/{article_id}" if article_id is not None else ""


def csv_bytes(words: Sequence[VocabularyWord]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for w in words:
        writer.writerow(
            (
                w.word,
                w.reading,
                w.definition,
                w.sentence,
                w.article_title,
                article_link(w.article_id),
                "yes" if w.known else "no",
                w.added_at,
            )
        )
    # With a byte-order mark: spreadsheet programs then read the characters as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def marked_sentence(sentence: str, word: str) -> str:
    """The sentence as HTML with each occurrence of the word in bold."""
    parts = sentence.split(word) if word else [sentence]
    return f"<b>{html.escape(word)}</b>".join(html.escape(p) for p in parts)


def write_anki(words: Sequence[VocabularyWord], path: Path, *, replace: bool = False) -> None:
    """An Anki package of one note per word, written beside `path` then linked to it."""
    import genanki

    model = genanki.Model(
        ANKI_MODEL_ID,
        "阅报 Reader word",
        fields=[{"name": name} for name in ANKI_FIELDS],
        templates=[
            {
                "name": "Recognition",
                "qfmt": '<div class="word">{{Word}}</div><div class="sentence">{{Sentence}}</div>',
                "afmt": (
                    '{{FrontSide}}<hr id="answer"><div class="reading">{{Reading}}</div>'
                    '<div class="definition">{{Definition}}</div>'
                    '<div class="article">{{Article}} {{Link}}</div>'
                ),
            }
        ],
        css=(
            ".card { font-family: sans-serif; text-align: center; }"
            " .word { font-size: 40px; } .sentence { font-size: 20px; margin-top: 12px; }"
            " .reading { font-size: 22px; } .article { font-size: 12px; color: #666; }"
        ),
    )
    deck = genanki.Deck(ANKI_DECK_ID, ANKI_DECK_NAME)
    for w in words:
        link = article_link(w.article_id)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    html.escape(w.word),
                    html.escape(w.reading),
                    html.escape(w.definition),
                    marked_sentence(w.sentence, w.word),
                    html.escape(w.article_title),
                    f'<a href="{html.escape(link)}">{html.escape(link)}</a>' if link else "",
                ],
                guid=genanki.guid_for(w.word),
                tags=["yuebao-reader"] + (["known"] if w.known else []),
            )
        )
    _write_new(path, lambda tmp: genanki.Package(deck).write_to_file(str(tmp)), replace)


def write_csv(words: Sequence[VocabularyWord], path: Path, *, replace: bool = False) -> None:
    data = csv_bytes(words)
    _write_new(path, lambda tmp: tmp.write_bytes(data), replace)


def export(lib: Library, fmt: str, path: Path, *, replace: bool = False) -> int:
    """Write every word of the vocabulary to `path` in `fmt`; the number written.
    FileExistsError when `path` exists (nothing is replaced) unless `replace` (the window's
    save dialog asked): then a regular file is replaced whole, never a link or device;
    OSError when it cannot be written."""
    words = lib.vocabulary.all()
    if fmt == "anki":
        write_anki(words, path, replace=replace)
    elif fmt == "csv":
        write_csv(words, path, replace=replace)
    else:
        raise ValueError(f"unknown vocabulary format {fmt!r}; valid: {' '.join(FORMATS)}")
    return len(words)


def _write_new(path: Path, write: Callable[[Path], object], replace: bool = False) -> None:
    """`write(tmp)` into a temporary file beside `path`, then give it `path`'s name only
    if no file has that name (a hard link cannot replace one); with `replace`, over a
    regular file of that name too (renamed over it: whole or not at all)."""
    replacing = replace and path.is_file() and not path.is_symlink()
    if os.path.lexists(path) and not replacing:
        raise FileExistsError(17, "the file exists; not replaced", str(path))
    if replacing and not os.access(path, os.W_OK):
        raise PermissionError(13, "the file is read-only; not replaced", str(path))
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        if replacing:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise FileExistsError(17, "the file exists; not replaced", str(path)) from None
        except OSError:  # a file system without hard links: rename, checked just before
            if os.path.lexists(path):
                raise FileExistsError(17, "the file exists; not replaced", str(path)) from None
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
