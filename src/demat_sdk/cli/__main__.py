"""``python -m demat_sdk.cli``: the ``demat`` command, where its script is not on the PATH."""

import sys

from demat_sdk.cli.main import main

sys.exit(main())
