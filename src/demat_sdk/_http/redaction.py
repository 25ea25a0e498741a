"""Keeping secrets out of logs, messages and ``repr``.

Two layers:

* every secret the library holds (client secret, technical password, the ``cpro-account`` value,
  each access token) is registered here when it is created, and :func:`redact` replaces any
  registered value found in a text;
* :class:`RedactingFilter`, attached to the library's loggers and to those of httpx and httpcore,
  passes every record through :func:`redact` and also masks header-shaped and form-shaped
  secrets (``Authorization: Bearer …``, ``cpro-account: …``, ``client_secret=…``, ``password=…``)
  whose value it was never told about.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict

__all__ = [
    "MASK",
    "RedactingFilter",
    "install_redaction",
    "library_logger",
    "redact",
    "register_secret",
]

MASK = "***"
_MAX_TOKENS = 256  # tokens are renewed hourly: keep the recent ones, forget the oldest

_lock = threading.Lock()
_lasting: set[str] = set()  # client secrets, passwords, cpro-account values: never forgotten
_tokens: OrderedDict[str, None] = OrderedDict()

_PATTERNS = (
    re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?(?:bearer|basic)\s+)[^\s'\",;]+"),
    re.compile(r"(?i)(cpro-account['\"]?\s*[:=]\s*['\"]?)[^\s'\",;]+"),
    re.compile(r"(?i)((?:client_secret|password|access_token)['\"]?\s*[:=]\s*['\"]?)[^\s&'\",;]+"),
)


def register_secret(value: str, *, token: bool = False) -> None:
    """Remember a secret value so that :func:`redact` masks it wherever it appears.

    A configuration secret (``token=False``: client secret, password, ``cpro-account`` value)
    is masked for the life of the process. Access tokens, one an hour, are masked as long as
    they are among the 256 most recent: an older one has long expired.

    Values shorter than 4 characters are ignored: masking them would garble ordinary text.
    """
    if len(value) < 4:
        return
    with _lock:
        if not token:
            _lasting.add(value)
            return
        _tokens[value] = None
        _tokens.move_to_end(value)
        while len(_tokens) > _MAX_TOKENS:
            _tokens.popitem(last=False)


def redact(text: str) -> str:
    """Return ``text`` with every registered secret and every header/form secret masked."""
    with _lock:
        known = [*_lasting, *_tokens]
    for secret in sorted(known, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda match: match.group(1) + MASK, text)
    return text


class RedactingFilter(logging.Filter):
    """A logging filter that masks secrets in the rendered message of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the record's message, redact it, and keep the record."""
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is still logged, redacted as text
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_FILTER = RedactingFilter()
_THIRD_PARTY_LOGGERS = ("httpx", "httpcore")


def install_redaction(*logger_names: str) -> None:
    """Attach the redacting filter to the named loggers (idempotent).

    With no names, covers the loggers of httpx and httpcore, which the library drives.
    """
    for name in logger_names or _THIRD_PARTY_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def library_logger(name: str) -> logging.Logger:
    """Return one of the library's loggers, with the redacting filter attached.

    A filter on a logger only sees the records made by that very logger, so each logger of the
    library gets it.
    """
    install_redaction(name)
    return logging.getLogger(name)
