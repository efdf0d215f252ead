"""`python -m jsthreads` is the `jsthreads` command."""
import sys

from .cli import main

sys.exit(main())
