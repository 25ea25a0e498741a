"""The Chorus Pro client of the ``demat chorus`` commands, built from the environment."""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Callable

from demat_sdk._http import settings
from demat_sdk.chorus.client import ChorusPro
from demat_sdk.cli.exit_codes import ExitCode
from demat_sdk.cli.output import error, message_of
from demat_sdk.errors import ConfigurationError, TransportError

__all__ = ["REQUIRED_VARIABLES", "client_from_environment", "naming_the_hosts"]

REQUIRED_VARIABLES = (
    settings.ENV_PISTE_CLIENT_ID,
    settings.ENV_PISTE_CLIENT_SECRET,
    settings.ENV_CPRO_LOGIN,
    settings.ENV_CPRO_PASSWORD,
)
"""The variables a ``demat chorus`` command cannot do without."""


def client_from_environment() -> ChorusPro:
    """A ``ChorusPro`` client from the environment, every missing variable named at once.

    Raises:
        ConfigurationError: some credentials are not set.
    """
    missing = [name for name in REQUIRED_VARIABLES if not os.environ.get(name, "").strip()]
    if missing:
        raise ConfigurationError(f"missing credentials: set {', '.join(missing)}")
    return ChorusPro()


def naming_the_hosts(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """A ``demat chorus`` action whose network failures name the variables that set the URLs."""

    @functools.wraps(run)
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except TransportError as failure:
            if args.debug:
                raise
            error(
                f"{message_of(failure)}; check the network, or the variables "
                f"{settings.ENV_API_BASE_URL}, {settings.ENV_TOKEN_URL} and "
                f"{settings.ENV_ENVIRONMENT}"
            )
            return ExitCode.ERROR

    return wrapped
