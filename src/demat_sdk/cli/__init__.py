"""The ``demat`` command."""

from demat_sdk.cli.main import main

__all__ = ["main"]
