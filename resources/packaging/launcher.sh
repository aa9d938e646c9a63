#!/bin/sh
# 阅报 Reader: what a file manager opens with a double-click in the unpacked folder (build.py
# copies this script there under that name). It starts the executable beside it, wherever
# the folder is and from whatever folder the file manager runs it in.
here=$(dirname -- "$(readlink -f -- "$0")")
exec "$here/reader" "$@"
