"""Names: a unique ``NomFic`` for each flux, and the transmission file name.

Hélios echoes ``Enveloppe/Parametres/NomFic`` in its acknowledgement, and the channels (S²LOW,
STELA) find the flux an ACK belongs to by it: two flux with the same ``NomFic`` make the
acknowledgements ambiguous. On the wire, a ``PES_Aller`` file is named
``PESALR2_<SIRET>_<AAMMJJ>_<nnn>.xml``, ``nnn`` being the day's sending order on 3 digits.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
from pathlib import Path

from demat_sdk.errors import PesModelError
from demat_sdk.identifiers import siret_problem

__all__ = ["nom_fichier", "nom_transmission", "prochain_nom_transmission"]

_TRANSMISSION = re.compile(r"^PESALR2_(\d{14})_(\d{6})_(\d{3})\.xml$")


def _check_siret(siret: str) -> None:
    problem = siret_problem(siret)
    if problem:
        raise PesModelError([("siret", problem)])


def nom_fichier(
    siret: str,
    *,
    code_collectivite: str = "",
    code_budget: str = "",
    moment: dt.datetime | None = None,
    prefixe: str = "PES",
) -> str:
    """A ``NomFic`` unique to this flux: ``PES_<SIRET>_<CodCol><CodBud>_<AAAAMMJJhhmmss>_<hex>``.

    The time stamp orders the flux of a budget; the 8 random hexadecimal characters keep two
    flux built in the same second apart. At most 100 characters (the facet of ``NomFic``).
    """
    _check_siret(siret)
    moment = moment or dt.datetime.now()
    budget = f"{code_collectivite}{code_budget}"
    parts = [prefixe, siret, *([budget] if budget else []), moment.strftime("%Y%m%d%H%M%S")]
    parts.append(secrets.token_hex(4).upper())
    return "_".join(parts)[:100]


def nom_transmission(siret: str, jour: dt.date, numero_ordre: int) -> str:
    """``PESALR2_<SIRET>_<AAMMJJ>_<nnn>.xml``, ``nnn`` from 001 to 999.

    Raises:
        PesModelError: the SIRET fails its checksum, or the order is not within 1..999.
    """
    _check_siret(siret)
    if not 1 <= numero_ordre <= 999:
        raise PesModelError(
            [("numero_ordre", f"{numero_ordre} is not a sending order of 3 digits (1..999)")]
        )
    return f"PESALR2_{siret}_{jour:%y%m%d}_{numero_ordre:03d}.xml"


def prochain_nom_transmission(directory: str | os.PathLike[str], siret: str, jour: dt.date) -> str:
    """The next free transmission name of the day in ``directory`` (001 if none is there)."""
    _check_siret(siret)
    day = f"{jour:%y%m%d}"
    used = [
        int(match.group(3))
        for path in Path(directory).iterdir()
        if (match := _TRANSMISSION.match(path.name))
        and match.group(1) == siret
        and match.group(2) == day
    ]
    return nom_transmission(siret, jour, max(used, default=0) + 1)
