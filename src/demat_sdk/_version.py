"""Version of the installed demat_sdk."""

__version__ = "0.1.0.dev0"
