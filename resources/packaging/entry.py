"""The bundle's executable: the ``reader`` command, frozen (see reader.spec)."""

import os
import sys

# PyInstaller's bootloader started this process with LD_LIBRARY_PATH naming the bundle's
# library folder (the loader has read it by now) and kept the user's own value in
# LD_LIBRARY_PATH_ORIG. The programs the app starts (espeak-ng, the desktop's cache tools)
# are the machine's: they get the user's value, or none, and not the bundle's libraries.
# (Our own processes are this executable again: its bootloader sets the path anew.)
if os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep)[0] == sys._MEIPASS:
    if "LD_LIBRARY_PATH_ORIG" in os.environ:
        os.environ["LD_LIBRARY_PATH"] = os.environ.pop("LD_LIBRARY_PATH_ORIG")
    else:
        del os.environ["LD_LIBRARY_PATH"]

from reader.cli import main  # noqa: E402 - after the environment is set

sys.exit(main())
