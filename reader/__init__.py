"""阅报 Reader: a desktop reader for Chinese newspaper text."""

__version__ = "0.1.0"
APP_NAME = "阅报 Reader"
APP_ID = "io.github.yuebao.Reader"
