"""Checks of option values, run by argparse: a bad value is bad usage (exit 2), said at once.

Each function is an argparse ``type=``: it returns the value converted, or raises
:class:`argparse.ArgumentTypeError` with a message that names the value refused.
"""

from __future__ import annotations

import argparse
import codecs
from collections.abc import Callable

from demat_sdk.identifiers import siret_problem

__all__ = [
    "encoding",
    "identifier",
    "non_negative",
    "port",
    "positive",
    "seconds",
    "siret",
    "up_to",
]


def encoding(text: str) -> str:
    """A text encoding Python knows (``utf-8``, ``cp1252``, ``latin-1``…)."""
    try:
        codecs.lookup(text)
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"unknown encoding: {text!r} (utf-8, cp1252, latin-1…)"
        ) from None
    return text


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def non_negative(text: str) -> int:
    """A whole number, 0 or more."""
    value = _whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text!r}")
    return value


def positive(text: str) -> int:
    """A whole number, 1 or more."""
    value = _whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text!r}")
    return value


def up_to(highest: int) -> Callable[[str], int]:
    """A whole number from 1 to ``highest`` (a limit of rows)."""

    def check(text: str) -> int:
        value = _whole(text)
        if not 1 <= value <= highest:
            raise argparse.ArgumentTypeError(f"must be from 1 to {highest:,}: {text!r}")
        return value

    return check


def port(text: str) -> int:
    """A TCP port, from 0 (any free port) to 65535."""
    value = _whole(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is from 0 to 65535: {text!r}")
    return value


def seconds(text: str) -> float:
    """A number of seconds, more than 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds: {text!r}")
    return value


def siret(text: str) -> str:
    """A SIRET passing its checksum (spaces allowed, as people write it)."""
    value = text.replace(" ", "")
    problem = siret_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value


def identifier(text: str) -> str:
    """A non-empty identifier (surrounding spaces removed)."""
    value = text.strip()
    if not value:
        raise argparse.ArgumentTypeError("must not be empty")
    return value
