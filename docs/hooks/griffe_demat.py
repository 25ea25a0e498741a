"""Griffe extension for the API reference (declared in ``mkdocs.yml``, mkdocstrings options).

* Docstrings use a few Sphinx roles (``:class:`ChorusPro```) and ``::`` before code blocks,
  which Markdown does not know: they are rendered as inline code and a plain colon.
* Resource methods are written once with ``@api_method`` and return a ``Call[T]`` to the
  machinery; users get a ``T`` (awaitable on the asyncio client): the reference shows ``T``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|mod|meth|func|attr|exc|data|obj):`(~?)([^`]+)`")
_LITERAL_BLOCK = re.compile(r"(\S)::\n")


def _role(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def markdown_docstring(text: str) -> str:
    """The docstring text with Sphinx roles and ``::`` turned into Markdown."""
    return _LITERAL_BLOCK.sub(r"\1:\n", _ROLE.sub(_role, text))


class DematDocstrings(griffe.Extension):
    """Adapts the library's docstrings and signatures for mkdocstrings."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of every object as Markdown."""
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)

    def on_function_instance(self, *, func: griffe.Function, **kwargs: Any) -> None:
        """Show what an ``@api_method`` returns to the user rather than its ``Call``."""
        if not any(str(deco.value).endswith("api_method") for deco in func.decorators):
            return
        returns = func.returns
        if isinstance(returns, griffe.ExprSubscript) and str(returns.left) == "Call":
            func.returns = returns.slice
