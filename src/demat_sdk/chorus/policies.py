"""Checks a Chorus Pro client runs on a call before sending it: patient data, status doctrine.

* :func:`privacy_check` refuses, with :class:`~demat_sdk.errors.PatientDataError`, any invoice
  content, comment or motif holding patient data (see :mod:`demat_sdk.privacy`); the XML of a
  deposited flux is read too.
* :func:`doctrine_check` warns (:class:`~demat_sdk.chorus.doctrine.DoctrineWarning`) or refuses
  (:class:`~demat_sdk.errors.InvalidRequestError`) a rejet where the doctrine recommends a
  suspension or a recyclage (see :mod:`demat_sdk.chorus.doctrine`).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any, Literal

import pydantic

from demat_sdk._http.operation import Call, RequestCheck
from demat_sdk.chorus.doctrine import DoctrineWarning, MotifCategorie, advise_status, classify_motif
from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.errors import InvalidRequestError
from demat_sdk.privacy import PrivacyGuard

__all__ = ["DoctrineMode", "doctrine_check", "privacy_check"]

DoctrineMode = Literal["warn", "strict", "off"]
"""``warn``: a warning for a rejet against the doctrine; ``strict``: refused; ``off``: no check."""

CARRIES_CONTENT = frozenset(
    {
        "soumettreFacture",
        "deposerFluxFacture",
        "deposerPdfFacture",
        "completerFacture",
        "recyclerFacture",
        "traiterUneFactureRecue",
        "traiterFactureAValider",
        "ajouterFichierDansSysteme",
    }
)
"""Operations whose body carries text written by the hospital (invoice, comment, motif)."""

_XML_START = (b"<?xml", b"<")


def privacy_check(guard: PrivacyGuard) -> RequestCheck:
    """A request check refusing patient data in what the operations of :data:`CARRIES_CONTENT` send.

    Text fields are scanned; binary fields (files in base64) are not, except a deposited flux
    whose file is XML (UBL, CII), which is read with the hardened parser.
    """

    def check(call: Call[Any]) -> None:
        if call.operation.name not in CARRIES_CONTENT or call.body is None:
            return
        body = _as_mapping(call.body)
        guard.check(body, what=call.operation.name)
        fichier = body.get("fichierFlux")
        if isinstance(fichier, bytes) and fichier.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(
            _XML_START
        ):
            guard.check_xml(fichier, what=f"{call.operation.name} (fichierFlux)")

    return check


def doctrine_check(mode: DoctrineMode) -> RequestCheck:
    """A request check applying the status doctrine to ``traiterUneFactureRecue``.

    The category of the problem is the one the caller gave (``categorie=``), or else the one
    :func:`~demat_sdk.chorus.doctrine.classify_motif` reads in the motif. A rejet whose category
    calls for a suspension or a recyclage is warned about, or refused in ``strict`` mode.
    """

    def check(call: Call[Any]) -> None:
        if mode == "off" or call.operation.name != "traiterUneFactureRecue" or call.body is None:
            return
        body = _as_mapping(call.body)
        if body.get("nouveauStatut") != StatutFacture.REJETEE:
            return
        given = call.context.get("categorie")
        categorie = MotifCategorie(given) if given else classify_motif(str(body.get("motif", "")))
        if categorie is None:
            return
        advice = advise_status(categorie)
        if advice.statut is StatutFacture.REJETEE:
            return
        message = (
            f"a rejet is definitive; for {categorie.value} the doctrine recommends "
            f"{advice.statut.value}: {advice.explication}"
        )
        if mode == "strict":
            raise InvalidRequestError(message, operation=call.operation.name, field="nouveauStatut")
        warnings.warn(message, DoctrineWarning, stacklevel=5)

    return check


def _as_mapping(body: pydantic.BaseModel | Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(body, pydantic.BaseModel):
        return body.model_dump(by_alias=True, exclude_none=True)
    return body
