"""Write a saved HTML page as the single-file MHTML that Chrome's "Save as… Webpage, Single File"
makes (Blink's MHTML serializer), for pages of which no real MHTML save exists.

    python tests/data/web/make_mhtml.py PAGE.html URL OUT.mhtml [--date RFC2822-DATE]

What Blink does and this copies: the header block (From: <Saved by Blink>, Snapshot-Content-
Location, the title as an encoded Subject, Date, multipart/related with type="text/html" and a
"----MultipartBoundary--…----" boundary), then the page as the first part, quoted-printable
with CRLF lines of at most 76 characters, Content-ID <frame-…@mhtml.blink>. The page is the
serialized document: UTF-8 with Blink's own <meta http-equiv="Content-Type"> first in <head>,
the page's own charset declarations dropped, <script> and <noscript> elements left out. The
page's pictures and style sheets would follow as parts of their own; an "HTML only" save has
none, so only the document part is written.
"""

from __future__ import annotations

import argparse
import hashlib
import quopri
import re
import sys
from email.header import Header
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from reader.core.webpage import decode_html

BLINK_META = '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'


def serialize(html: str) -> str:
    html = re.sub(r"(?is)<script\b.*?</script\s*>|<noscript\b.*?</noscript\s*>", "", html)
    html = re.sub(r"(?i)<meta[^>]*charset[^>]*>", "", html)
    if re.search(r"(?i)<head\b[^>]*>", html):
        return re.sub(r"(?i)(<head\b[^>]*>)", lambda m: m.group(1) + BLINK_META, html, count=1)
    return BLINK_META + html


def qp(text: str) -> bytes:
    body = quopri.encodestring(text.encode("utf-8"))
    return b"\r\n".join(body.split(b"\n"))


def mhtml(page: bytes, url: str, date: str) -> bytes:
    text, _codec = decode_html(page)
    title = re.search(r"(?is)<title[^>]*>(.*?)</title>", text)
    subject = Header((title.group(1).strip() if title else ""), "utf-8").encode()
    seed = hashlib.sha256(page).hexdigest()
    boundary = "----MultipartBoundary--" + seed[:42] + "----"
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {url}\r\n"
        f"Subject: {subject}\r\n"
        f"Date: {date}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n'
        "\r\n\r\n"
        f"--{boundary}\r\n"
        "Content-Type: text/html\r\n"
        f"Content-ID: <frame-{seed[42:50].upper()}@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url}\r\n"
        "\r\n"
    )
    return head.encode("ascii") + qp(serialize(text)) + f"\r\n--{boundary}--\r\n".encode("ascii")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("url")
    ap.add_argument("out", type=Path)
    ap.add_argument("--date", default="Mon, 1 Jan 2024 00:00:00 -0000")
    args = ap.parse_args()
    args.out.write_bytes(mhtml(args.page.read_bytes(), args.url, args.date))


if __name__ == "__main__":
    main()
