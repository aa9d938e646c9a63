"""Render reader.svg to the hicolor PNG sizes: python resources/icons/render_pngs.py

Run it after editing the SVG and commit the PNGs (the desktop installs them beside the SVG
for launchers and panels that want bitmaps). Needs PySide6 (QtSvg) and no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.yuebao.Reader"
SIZES = (16, 32, 48, 64, 128, 256)
HERE = Path(__file__).resolve().parent


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])  # QPainter on QImage wants a Gui application
    svg = HERE / "reader.svg"
    for size in SIZES:
        # A hand-tuned small variant wins where one exists (the full design blurs at 16 px).
        small = HERE / f"reader-{size}.svg"
        out = HERE / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(small if small.exists() else svg, size).save(str(out)):
            raise SystemExit(f"cannot write {out}")
        print(out.relative_to(HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
