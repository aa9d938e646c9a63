"""The bundle's executable: the ``reader`` command, frozen (see reader.spec)."""

import sys

from reader.cli import main

sys.exit(main())
