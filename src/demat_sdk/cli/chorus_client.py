"""The Chorus Pro client of the ``demat chorus`` commands, built from the environment."""

from __future__ import annotations

import os

from demat_sdk._http.settings import (
    ENV_CPRO_LOGIN,
    ENV_CPRO_PASSWORD,
    ENV_PISTE_CLIENT_ID,
    ENV_PISTE_CLIENT_SECRET,
)
from demat_sdk.chorus.client import ChorusPro
from demat_sdk.errors import ConfigurationError

__all__ = ["REQUIRED_VARIABLES", "client_from_environment"]

REQUIRED_VARIABLES = (
    ENV_PISTE_CLIENT_ID,
    ENV_PISTE_CLIENT_SECRET,
    ENV_CPRO_LOGIN,
    ENV_CPRO_PASSWORD,
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
