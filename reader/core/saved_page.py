"""What a browser's "save page" wrote: plain HTML, MHTML (single file) or a Safari webarchive.

`unpack()` returns the main HTML document's bytes with the charset and address the container
declares, so the caller decodes and parses one kind of input. Never fetches anything.
"""

from __future__ import annotations

import email.parser
import email.policy
import logging
import plistlib
import re
from dataclasses import dataclass
from email.message import EmailMessage

log = logging.getLogger(__name__)

HTML = "html"
MHTML = "mhtml"
WEBARCHIVE = "webarchive"

_MHTML_HEAD = re.compile(
    rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?"
    rb"content-type:\s*multipart/related",
    re.IGNORECASE,
)


@dataclass
class SavedPage:
    kind: str  # HTML | MHTML | WEBARCHIVE
    html: bytes  # the main document
    charset: str | None = None  # declared by the container (None: look inside the HTML)
    url: str | None = None  # the address the page was saved from, if recorded


def sniff(data: bytes) -> str:
    """HTML, MHTML or WEBARCHIVE, from the first bytes."""
    if data.startswith(b"bplist00") or (
        data.lstrip()[:5] == b"<?xml" and b"WebMainResource" in (data[:4096])
    ):
        return WEBARCHIVE
    head = data[:8192].lstrip(b"\xef\xbb\xbf\r\n\t ")
    if _MHTML_HEAD.match(head):
        return MHTML
    return HTML


class DamagedPageError(ValueError):
    """An MHTML or webarchive file whose main document cannot be found (one line)."""


def unpack(data: bytes, *, strict: bool = False) -> SavedPage:
    """The main HTML document of a saved page; plain HTML comes back as is.

    A damaged container is read as HTML, or with ``strict`` raises DamagedPageError."""
    kind = sniff(data)
    try:
        if kind == MHTML:
            return _unpack_mhtml(data)
        if kind == WEBARCHIVE:
            return _unpack_webarchive(data)
    except Exception as e:  # a damaged container: treat the bytes as HTML rather than fail
        if strict:
            name = "MHTML" if kind == MHTML else "webarchive"
            reason = str(e).splitlines()[0] if str(e) else type(e).__name__
            raise DamagedPageError(f"damaged {name} file ({reason})") from e
        log.warning("could not unpack the saved %s; reading it as HTML", kind, exc_info=True)
    return SavedPage(HTML, data)


def _unpack_mhtml(data: bytes) -> SavedPage:
    msg = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    root_url = msg.get("Snapshot-Content-Location")
    start = msg.get_param("start", header="content-type")
    parts = [p for p in msg.walk() if not p.is_multipart()]
    html_parts = [
        p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")
    ]
    if not html_parts:
        raise ValueError("no HTML part")

    def is_root(p: EmailMessage) -> bool:
        if isinstance(start, str) and p.get("Content-ID", "").strip() == start.strip():
            return True
        if not root_url:
            return False
        return p.get("Content-Location", "").strip() == root_url.strip()

    root = next((p for p in html_parts if is_root(p)), html_parts[0])
    payload = root.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise ValueError("empty HTML part")
    charset = root.get_content_charset()
    url = root.get("Content-Location") or root_url
    return SavedPage(MHTML, payload, charset, str(url).strip() if url else None)


def _unpack_webarchive(data: bytes) -> SavedPage:
    archive = plistlib.loads(data)
    main = archive["WebMainResource"]
    payload = main["WebResourceData"]
    if not isinstance(payload, bytes):
        raise ValueError("no resource data")
    charset = main.get("WebResourceTextEncodingName") or None
    return SavedPage(WEBARCHIVE, payload, charset, main.get("WebResourceURL") or None)
