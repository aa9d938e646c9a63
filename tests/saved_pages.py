"""Saved web pages as browsers write them: Chrome's MHTML and Safari's webarchive."""

from __future__ import annotations

import base64
import plistlib
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart


def mhtml(html: bytes, url: str, charset: str) -> bytes:
    msg = MIMEMultipart("related", type="text/html")
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = url
    part = MIMENonMultipart("text", "html", charset=charset)
    part.set_payload(base64.encodebytes(html).decode("ascii"))
    part["Content-Transfer-Encoding"] = "base64"
    part["Content-Location"] = url
    msg.attach(part)
    img = MIMEBase("image", "png")
    img.set_payload("iVBORw0KGgo=\n")
    img["Content-Transfer-Encoding"] = "base64"
    img["Content-Location"] = url + "/a.png"
    msg.attach(img)
    return msg.as_bytes()


def webarchive(html: bytes, url: str, charset: str) -> bytes:
    main = {
        "WebResourceData": html,
        "WebResourceMIMEType": "text/html",
        "WebResourceTextEncodingName": charset,
        "WebResourceURL": url,
        "WebResourceFrameName": "",
    }
    return plistlib.dumps({"WebMainResource": main}, fmt=plistlib.FMT_BINARY)
