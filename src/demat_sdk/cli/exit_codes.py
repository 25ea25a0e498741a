"""The exit codes of the ``demat`` command: one table for every sub-command.

A script tells from the code alone whether the command did its work (0, 3, 4, 5) or did not
(1, 2), and, when it did, whether there is something for a person to look at (4)::

    demat pes validate PESDEP.xml; case $? in 0) send ;; 4) review ;; *) alert ;; esac
"""

from __future__ import annotations

import enum

__all__ = ["EPILOG", "ExitCode"]


class ExitCode(enum.IntEnum):
    """What a ``demat`` command returns to the shell."""

    OK = 0
    """Done: the flux is valid, the acquittement accepts everything, the flux is integrated…"""

    ERROR = 1
    """The command could not do its work: one line on stderr names why (credentials, network,
    a file that cannot be read, an acquittement that does not answer the flux given…)."""

    USAGE = 2
    """Bad usage: an unknown option, a missing argument or file, a syntax that cannot be
    deduced, a folder that holds no schema set; nothing was done."""

    NOT_FOUND = 3
    """Done, and nothing found: no such invoice or flux, no invoice to process, a SIRET absent
    from the directory."""

    TO_REVIEW = 4
    """Done, with something for a person to review: an invalid PES_Aller, an acquittement that
    rejects (part of) a flux or leaves some of it unanswered, a flux of invoices integrated in
    part or rejected, an invoice number matching several invoices, rows refused by an import,
    hygiene findings."""

    PENDING = 5
    """Done, but Chorus Pro is still processing the flux (``demat chorus deposit --wait`` when
    the wait ended, ``demat chorus flux``): follow it again later."""


EPILOG = (
    "exit codes: 0 done, 1 error, 2 bad usage, 3 nothing found, 4 something to review,\n"
    "5 still being processed"
)
"""The line every ``--help`` ends with."""
