"""`python -m exporters` runs the `leaflet` command."""

import sys

from .cli import main

sys.exit(main())
