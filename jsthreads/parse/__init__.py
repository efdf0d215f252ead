"""The front end: JavaScript source text -> ESTree AST, or a JSSyntaxError.

Re-exports only: `parse` (convert.py) and `JSSyntaxError` (diagnostics.py).
"""

from .convert import parse
from .diagnostics import JSSyntaxError

__all__ = ["parse", "JSSyntaxError"]
