"""`python -m tests.benchmark`: see tests.benchmark.run."""

import sys

from tests.benchmark.run import main

sys.exit(main())
