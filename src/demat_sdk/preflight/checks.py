"""The addressee pre-flight: would Chorus Pro route this invoice to this addressee?

:func:`check_addressee` applies, before anything leaves, the checks Chorus Pro runs when it
integrates an invoice (or an ASAP that Hélios deposits for the hospital):

1. the SIRET is there and valid (14 digits, Luhn checksum, La Poste's own rule);
2. the structure is a public one Chorus Pro knows, still listed and active;
3. a service code given exists at that structure and is active;
4. what the structure demands is there: a service code (``GestionService``), an engagement
   juridique (``GestionEngagement``), one of both (``GestionServiceEngagement``, which wins over
   the two others), an engagement for the service asked (``GestionEGMT``);
5. the ``FACTURES_PUBLIQUES`` service only receives invoices from a public issuer.

The rules of the structure come from a :class:`~demat_sdk.preflight.sources.RoutingSource`: the
offline directory, or Chorus Pro's Structures API. The answer, an :class:`AddresseeCheck`, lists
every problem found with a machine code (:class:`IssueCode`) and a French message telling the
clerk what to fix. Each problem is one a recipient would otherwise answer with a recyclage
(:attr:`IssueCode.categorie`), weeks later.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from demat_sdk.chorus.doctrine import MotifCategorie
from demat_sdk.directory.records import FACTURES_PUBLIQUES, Service
from demat_sdk.errors import AddresseeError
from demat_sdk.identifiers import siret_problem
from demat_sdk.preflight.sources import Lookup, SourceLike, as_source

__all__ = [
    "AddresseeCheck",
    "AddresseeProblem",
    "IssueCode",
    "PreflightReport",
    "check_addressee",
]

MAX_CODES_SHOWN = 8
"""How many active service codes a message suggests at most."""


class IssueCode(str, enum.Enum):
    """What is wrong with an addressee (machine code of an :class:`AddresseeProblem`)."""

    SIRET_ABSENT = "SIRET_ABSENT"
    """No SIRET for the recipient."""
    SIRET_INVALIDE = "SIRET_INVALIDE"
    """Not 14 digits, or a wrong checksum."""
    DESTINATAIRE_INCONNU = "DESTINATAIRE_INCONNU"
    """No public structure with this SIRET (or it was withdrawn from the directory)."""
    DESTINATAIRE_PRIVE = "DESTINATAIRE_PRIVE"
    """The SIRET is a private structure's (only Chorus Pro's API can tell)."""
    DESTINATAIRE_INACTIF = "DESTINATAIRE_INACTIF"
    """The structure is inactive in Chorus Pro."""
    CODE_SERVICE_OBLIGATOIRE = "CODE_SERVICE_OBLIGATOIRE"
    """The structure demands a service code and none is given."""
    CODE_SERVICE_INCONNU = "CODE_SERVICE_INCONNU"
    """The structure has no service with this code (or it was withdrawn)."""
    CODE_SERVICE_INACTIF = "CODE_SERVICE_INACTIF"
    """The service exists but is inactive."""
    ENGAGEMENT_OBLIGATOIRE = "ENGAGEMENT_OBLIGATOIRE"
    """The structure demands an engagement juridique and none is given."""
    ENGAGEMENT_OBLIGATOIRE_SERVICE = "ENGAGEMENT_OBLIGATOIRE_SERVICE"
    """The service asked demands an engagement juridique and none is given."""
    ENGAGEMENT_OU_CODE_SERVICE = "ENGAGEMENT_OU_CODE_SERVICE"
    """The structure demands an engagement juridique or a service code: neither is given."""
    FACTURES_PUBLIQUES_EMETTEUR_PRIVE = "FACTURES_PUBLIQUES_EMETTEUR_PRIVE"
    """``FACTURES_PUBLIQUES`` is asked by a private issuer."""

    @property
    def champ(self) -> str:
        """The datum to correct: ``siret``, ``code_service`` or ``numero_engagement``."""
        return _CHAMPS[self]

    @property
    def categorie(self) -> MotifCategorie:
        """What the recipient would call the problem if the invoice reached it (a recyclage)."""
        if self.champ == "siret":
            return MotifCategorie.ERREUR_DESTINATAIRE
        if self.champ == "code_service":
            return MotifCategorie.ERREUR_CODE_SERVICE
        return MotifCategorie.ERREUR_ENGAGEMENT


_I = IssueCode
_CHAMPS = {
    _I.SIRET_ABSENT: "siret",
    _I.SIRET_INVALIDE: "siret",
    _I.DESTINATAIRE_INCONNU: "siret",
    _I.DESTINATAIRE_PRIVE: "siret",
    _I.DESTINATAIRE_INACTIF: "siret",
    _I.CODE_SERVICE_OBLIGATOIRE: "code_service",
    _I.CODE_SERVICE_INCONNU: "code_service",
    _I.CODE_SERVICE_INACTIF: "code_service",
    _I.ENGAGEMENT_OBLIGATOIRE: "numero_engagement",
    _I.ENGAGEMENT_OBLIGATOIRE_SERVICE: "numero_engagement",
    _I.ENGAGEMENT_OU_CODE_SERVICE: "numero_engagement",
    _I.FACTURES_PUBLIQUES_EMETTEUR_PRIVE: "code_service",
}


@dataclass(frozen=True)
class AddresseeProblem:
    """One reason Chorus Pro would refuse the addressee.

    Attributes:
        code: the machine code.
        message: what is wrong and what to do, in French, for the clerk.
    """

    code: IssueCode
    message: str

    @property
    def champ(self) -> str:
        """The datum to correct (see :attr:`IssueCode.champ`)."""
        return self.code.champ

    def __str__(self) -> str:
        return f"[{self.code.value}] {self.message}"


@dataclass(frozen=True)
class AddresseeCheck:
    """The pre-flight of one addressee: what was checked, against what, and every problem.

    Attributes:
        siret: the recipient's SIRET as given (spaces removed).
        code_service: the service code given, if any.
        numero_engagement: the engagement juridique given, if any.
        emetteur_public: whether the issuer is a public structure.
        designation: the structure's name, when the source knows it.
        source: what answered (``"annuaire hors ligne (import du 05/01/2026)"``, ``"Chorus
            Pro (API Structures)"``).
        problems: every problem found, in the order of the checks; empty when all is well.
        where: the invoice or titre checked (``"bordereau 119 (exercice 2025) / titre
            5521"``), empty for a bare addressee.
    """

    siret: str | None
    code_service: str | None
    numero_engagement: str | None
    emetteur_public: bool
    designation: str | None
    source: str
    problems: tuple[AddresseeProblem, ...] = ()
    where: str = ""

    @property
    def ok(self) -> bool:
        """Whether Chorus Pro would route it: no problem found."""
        return not self.problems

    @property
    def codes(self) -> tuple[IssueCode, ...]:
        """The codes of the problems, in order."""
        return tuple(problem.code for problem in self.problems)

    def __str__(self) -> str:
        head = f"{self.where} : " if self.where else ""
        who = f"{self.siret or '(sans SIRET)'}"
        if self.designation:
            who += f" ({self.designation})"
        if self.code_service:
            who += f", code service {self.code_service}"
        if self.numero_engagement:
            who += f", engagement {self.numero_engagement}"
        if self.ok:
            return f"{head}{who} : destinataire accepté selon {self.source}."
        lines = [f"{head}{who} : {len(self.problems)} problème(s) selon {self.source}"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The check as plain data (for JSON, a log, a GEF screen)."""
        return {
            "where": self.where,
            "siret": self.siret,
            "code_service": self.code_service,
            "numero_engagement": self.numero_engagement,
            "emetteur_public": self.emetteur_public,
            "designation": self.designation,
            "source": self.source,
            "ok": self.ok,
            "problems": [
                {"code": problem.code.value, "champ": problem.champ, "message": problem.message}
                for problem in self.problems
            ],
        }

    def raise_for_problems(self) -> None:
        """Raise :class:`~demat_sdk.errors.AddresseeError` if a problem was found."""
        PreflightReport((self,)).raise_for_problems()


@dataclass(frozen=True)
class PreflightReport:
    """The pre-flight of every invoice of a document (a flux, a PES file).

    Attributes:
        checks: one check per invoice or titre, in the document's order.
    """

    checks: tuple[AddresseeCheck, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """Whether every addressee would be accepted."""
        return all(check.ok for check in self.checks)

    @property
    def failed(self) -> tuple[AddresseeCheck, ...]:
        """The checks that found a problem."""
        return tuple(check for check in self.checks if not check.ok)

    def __iter__(self) -> Iterator[AddresseeCheck]:
        return iter(self.checks)

    def __len__(self) -> int:
        return len(self.checks)

    def __str__(self) -> str:
        if not self.checks:
            return "Aucune facture à contrôler."
        if self.ok:
            return f"{len(self.checks)} destinataire(s) contrôlé(s) : aucun problème."
        lines = [f"{len(self.failed)} destinataire(s) sur {len(self.checks)} à corriger :"]
        lines += [str(check) for check in self.failed]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data."""
        return {"ok": self.ok, "checks": [check.to_dict() for check in self.checks]}

    def raise_for_problems(self) -> None:
        """Raise :class:`~demat_sdk.errors.AddresseeError` naming every problem, if any.

        Raises:
            AddresseeError: with ``(where, code, message)`` for each problem.
        """
        failed = self.failed
        if not failed:
            return
        problems = [
            (check.where or (check.siret or ""), problem.code.value, problem.message)
            for check in failed
            for problem in check.problems
        ]
        raise AddresseeError(problems, field=failed[0].problems[0].champ)


def check_addressee(
    siret: str | None,
    code_service: str | None = None,
    numero_engagement: str | None = None,
    *,
    source: SourceLike,
    emetteur_public: bool = True,
    where: str = "",
) -> AddresseeCheck:
    """Check an addressee before an invoice or an ASAP leaves.

    Args:
        siret: the recipient's SIRET (spaces are ignored).
        code_service: the service code the invoice carries, if any.
        numero_engagement: the engagement juridique it carries (a purchase-order or marché
            number), if any.
        source: where the routing rules are read: a :class:`~demat_sdk.directory.Directory`
            (offline), a :class:`~demat_sdk.ChorusPro` client (online), or any
            :class:`~demat_sdk.preflight.sources.RoutingSource`.
        emetteur_public: whether the issuer is a public structure (a hospital is); a private
            issuer may not use ``FACTURES_PUBLIQUES``.
        where: names the invoice or titre in the answer.

    Returns:
        The check, with every problem found (``check.ok`` when there is none).

    Raises:
        DematError: the online source could not answer (transport, authentication…): the
            pre-flight cannot conclude.
    """
    routing_source = as_source(source)
    siret = (siret or "").replace(" ", "") or None
    code = (code_service or "").strip() or None
    engagement = (numero_engagement or "").strip() or None

    def answer(problems: Sequence[AddresseeProblem], designation: str | None) -> AddresseeCheck:
        return AddresseeCheck(
            siret=siret,
            code_service=code,
            numero_engagement=engagement,
            emetteur_public=emetteur_public,
            designation=designation,
            source=routing_source.description,
            problems=tuple(problems),
            where=where,
        )

    if siret is None:
        return answer([_problem(_I.SIRET_ABSENT)], None)
    if siret_problem(siret) is not None:
        reason = (
            "il doit compter 14 chiffres"
            if len(siret) != 14 or not siret.isdigit()
            else "sa clé de contrôle est fausse"
        )
        return answer([_problem(_I.SIRET_INVALIDE, siret=siret, raison=reason)], None)
    lookup = routing_source.lookup(siret, code)
    return answer(
        *_routing_problems(
            lookup, routing_source.description, siret, code, engagement, emetteur_public
        )
    )


def _routing_problems(
    lookup: Lookup,
    description: str,
    siret: str,
    code: str | None,
    engagement: str | None,
    emetteur_public: bool,
) -> tuple[list[AddresseeProblem], str | None]:
    routing = lookup.routing
    if routing is None:
        if lookup.private:
            return [_problem(_I.DESTINATAIRE_PRIVE, siret=siret, nom=lookup.designation)], (
                lookup.designation
            )
        return [_problem(_I.DESTINATAIRE_INCONNU, siret=siret, source=description)], None
    structure = routing.structure
    nom = structure.raison_sociale
    if structure.withdrawn_on is not None:
        retrait = f"{structure.withdrawn_on:%d/%m/%Y}"
        problem = _problem(_I.DESTINATAIRE_INCONNU, "retiree", siret=siret, nom=nom, date=retrait)
        return [problem], nom
    if not structure.structure_active:
        return [_problem(_I.DESTINATAIRE_INACTIF, siret=siret, nom=nom)], nom
    problems: list[AddresseeProblem] = []
    codes = _codes(lookup.active_codes, emetteur_public)
    service = routing.service
    if code is not None:
        problems += _service_problems(service, code, nom, codes)
    if structure.gestion_service_engagement:
        if code is None and engagement is None:
            problems.append(_problem(_I.ENGAGEMENT_OU_CODE_SERVICE, nom=nom, codes=codes))
    else:
        if structure.gestion_service and code is None:
            problems.append(_problem(_I.CODE_SERVICE_OBLIGATOIRE, nom=nom, codes=codes))
        if structure.gestion_engagement and engagement is None:
            problems.append(_problem(_I.ENGAGEMENT_OBLIGATOIRE, nom=nom))
    if service is not None and service.gestion_egmt and engagement is None:
        problems.append(_problem(_I.ENGAGEMENT_OBLIGATOIRE_SERVICE, nom=nom, code=code))
    if code == FACTURES_PUBLIQUES and not emetteur_public:
        problems.append(_problem(_I.FACTURES_PUBLIQUES_EMETTEUR_PRIVE, nom=nom, codes=codes))
    return problems, nom


def _service_problems(
    service: Service | None, code: str, nom: str, codes: str
) -> list[AddresseeProblem]:
    if service is None:
        return [_problem(_I.CODE_SERVICE_INCONNU, code=code, nom=nom, codes=codes)]
    if service.withdrawn_on is not None:
        retrait = f"{service.withdrawn_on:%d/%m/%Y}"
        return [
            _problem(
                _I.CODE_SERVICE_INCONNU, "retire", code=code, nom=nom, codes=codes, date=retrait
            )
        ]
    if not service.service_actif:
        return [_problem(_I.CODE_SERVICE_INACTIF, code=code, nom=nom, codes=codes)]
    return []


def _codes(active: Sequence[str], emetteur_public: bool) -> str:
    usable = [code for code in active if emetteur_public or code != FACTURES_PUBLIQUES]
    if not usable:
        return "consultez l'annuaire Chorus Pro"
    shown = ", ".join(usable[:MAX_CODES_SHOWN])
    more = f" et {len(usable) - MAX_CODES_SHOWN} autre(s)" if len(usable) > MAX_CODES_SHOWN else ""
    return f"codes actifs : {shown}{more}"


_MESSAGES: dict[tuple[IssueCode, str], str] = {
    (_I.SIRET_ABSENT, ""): (
        "Le SIRET du destinataire n'est pas renseigné : indiquez celui de la structure publique "
        "à facturer."
    ),
    (_I.SIRET_INVALIDE, ""): (
        "Le SIRET « {siret} » est invalide ({raison}) : recopiez-le depuis l'annuaire Chorus "
        "Pro ou le bon de commande du débiteur."
    ),
    (_I.DESTINATAIRE_INCONNU, ""): (
        "Aucune structure publique n'a le SIRET {siret} selon {source} : vérifiez le SIRET du "
        "débiteur ; Chorus Pro n'achemine une facture qu'à une structure publique qu'il connaît."
    ),
    (_I.DESTINATAIRE_INCONNU, "retiree"): (
        "La structure {siret} ({nom}) a été retirée de l'annuaire Chorus Pro le {date} : "
        "demandez au débiteur le SIRET de la structure qui la remplace."
    ),
    (_I.DESTINATAIRE_PRIVE, ""): (
        "Le SIRET {siret} ({nom}) est celui d'une structure privée : Chorus Pro n'achemine ces "
        "factures qu'aux structures publiques ; adressez-la au débiteur public concerné."
    ),
    (_I.DESTINATAIRE_INACTIF, ""): (
        "La structure {siret} ({nom}) est inactive dans Chorus Pro et ne reçoit plus de "
        "factures : demandez au débiteur la structure qui la remplace."
    ),
    (_I.CODE_SERVICE_OBLIGATOIRE, ""): (
        "{nom} exige un code service : renseignez celui du service destinataire ({codes})."
    ),
    (_I.CODE_SERVICE_INCONNU, ""): (
        "Le code service « {code} » n'existe pas chez {nom} : corrigez-le ({codes})."
    ),
    (_I.CODE_SERVICE_INCONNU, "retire"): (
        "Le code service « {code} » de {nom} a été retiré de l'annuaire Chorus Pro le {date} : "
        "choisissez-en un autre ({codes})."
    ),
    (_I.CODE_SERVICE_INACTIF, ""): (
        "Le service « {code} » de {nom} est inactif : choisissez un service actif ({codes})."
    ),
    (_I.ENGAGEMENT_OBLIGATOIRE, ""): (
        "{nom} exige un numéro d'engagement juridique : renseignez le numéro du bon de commande "
        "ou du marché que le débiteur vous a communiqué."
    ),
    (_I.ENGAGEMENT_OBLIGATOIRE_SERVICE, ""): (
        "Le service « {code} » de {nom} exige un numéro d'engagement juridique : renseignez le "
        "numéro du bon de commande ou du marché."
    ),
    (_I.ENGAGEMENT_OU_CODE_SERVICE, ""): (
        "{nom} exige un numéro d'engagement juridique ou un code service : renseignez au moins "
        "l'un des deux ({codes})."
    ),
    (_I.FACTURES_PUBLIQUES_EMETTEUR_PRIVE, ""): (
        "Le service FACTURES_PUBLIQUES de {nom} est réservé aux factures entre structures "
        "publiques : un émetteur privé doit viser un autre service ({codes})."
    ),
}


def _problem(issue: IssueCode, variant: str = "", /, **values: object) -> AddresseeProblem:
    return AddresseeProblem(issue, _MESSAGES[issue, variant].format(**values))
