"""Command line: ``reader [--data-dir DIR] [FILE...]`` opens the window; subcommands script it.

The GUI is imported only when the window is asked for, so subcommands start fast and
run without a display. Every known failure is one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from reader import __version__
from reader.core import processes

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1


class UserError(Exception):
    """Bad input from the command line: one clear line, exit 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, exit 1, as for every other problem (argparse's default is usage + exit 2).
        from reader.core.errors import one_line

        self.exit(EXIT_FAILED, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


MAX_INTEGER = 2**63 - 1  # the library's integers (SQLite's) end here


def integer(text: str) -> int:
    """An integer argument the library can take (ids, counts, offsets)."""
    shown = text if len(text) <= 24 else f"{text[:20]}…"
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {shown!r}") from None
    if value > MAX_INTEGER:
        raise argparse.ArgumentTypeError(f"{shown} is too large (at most {MAX_INTEGER})")
    if value < -MAX_INTEGER:
        raise argparse.ArgumentTypeError(f"{shown} is too small (at least {-MAX_INTEGER})")
    return value


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str) -> Callable[[Callable[[argparse.Namespace], int]], Callable]:
    def register(fn: Callable[[argparse.Namespace], int]) -> Callable:
        COMMANDS[name] = fn
        return fn

    return register


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reader", description="阅报 Reader: read Chinese newspaper text.")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="library and settings folder")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("import", help="import files, folders or web pages (https://…)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder or a web address")
    p.add_argument(
        "--as-text",
        action="store_true",
        help="import a web page that is not an article (a list, a forum) as plain text",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("list", help="list the articles")
    p.add_argument("--script", metavar="CONFIG", help="titles in this script (e.g. s2tw)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="print one article")
    p.add_argument("id", type=integer)
    p.add_argument("--script", metavar="CONFIG", help="show in this script (e.g. s2tw)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="find articles (hits in the snippet marked 【】)")
    p.add_argument("query", nargs="+", metavar="QUERY", help="words that must all occur")
    p.add_argument("--limit", type=integer, default=20, metavar="N", help="at most N (default 20)")
    p.add_argument("--script", metavar="CONFIG", help="titles and snippets in this script")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("keywords", help="an article's keywords")
    p.add_argument("id", type=integer)
    p.add_argument("--top", type=integer, default=10, metavar="N")
    p.add_argument("--script", metavar="CONFIG", help="words in this script (e.g. s2tw)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="export articles as md, json, html or txt")
    p.add_argument("ids", nargs="*", type=integer, metavar="ID")
    p.add_argument("--all", action="store_true", help="every article in the library")
    p.add_argument("--format", required=True, choices=("md", "json", "html", "txt"))
    p.add_argument("--script", metavar="CONFIG", help="export in this script (e.g. s2tw)")
    p.add_argument(
        "--annotations",
        action="store_true",
        help="export the articles' highlights and notes (json: W3C Web Annotation)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    p = sub.add_parser("annotate", help="highlight a passage, with an optional note")
    p.add_argument("id", type=integer)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", metavar="TEXT", help="the passage, as the view shows it")
    where.add_argument("--start", type=integer, metavar="S", help="code point offset in the view")
    p.add_argument("--end", type=integer, metavar="E", help="with --start: end offset")
    p.add_argument(
        "--occurrence", type=integer, default=1, metavar="N", help="Nth match of --quote"
    )
    p.add_argument("--script", metavar="CONFIG", help="offsets and quote in this view")
    p.add_argument("--color", default="yellow", metavar="NAME", help="colour or its meaning")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("annotations", help="list highlights and notes")
    p.add_argument("id", type=integer, nargs="?", help="one article (default: all)")
    p.add_argument("--script", metavar="CONFIG", help="offsets and quotes in this view")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("feeds", help="subscriptions: news feeds that fill the library")
    feeds = p.add_subparsers(
        dest="feeds_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    f = feeds.add_parser("add", help="subscribe to a feed, or to the feed a site's page names")
    f.add_argument("url", metavar="URL")
    f.add_argument("--folder", default="", metavar="NAME", help="put it in this folder")
    f.add_argument("--json", action="store_true")
    f = feeds.add_parser("list", help="the subscriptions, with their unread counts")
    f.add_argument("--json", action="store_true")
    f = feeds.add_parser("refresh", help="fetch new entries (all feeds, or these)")
    f.add_argument("ids", nargs="*", type=integer, metavar="ID")
    f.add_argument("--json", action="store_true")
    f = feeds.add_parser("remove", help="unsubscribe (its articles stay)")
    f.add_argument("id", type=integer, metavar="ID")
    f.add_argument(
        "--delete-articles", action="store_true", help="move its articles to the trash too"
    )
    f = feeds.add_parser("import-opml", help="subscribe to the feeds of an OPML file")
    f.add_argument("file", metavar="FILE")
    f = feeds.add_parser("export-opml", help="write the subscriptions as OPML")
    f.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    p = sub.add_parser("backup", help="copy the library: a new rolling backup, or FILE")
    p.add_argument("-o", "--output", metavar="FILE", help="write the copy here")
    p.add_argument("--list", action="store_true", help="list the rolling backups instead")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "restore", help="make the library the one in a backup (the current one backed up first)"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("convert", help="convert text between scripts (stdin to stdout)")
    p.add_argument("--config", required=True, metavar="CONFIG", help="s2t, t2s, s2tw, ...")
    p.add_argument("file", nargs="?", metavar="FILE")

    p = sub.add_parser("lookup", help="a word's readings and CC-CEDICT definitions")
    p.add_argument("word", metavar="WORD")
    p.add_argument("--script", metavar="CONFIG", help="show the word in this view (s2twp, ...)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("pinyin", help="text with its reading, word by word (stdin to stdout)")
    p.add_argument("--format", default="marks", choices=("marks", "numbers", "zhuyin", "jyutping"))
    p.add_argument("--json", action="store_true", help='[{"text", "reading"}] covering the text')
    p.add_argument("file", nargs="?", metavar="FILE")

    p = sub.add_parser("speak", help="read text aloud, or into a WAV file (espeak-ng)")
    p.add_argument("text", nargs="?", default="-", metavar="TEXT", help="- or none: stdin")
    p.add_argument("--voice", default="mandarin", choices=("mandarin", "cantonese"))
    p.add_argument("-o", "--output", metavar="FILE.wav", help="write a WAV file instead")

    p = sub.add_parser("words", help="the vocabulary (生词本): add, list, remove, export")
    words = p.add_subparsers(
        dest="words_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    w = words.add_parser("add", help="add a word (with its reading and definitions)")
    w.add_argument("word", metavar="WORD")
    w.add_argument("--article", type=integer, metavar="ID", help="the article it was met in")
    w.add_argument("--sentence", metavar="S", help="the sentence it was met in")
    w = words.add_parser("list", help="every word, the newest first")
    w.add_argument("--json", action="store_true")
    w = words.add_parser("remove", help="remove a word")
    w.add_argument("word", metavar="WORD")
    w = words.add_parser("export", help="write the vocabulary for Anki (.apkg) or as CSV")
    w.add_argument("--format", required=True, choices=("anki", "csv"))
    w.add_argument("-o", "--output", required=True, metavar="FILE")
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reader", description="阅报 Reader: read Chinese newspaper text.")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="library and settings folder")
    parser.add_argument("files", nargs="*", metavar="FILE", help="files to import and show")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="add the app to this user's launcher and Open With menus, then exit",
    )
    desktop.add_argument(
        "--uninstall-desktop", action="store_true", help="remove what --install-desktop added"
    )
    return parser


def first_positional(argv: Sequence[str]) -> str | None:
    """The first word that is not an option or an option's value."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--data-dir":
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == [processes.RUN_MODULE]:  # the bundle starting a process of its own
        return processes.run_module(argv[1:])
    logging.basicConfig(level=logging.WARNING, format="reader: %(levelname)s: %(message)s")
    if first_positional(argv) not in COMMANDS:
        args = _parse(build_gui_parser(), argv)
        if isinstance(args, int):  # --help or --version whose output failed
            return args
        if args.install_desktop or args.uninstall_desktop:
            return desktop_integration(args)
        cannot = _cannot_open_window(args.files)
        if cannot is not None:
            problem(cannot)
            return EXIT_FAILED
        import gc

        # No cyclic collection while the window is built (passes over start-up's objects,
        # which nearly all live on; bench_tricks.py "gc on"): run() turns it on once the
        # window has painted.
        gc.disable()
        try:
            from reader.gui import pyside_imports

            pyside_imports.install()  # before the GUI's own imports, which it makes cheaper
            from reader.gui.app import run  # the only place the GUI is imported

            return run(args.data_dir, args.files)
        finally:
            gc.enable()
    args = _parse(build_parser(), argv)
    if isinstance(args, int):  # --help or --version whose output failed
        return args
    from reader.core.errors import LibraryError

    def command() -> int:
        try:
            _check_text_arguments(args)
            return COMMANDS[args.command](args)
        except (UserError, LibraryError) as e:
            problem(str(e))
            return EXIT_FAILED
        except KeyboardInterrupt:
            problem("interrupted")
            return 130

    return _writing_output(command)


def _cannot_open_window(files: Sequence[str]) -> str | None:
    """Why the window would not open, said before Qt aborts the process for it: a word
    that is neither a command nor a file here (a command mistyped), or no display."""
    import os
    import re

    for name in files:
        if re.fullmatch(r"[a-z][a-z-]*", name) and not os.path.lexists(name):
            commands = ", ".join(sorted(COMMANDS))
            return f"no such command or file: {name} (the commands: {commands})"
    display = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    if sys.platform.startswith("linux") and not any(os.environ.get(v) for v in display):
        return (
            "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set);"
            " the commands work without one: reader import, list, show, search …"
        )
    return None


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """The arguments; SystemExit once --help, --version or an error has been said (with
    status 1 when that output cannot be written: argparse itself would exit 0)."""
    return _writing_output(lambda: parser.parse_args(argv))


def _writing_output(work):
    """``work()`` with stdout's write errors as one line: exit 1, or 0 for a closed pipe."""
    stdout = sys.stdout
    sys.stdout = _Output(stdout)
    try:
        try:
            result = work()
        except SystemExit:
            sys.stdout.flush()
            raise
        sys.stdout.flush()
        return result
    except OutputError as e:
        _silence(stdout)  # Python's own flush at exit would fail again, with a traceback
        if e.broken_pipe:  # `reader list | head`: the reader of the output has had enough
            return EXIT_OK
        problem(f"cannot write the output: {e}")
        return EXIT_FAILED
    finally:
        sys.stdout = stdout


def problem(message: str) -> None:
    """One line on stderr, whatever the message holds (line breaks, a file name's bytes)."""
    from reader.core.errors import one_line

    try:
        sys.stderr.write(f"reader: {one_line(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # stderr itself is gone: nowhere left to say it


class OutputError(Exception):
    """Writing the command's output (stdout) failed: a full disk, a closed pipe."""

    def __init__(self, error: OSError) -> None:
        super().__init__((error.strerror or str(error)).lower())
        self.broken_pipe = isinstance(error, BrokenPipeError)


class _Output:
    """stdout, whose write errors are told apart from the library's and the input's."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except UnicodeEncodeError:  # an encoding that lacks a character: write it escaped
            encoding = getattr(self._stream, "encoding", None) or "utf-8"
            return self.write(text.encode(encoding, "backslashreplace").decode(encoding))
        except OSError as e:
            raise OutputError(e) from e

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as e:
            raise OutputError(e) from e

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _silence(stream) -> None:
    """Point a failed stdout at the null device, so nothing is written (or fails) later."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass  # not a file (a test's capture): nothing will flush it at exit


# Arguments that name files may hold any bytes; the others must be text.
_PATH_ARGUMENTS = {"paths", "file", "output", "data_dir"}


def _check_text_arguments(args: argparse.Namespace) -> None:
    from reader.core.errors import one_line

    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        if name in _PATH_ARGUMENTS or not all(isinstance(v, str) for v in values):
            continue
        for text in values:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                what = name.upper() if name == "query" else f"--{name}"
                raise UserError(
                    f"{what} is not UTF-8 text: {one_line(text)} (check the terminal's encoding)"
                ) from None


def desktop_integration(args: argparse.Namespace) -> int:
    """--install-desktop / --uninstall-desktop: one line per file, no GUI import."""
    from reader import desktop

    if args.files:
        print("reader: --install-desktop/--uninstall-desktop take no files", file=sys.stderr)
        return EXIT_FAILED
    try:
        if args.install_desktop:
            done = desktop.install(data_dir=args.data_dir)
            verb = "installed"
        else:
            done = desktop.uninstall()
            verb = "removed"
    except OSError as e:
        where = f"{e.filename}: " if e.filename else ""
        print(f"reader: {where}{e.strerror or e}", file=sys.stderr)
        return EXIT_FAILED
    for path in done:
        print(f"{verb} {path}")
    return EXIT_OK


# -- commands ------------------------------------------------------------------------------


# How long a command waits for another process writing the library before it gives up.
LOCK_WAIT_S = 120.0


def open_library(args: argparse.Namespace):  # -> Library, imported lazily for start-up speed
    from reader.library import Library

    def waiting(path: Path) -> None:
        problem(f"another reader is writing the library {path}; waiting…")

    return Library.open(args.data_dir, lock_wait=LOCK_WAIT_S, on_wait=waiting)


def print_json(value: object) -> None:
    import json  # not at the top: the window does not need it

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@command("import")
def cmd_import(args: argparse.Namespace) -> int:
    lib = open_library(args)
    bar = ProgressBar() if sys.stderr.isatty() else None
    report = lib.import_paths(args.paths, progress=bar, as_text=args.as_text)
    if bar:
        bar.finish()
    try:
        _print_import(lib, report, args.json)
    finally:  # said even when the output cannot be written
        for source, message in report.warnings:
            problem(f"warning: {source}: {message}")
        as_text = set(report.not_articles)
        for source, message in report.errors:
            hint = " (--as-text imports its text)" if source in as_text else ""
            problem(f"{source}: {message}{hint}")
    return EXIT_FAILED if report.errors else EXIT_OK


def _print_import(lib, report, as_json: bool) -> None:  # lib: Library, report: ImportReport
    from reader.core.errors import one_line
    from reader.views import article_dict, article_view

    if as_json:
        print_json(
            {
                "articles": [article_dict(article_view(a, None)) for a in report.articles],
                "errors": [{"source": s, "error": e} for s, e in report.errors],
                "duplicates": [{"source": s, "id": i} for s, i in report.duplicates],
                **_imported_annotations(lib, report),
            }
        )
        return
    for a in report.articles:
        print(f"{a.id:>6}  {a.display_title}")
    already: dict[str, list[int]] = {}
    for source, article_id in report.duplicates:
        already.setdefault(source, []).append(article_id)
    for source, ids in already.items():  # e.g. a second copy of a file, at another path
        print(f"already in the library: {one_line(source)} (id {', '.join(map(str, ids))})")
    print(
        f"imported {len(report.articles)} articles, {len(report.duplicates)} already "
        f"in the library, {len(report.errors)} failed"
    )
    if report.annotations or report.annotation_duplicates:
        print(
            f"imported {len(report.annotations)} annotations, "
            f"{len(report.annotation_duplicates)} already in the library"
        )


@command("list")
def cmd_list(args: argparse.Namespace) -> int:
    if args.script is not None:
        _check_config(args.script)
    lib = open_library(args)
    in_view = lib.script_view(args.script)
    ids = lib.articles.ids()
    rows = lib.articles.rows(ids)
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "title": in_view(r.title, r.script),
                    "display_title": in_view(r.display_title, r.script),
                    "subtitle": in_view(r.subtitle, r.script),
                    "section": in_view(r.section, r.script),
                    "kind": r.kind,
                    "source": r.source,
                    "added": r.added_at,
                    "published": r.published or None,
                    "url": r.url or None,
                    "site": r.site,
                }
                for r in (rows[i] for i in ids)
            ]
        )
    else:
        for i in ids:
            r = rows[i]
            # The publication date, else the day added marked with a "+".
            title = in_view(r.display_title, r.script)
            print(f"{r.id:>6}  {r.date}{' ' if r.dated else '+'}  {title}")
    return EXIT_OK


@command("show")
def cmd_show(args: argparse.Namespace) -> int:
    from reader.core.scripts import UnknownConfig
    from reader.views import article_dict

    lib = open_library(args)
    record = lib.get(args.id)
    if record is None:
        raise UserError(f"no article with id {args.id}")
    try:
        view = lib.view(record, args.script)
    except UnknownConfig as e:
        raise UserError(str(e)) from e
    if args.json:
        print_json(article_dict(view))
        return EXIT_OK
    where = [record.published or "", record.site, record.url or ""]  # a web page's
    head = [view.display_title, view.subtitle, view.byline, "  ".join(w for w in where if w)]
    print("\n".join(h for h in head if h))
    print()
    print("\n\n".join(p for p in view.paragraphs if p.strip()))
    for caption in view.captions:
        print(f"\n[图] {caption}")
    return EXIT_OK


@command("search")
def cmd_search(args: argparse.Namespace) -> int:
    from reader.core import textsearch

    query = " ".join(args.query)  # `reader search 疫情 防控` = `reader search "疫情 防控"`
    if not textsearch.query_terms(query):
        raise UserError("give a word to search for")
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    if args.script is not None:
        _check_config(args.script)
    lib = open_library(args)
    hits = lib.articles.search(query, limit=args.limit)
    if args.script is not None:  # titles and snippets as the view writes them
        in_view = lib.script_view(args.script)
        rows = lib.rows(h.id for h in hits)
        shown = []
        for h in hits:
            script = rows[h.id].script if h.id in rows else None
            title = in_view.snippet(textsearch.Snippet(h.title, h.title_spans), script)
            snippet = in_view.snippet(h.snippet, script)
            shown.append(h._replace(title=title.text, title_spans=title.spans, snippet=snippet))
        hits = shown
    if args.json:
        print_json([h.as_json() for h in hits])
        return EXIT_OK
    for h in hits:
        title = textsearch.Snippet(h.title, h.title_spans).marked()  # hits in the title too
        print(f"{h.id:>6}  {title}")
        print(f"{'':8}{h.marked_snippet}")
    if not hits:
        print(f"no article matches {query}")
    return EXIT_OK


@command("keywords")
def cmd_keywords(args: argparse.Namespace) -> int:
    from reader.analysis import analyse_pending
    from reader.store.analysis import AnalysisStore

    if args.script is not None:
        _check_config(args.script)
    lib = open_library(args)
    record = lib.get(args.id)
    if record is None:
        raise UserError(f"no article with id {args.id}")
    if args.top < 1:
        raise UserError("--top must be at least 1")
    store = AnalysisStore(lib.db)
    if store.entities(args.id) is None or args.id in store.pending():
        analyse_pending(lib)  # what the window does in the background after an import
    # As the article writes them (or the view): 自行車 in a Taiwan article, 自行车 in t2s.
    words = lib.keywords_in_view(lib.view(record, args.script), args.top)
    if args.json:
        print_json([{"word": k.text, "weight": round(k.weight, 6)} for k in words])
    else:
        for k in words:
            print(f"{k.weight:8.4f}  {k.text}")
    return EXIT_OK


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    from reader.core.scripts import UnknownConfig
    from reader.export import export

    if bool(args.ids) == args.all:
        raise UserError("give article ids or --all (not both)")
    lib = open_library(args)
    ids = lib.articles.ids() if args.all else args.ids
    records = []
    for article_id in ids:
        record = lib.get(article_id)
        if record is None:
            raise UserError(f"no article with id {article_id}")
        records.append(record)
    try:
        views = [lib.view(r, args.script) for r in records]
    except UnknownConfig as e:
        raise UserError(str(e)) from e
    if args.annotations:
        from reader.annotation_io import ANNOTATION_WRITERS

        if args.format == "json":
            import json

            text = json.dumps(lib.export_annotations(ids), ensure_ascii=False, indent=2) + "\n"
        else:
            text = ANNOTATION_WRITERS[args.format](lib, views)
    else:
        text = export(views, args.format)
    _write_output(args.output, text)
    return EXIT_OK


def _write_output(output: str | None, text: str) -> None:
    """`text` to the file given with -o (whole or not at all), else to standard output."""
    if not output:
        sys.stdout.write(text)
        return
    from reader.library import write_atomically

    try:
        write_atomically(Path(output), text)
    except OSError as e:
        raise UserError(f"cannot write {output}: {e.strerror or e}") from e


def _imported_annotations(lib, report) -> dict:  # lib: Library, report: ImportReport
    """The import JSON's annotation keys, present only when annotations were imported."""
    from reader.annotation_io import annotation_dict

    if not (report.annotations or report.annotation_duplicates):
        return {}
    return {
        "annotations": [
            annotation_dict(lib, n, None if n.orphaned else (n.start, n.end), n.exact)
            for n in report.annotations
        ],
        "annotation_duplicates": [{"source": s, "id": i} for s, i in report.annotation_duplicates],
    }


def _annotation_view(lib, article_id: int, config: str | None):  # -> ArticleView
    from reader.core.scripts import UnknownConfig

    record = lib.get(article_id)
    if record is None:
        raise UserError(f"no article with id {article_id}")
    try:
        return lib.view(record, config)
    except UnknownConfig as e:
        raise UserError(str(e)) from e


def _print_annotations(items: list[dict]) -> None:
    for a in items:
        where = "（已失位）" if a["orphaned"] else f"{a['start']}-{a['end']}"
        note = f"  {a['note']}" if a["note"] else ""
        print(f"{a['article']:>6}  {where}  {a['meaning'] or a['color']}  「{a['quote']}」{note}")


@command("annotate")
def cmd_annotate(args: argparse.Namespace) -> int:
    from reader.annotation_io import annotation_dicts

    if (args.start is None) != (args.end is None):
        raise UserError("--start needs --end")
    lib = open_library(args)
    view = _annotation_view(lib, args.id, args.script)
    try:
        color = lib.annotations.colour_key(args.color)
        if args.quote is not None:
            saved = lib.annotate_quote(
                args.id, args.script, args.quote, args.occurrence, color, args.note
            )
        else:
            saved = lib.annotate(args.id, args.script, args.start, args.end, color, args.note)
    except ValueError as e:
        raise UserError(str(e)) from e
    [item] = [a for a in annotation_dicts(lib, view) if a["id"] == saved.id]
    if args.json:
        print_json(item)
    else:
        print(f"saved {item['id']}")
        _print_annotations([item])
    return EXIT_OK


@command("annotations")
def cmd_annotations(args: argparse.Namespace) -> int:
    from reader.annotation_io import annotation_dicts

    if args.script is not None:
        _check_config(args.script)  # an error even when there is nothing to list
    lib = open_library(args)
    if args.id is not None:
        ids = [args.id]
    else:
        ids = list(dict.fromkeys(n.article_id for n in lib.annotations.browse()))
    items = []
    for article_id in ids:
        items += annotation_dicts(lib, _annotation_view(lib, article_id, args.script))
    if args.json:
        print_json(items)
    else:
        _print_annotations(items)
    return EXIT_OK


@command("feeds")
def cmd_feeds(args: argparse.Namespace) -> int:
    action = args.feeds_command
    lib = open_library(args)
    if action == "add":
        feed, result = lib.subscribe(args.url, args.folder)
        for warning in result.warnings:
            problem(f"warning: {warning}")
        if args.json:
            print_json(feed.as_json())
        else:
            print(f"{feed.id:>4}  {feed.name}  {feed.url}")
            print(f"subscribed; {len(result.new)} new articles")
        if result.error:
            problem(f"feed {feed.id}: {result.error}")
            return EXIT_FAILED
        return EXIT_OK
    if action == "list":
        feeds = lib.subscriptions()
        if args.json:
            print_json([f.as_json() for f in feeds])
        for f in [] if args.json else feeds:
            folder = f"{f.folder}/" if f.folder else ""
            error = f"  ! {f.error}" if f.error else ""
            print(f"{f.id:>4}  {f.unread:>4}/{f.articles:<5} {folder}{f.name}  {f.url}{error}")
        return EXIT_OK
    if action == "refresh":
        return _refresh_feeds(lib, args)
    if action == "remove":
        ids = lib.unsubscribe(args.id, delete_articles=args.delete_articles)
        kept = "moved to the trash" if args.delete_articles else "kept"
        print(f"unsubscribed feed {args.id}; its {len(ids)} articles {kept}")
        return EXIT_OK
    if action == "import-opml":
        from reader.core.decode import UnreadableInput
        from reader.library import read_source

        data, why = read_source(Path(args.file))
        if data is None:
            raise UserError(f"{args.file}: {why}")
        try:
            report = lib.import_opml(data)
        except UnreadableInput as e:
            raise UserError(f"{args.file}: {e}") from e
        print(
            f"subscribed to {len(report.added)} feeds, {len(report.existing)} already subscribed"
            " (`reader feeds refresh` brings their articles)"
        )
        return EXIT_OK
    text = lib.export_opml()
    _write_output(args.output, text)
    return EXIT_OK


def _refresh_feeds(lib, args: argparse.Namespace) -> int:  # lib: Library
    bar = ProgressBar() if sys.stderr.isatty() else None
    results = lib.refresh_feeds(args.ids or None, progress=bar)
    if bar:
        bar.finish()
    try:
        if args.json:
            print_json({"feeds": [r.as_json() for r in results]})
        else:
            for r in results:
                state = (
                    f"error: {r.error}"
                    if r.error
                    else f"{len(r.new)} new, {len(r.updated)} updated"
                )
                print(f"{r.id:>4}  {state}")
    finally:
        for r in results:
            for warning in r.warnings:
                problem(f"warning: feed {r.id}: {warning}")
            if r.error:
                problem(f"feed {r.id}: {r.error}")
    return EXIT_FAILED if any(r.error for r in results) else EXIT_OK


def _check_config(config: str) -> None:
    from reader.core.scripts import UnknownConfig, check_config

    try:
        check_config(config)
    except UnknownConfig as e:
        raise UserError(str(e)) from e


@command("backup")
def cmd_backup(args: argparse.Namespace) -> int:
    lib = open_library(args)
    if args.list:
        found = lib.backups()
        if args.json:
            print_json(
                [
                    {"path": str(b.path), "made": b.made.isoformat(), "why": b.why, "size": b.size}
                    for b in found
                ]
            )
        for b in [] if args.json else found:
            why = f"  ({b.why})" if b.why else ""
            print(f"{b.made:%Y-%m-%d %H:%M:%S}  {b.size / 2**20:8.1f} MB  {b.path}{why}")
        return EXIT_OK
    target = lib.back_up(Path(args.output) if args.output else None)
    if args.json:
        print_json({"path": str(target)})
    else:
        print(f"backed up to {target}")
    return EXIT_OK


@command("restore")
def cmd_restore(args: argparse.Namespace) -> int:
    from reader import backups
    from reader.core import paths

    # Not through open_library: a damaged library is what a restore is for.
    restored = backups.restore(paths.data_dir(args.data_dir), Path(args.file))
    if args.json:
        kept = str(restored.kept) if restored.kept else None
        print_json(
            {"articles": restored.articles, "annotations": restored.annotations, "kept": kept}
        )
        return EXIT_OK
    print(
        f"restored {restored.articles} articles and {restored.annotations} annotations "
        f"from {args.file}"
    )
    if restored.kept:
        print(f"the library as it was is kept in {restored.kept}")
    return EXIT_OK


@command("convert")
def cmd_convert(args: argparse.Namespace) -> int:
    from reader.core import scripts

    try:
        scripts.check_config(args.config)
    except scripts.UnknownConfig as e:
        raise UserError(str(e)) from e
    sys.stdout.write(scripts.convert(_input_text(args.file), args.config))
    return EXIT_OK


def _input_text(file: str | None, *, required: bool = False) -> str:
    """The text of FILE, or of standard input when there is none (or it is -). UTF-8 as
    it is (every space kept); anything else through the importer's decoder, which detects
    GB18030, Big5 and UTF-16. `required`: empty input is a problem too."""
    from reader.core.decode import UnreadableInput, decode_bytes

    name = file if file and file != "-" else "stdin"
    data = _read_input(None if name == "stdin" else name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = decode_bytes(data).text
        except UnreadableInput as e:
            raise UserError(f"{name}: {e}") from e
    if "\0" in text:  # no text has NUL characters; a program or an image does
        raise UserError(f"{name}: not text (binary data)")
    if required and not text.strip():
        raise UserError(f"{name}: no text")
    return text


# -- the reading companion ------------------------------------------------------------------


@command("lookup")
def cmd_lookup(args: argparse.Namespace) -> int:
    from reader.companion import Companion, NothingToLookUp
    from reader.core import paths

    if args.script:
        _check_config(args.script)
    companion = Companion(paths.cache_dir())
    try:
        found = companion.lookup(args.word, config=args.script)
    except NothingToLookUp as e:
        raise UserError(str(e)) from e
    finally:
        companion.close()
    if not found.found:
        raise UserError(f"no entry for {args.word.strip()} in CC-CEDICT")
    if args.json:
        print_json(found.as_json())
        return EXIT_OK
    other = found.traditional if found.word != found.traditional else found.simplified
    head = found.word if other == found.word else f"{found.word} ({other})"
    print(f"{head}  {found.pinyin}  {found.zhuyin}  {found.jyutping}")
    for sense in found.senses:
        print(f"  {sense.pinyin}: {'; '.join(sense.definitions)}")
    for part in found.parts:
        meaning = "; ".join(part.definitions[:4]) or "(no entry)"
        print(f"    {part.text} {part.pinyin}: {meaning}")
    return EXIT_OK


@command("pinyin")
def cmd_pinyin(args: argparse.Namespace) -> int:
    from reader.core import readings

    pieces = readings.read_text(_input_text(args.file, required=True), args.format)
    if args.json:
        print_json([{"text": p.text, "reading": p.reading} for p in pieces])
        return EXIT_OK
    sys.stdout.write("".join(f"{p.text}({p.reading})" if p.reading else p.text for p in pieces))
    return EXIT_OK


@command("speak")
def cmd_speak(args: argparse.Namespace) -> int:
    from reader.core import speech

    text = _input_text(None) if args.text == "-" else args.text
    if not speech.has_speech(text):
        raise UserError("nothing to speak: the text is empty")
    engine = speech.Espeak()
    try:
        if args.output:
            engine.write_wav(text, args.voice, Path(args.output))
            return EXIT_OK
        process = engine.start(text, args.voice)
    except speech.SpeechError as e:
        raise UserError(str(e)) from e
    return EXIT_OK if process.wait() == 0 else EXIT_FAILED


@command("words")
def cmd_words(args: argparse.Namespace) -> int:
    from reader import vocabulary

    lib = open_library(args)
    try:
        if args.words_command == "add":
            try:
                added = vocabulary.add_word(
                    lib, args.word, article_id=args.article, sentence=args.sentence or ""
                )
            except vocabulary.VocabularyError as e:
                raise UserError(str(e)) from e
            print(f"{added.word}  {added.reading}  {added.definition}")
        elif args.words_command == "list":
            words = lib.vocabulary.all()
            if args.json:
                print_json([_word_json(w) for w in words])
            else:
                for w in words:
                    print(f"{w.word}\t{w.reading}\t{w.definition}")
        elif args.words_command == "remove":
            if not lib.vocabulary.remove(args.word.strip()):
                raise UserError(f"{args.word.strip()} is not in the vocabulary")
        else:
            try:
                count = vocabulary.export(lib, args.format, Path(args.output))
            except FileExistsError as e:
                raise UserError(f"{args.output} exists; not replaced (choose another name)") from e
            except OSError as e:
                raise UserError(f"cannot write {args.output}: {e.strerror or e}") from e
            problem(f"{count} words written to {args.output}")
    finally:
        lib.close()
    return EXIT_OK


def _word_json(w) -> dict:  # w: VocabularyWord
    from reader.vocabulary import article_link

    return {
        "word": w.word,
        "reading": w.reading,
        "definition": w.definition,
        "sentence": w.sentence,
        "article": w.article_id,
        "article_title": w.article_title,
        "link": article_link(w.article_id),
        "known": w.known,
        "added": w.added_at,
    }


def _read_input(file: str | None) -> bytes:
    """The bytes of FILE (or stdin), at most MAX_IMPORT_BYTES: /dev/zero or an endless pipe
    is one line, not a process growing without bound."""
    from reader.library import MAX_IMPORT_BYTES

    name = file or "stdin"
    try:
        if file:
            with open(file, "rb") as f:
                data = f.read(MAX_IMPORT_BYTES + 1)
        else:
            data = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
    except OSError as e:
        raise UserError(f"{name}: {e.strerror or e}") from e
    if len(data) > MAX_IMPORT_BYTES:
        raise UserError(f"{name}: more than {MAX_IMPORT_BYTES // 2**20} MB; convert it in parts")
    return data


class ProgressBar:
    """A one-line progress bar on stderr for a terminal."""

    WIDTH = 30

    def __call__(self, done: int, total: int, current: str) -> None:
        filled = self.WIDTH * done // max(total, 1)
        name = current.rsplit("/", 1)[-1][:40]
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (self.WIDTH - filled)}] {done}/{total} {name}")
        sys.stderr.write("\x1b[K")
        sys.stderr.flush()

    def finish(self) -> None:
        sys.stderr.write("\n")
