"""Bundled data files: stop words, icons, the .desktop entry, translations."""
