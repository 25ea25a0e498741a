"""The emulator's directory, and the routing rules an invoice must satisfy.

Structures, their services and routing parameters, bank accounts, engagements juridiques.
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from demat_sdk.chorus.enums import TypeIdentifiantStructure, TypeStructure
from demat_sdk.identifiers import is_valid_bic, is_valid_iban, siret_problem
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError

__all__ = [
    "FACTURES_PUBLIQUES",
    "Address",
    "BankAccountRecord",
    "Directory",
    "EngagementRecord",
    "Routing",
    "RoutingProblem",
    "ServiceRecord",
    "StructureRecord",
]

FACTURES_PUBLIQUES = "FACTURES_PUBLIQUES"
"""Code of the service every public structure has for invoices between public bodies."""


@dataclass
class Address:
    """A postal address, as the directory keeps it."""

    adresse: str = ""
    code_postal: str = ""
    ville: str = ""
    code_pays: str = "FR"
    libelle_pays: str = "France"
    complement1: str = ""
    complement2: str = ""
    telephone: str = ""


@dataclass(eq=False)
class ServiceRecord:
    """A service of a structure (code service).

    Attributes:
        numero_engagement: an engagement juridique is mandatory on invoices to this service.
        mise_en_paiement: the service reports the mise en paiement.
    """

    id_service: int
    structure_id: int
    code_service: str
    libelle_service: str
    actif: bool = True
    numero_engagement: bool = False
    mise_en_paiement: bool = True
    description: str = ""
    date_debut: date = date(2017, 1, 1)
    date_fin: date | None = None
    address: Address = field(default_factory=Address)


@dataclass
class BankAccountRecord:
    """Bank details of a supplier (coordonnées bancaires)."""

    id_coordonnee_bancaire: int
    structure_id: int
    nom: str
    iban: str
    bic: str


@dataclass(eq=False)
class StructureRecord:
    """A structure of the directory (public buyer, supplier), with its routing parameters.

    The routing parameters are those of ``consulterStructure.parametres``:
    ``code_service_doit_etre_renseigne`` (service code mandatory), ``numero_ej_doit_etre_renseigne``
    (engagement juridique mandatory), ``gestion_numero_ej_ou_code_service`` (one of both),
    ``statut_mise_en_paiement_nest_pas_remonte`` (the structure never reports MISE_EN_PAIEMENT).
    """

    id_structure_cpp: int
    identifiant: str
    designation: str
    type_structure: TypeStructure
    type_identifiant: TypeIdentifiantStructure = TypeIdentifiantStructure.SIRET
    active: bool = True
    code_service_doit_etre_renseigne: bool = False
    numero_ej_doit_etre_renseigne: bool = False
    gestion_numero_ej_ou_code_service: bool = False
    statut_mise_en_paiement_nest_pas_remonte: bool = False
    connexion_edi: bool = False
    email: str = ""
    numero_tva: str = ""
    numero_rcs: str = ""
    address: Address = field(default_factory=Address)
    services: dict[int, ServiceRecord] = field(default_factory=dict)
    bank_accounts: list[BankAccountRecord] = field(default_factory=list)

    @property
    def is_public(self) -> bool:
        """Whether the structure is a public body."""
        return self.type_structure is TypeStructure.PUBLIQUE

    def service_by_code(self, code: str) -> ServiceRecord | None:
        """The service with this code, if any."""
        for service in self.services.values():
            if service.code_service == code:
                return service
        return None


@dataclass
class EngagementRecord:
    """An engagement juridique (bon de commande) published by a public structure."""

    id_engagement: int
    numero: str
    structure_id: int
    fournisseur_id: int
    code_service: str
    montant_ht: Decimal
    montant_ttc: Decimal
    date_creation: date
    etat: str = "COMMANDE"
    type_engagement: str = "BON_DE_COMMANDE"


class RoutingProblem(enum.Enum):
    """Why an invoice cannot reach its recipient: ``(datum at fault, message)``.

    The datum is ``destinataire``, ``code_service``, ``numero_ej`` or ``ej_ou_service``; in the
    message, ``{champ}`` is where it sits (an XML element of the flux, a JSON field of
    ``soumettreFacture``) and ``{valeur}`` its value.
    """

    DESTINATAIRE_ABSENT = (
        "destinataire",
        "L'identifiant du destinataire ({champ}) est obligatoire.",
    )
    DESTINATAIRE_INCONNU = (
        "destinataire",
        "Le destinataire {valeur} ({champ}) n'est pas référencé dans notre système.",
    )
    DESTINATAIRE_INACTIF = ("destinataire", "Le destinataire {valeur} ({champ}) n'est pas actif.")
    DESTINATAIRE_PRIVE = (
        "destinataire",
        "Le destinataire {valeur} ({champ}) n'est pas une structure publique.",
    )
    SERVICE_OBLIGATOIRE = (
        "code_service",
        "Le code service ({champ}) est obligatoire pour ce destinataire.",
    )
    SERVICE_INCONNU = (
        "code_service",
        "Le code service {valeur} ({champ}) n'existe pas chez ce destinataire.",
    )
    SERVICE_INACTIF = ("code_service", "Le service {valeur} ({champ}) n'est pas actif.")
    EJ_OBLIGATOIRE = (
        "numero_ej",
        "Le numéro d'engagement juridique ({champ}) est obligatoire pour ce destinataire.",
    )
    EJ_OBLIGATOIRE_SERVICE = (
        "numero_ej",
        "Le numéro d'engagement juridique ({champ}) est obligatoire pour le service {valeur}.",
    )
    EJ_OU_SERVICE = (
        "ej_ou_service",
        "Le numéro d'engagement juridique ou le code service ({champ}) doit être renseigné.",
    )
    FACTURES_PUBLIQUES_PRIVE = (
        "code_service",
        "Le service FACTURES_PUBLIQUES ({champ}) est réservé aux factures entre structures "
        "publiques.",
    )

    @property
    def datum(self) -> str:
        """Which routing datum is at fault."""
        return self.value[0]

    def message(self, champ: str, valeur: str = "") -> str:
        """The message, naming where the datum sits and its value."""
        template: str = self.value[1]
        return template.replace("{champ}", champ).replace("{valeur}", valeur)


@dataclass(frozen=True)
class Routing:
    """Where an invoice goes, once its routing data are checked."""

    supplier: StructureRecord
    recipient: StructureRecord | None
    service: ServiceRecord | None
    problems: tuple[tuple[RoutingProblem, str], ...]
    """Each problem with the value at fault."""


class Directory:
    """Structures, services, bank accounts and engagements juridiques."""

    def __init__(self) -> None:
        self.structures: dict[int, StructureRecord] = {}
        self.engagements: dict[int, EngagementRecord] = {}
        self._structure_ids = itertools.count(26_300_001)
        self._service_ids = itertools.count(10_001)
        self._bank_ids = itertools.count(144_001)
        self._engagement_ids = itertools.count(70_001)

    # --- set-up --------------------------------------------------------------------------

    def add_structure(
        self,
        identifiant: str,
        designation: str,
        *,
        type_structure: TypeStructure | str = TypeStructure.PUBLIQUE,
        type_identifiant: TypeIdentifiantStructure | str = TypeIdentifiantStructure.SIRET,
        active: bool = True,
        code_service_doit_etre_renseigne: bool = False,
        numero_ej_doit_etre_renseigne: bool = False,
        gestion_numero_ej_ou_code_service: bool = False,
        statut_mise_en_paiement_nest_pas_remonte: bool = False,
        connexion_edi: bool = False,
        email: str = "",
        numero_tva: str = "",
        numero_rcs: str = "",
        address: Address | None = None,
    ) -> StructureRecord:
        """Add a structure; a public one gets its ``FACTURES_PUBLIQUES`` service.

        Raises:
            ValueError: an invalid SIRET, or an identifier already in the directory.
        """
        kind = TypeIdentifiantStructure(type_identifiant)
        if kind is TypeIdentifiantStructure.SIRET and (problem := siret_problem(identifiant)):
            raise ValueError(problem)
        if self.find(identifiant) is not None:
            raise ValueError(f"structure {identifiant} is already in the directory")
        structure = StructureRecord(
            id_structure_cpp=next(self._structure_ids),
            identifiant=identifiant,
            designation=designation,
            type_structure=TypeStructure(type_structure),
            type_identifiant=kind,
            active=active,
            code_service_doit_etre_renseigne=code_service_doit_etre_renseigne,
            numero_ej_doit_etre_renseigne=numero_ej_doit_etre_renseigne,
            gestion_numero_ej_ou_code_service=gestion_numero_ej_ou_code_service,
            statut_mise_en_paiement_nest_pas_remonte=statut_mise_en_paiement_nest_pas_remonte,
            connexion_edi=connexion_edi,
            email=email,
            numero_tva=numero_tva,
            numero_rcs=numero_rcs,
            address=address or Address(),
        )
        self.structures[structure.id_structure_cpp] = structure
        if structure.is_public:
            self.add_service(
                structure,
                FACTURES_PUBLIQUES,
                "Service des factures publiques",
                description="Factures entre structures publiques",
            )
        return structure

    def add_service(
        self,
        structure: StructureRecord | int,
        code_service: str,
        libelle_service: str,
        *,
        actif: bool = True,
        numero_engagement: bool = False,
        mise_en_paiement: bool = True,
        description: str = "",
        address: Address | None = None,
    ) -> ServiceRecord:
        """Add a service to a structure.

        Raises:
            ValueError: the structure already has a service with this code.
        """
        owner = self.structure(structure)
        if owner.service_by_code(code_service) is not None:
            raise ValueError(f"{owner.identifiant} already has a service {code_service}")
        service = ServiceRecord(
            id_service=next(self._service_ids),
            structure_id=owner.id_structure_cpp,
            code_service=code_service,
            libelle_service=libelle_service,
            actif=actif,
            numero_engagement=numero_engagement,
            mise_en_paiement=mise_en_paiement,
            description=description or libelle_service,
            address=address or owner.address,
        )
        owner.services[service.id_service] = service
        return service

    def add_bank_account(
        self, structure: StructureRecord | int, *, nom: str, iban: str, bic: str
    ) -> BankAccountRecord:
        """Add bank details to a structure.

        Raises:
            ValueError: an invalid IBAN or BIC.
        """
        if not is_valid_iban(iban):
            raise ValueError(f"invalid IBAN {iban!r}")
        if not is_valid_bic(bic):
            raise ValueError(f"invalid BIC {bic!r}")
        owner = self.structure(structure)
        account = BankAccountRecord(next(self._bank_ids), owner.id_structure_cpp, nom, iban, bic)
        owner.bank_accounts.append(account)
        return account

    def add_engagement(
        self,
        structure: StructureRecord | int,
        numero: str,
        *,
        fournisseur: StructureRecord | int,
        code_service: str,
        montant_ht: Decimal | str,
        montant_ttc: Decimal | str,
        date_creation: date,
    ) -> EngagementRecord:
        """Publish an engagement juridique of a public structure towards a supplier."""
        owner = self.structure(structure)
        supplier = self.structure(fournisseur)
        if not 0 < len(numero) <= 50:
            raise ValueError("an engagement juridique number has 1 to 50 characters")
        engagement = EngagementRecord(
            id_engagement=next(self._engagement_ids),
            numero=numero,
            structure_id=owner.id_structure_cpp,
            fournisseur_id=supplier.id_structure_cpp,
            code_service=code_service,
            montant_ht=Decimal(montant_ht),
            montant_ttc=Decimal(montant_ttc),
            date_creation=date_creation,
        )
        self.engagements[engagement.id_engagement] = engagement
        return engagement

    # --- look-ups --------------------------------------------------------------------------

    def structure(self, ref: StructureRecord | int) -> StructureRecord:
        """A structure by record or ``idStructureCPP``.

        Raises:
            RefusedError: no such structure.
        """
        if isinstance(ref, StructureRecord):
            return ref
        found = self.structures.get(ref)
        if found is None:
            raise RefusedError(Refusal.STRUCTURE_INCONNUE, str(ref))
        return found

    def find(self, identifiant: str) -> StructureRecord | None:
        """The structure with this identifier (SIRET…), if any."""
        for structure in self.structures.values():
            if structure.identifiant == identifiant:
                return structure
        return None

    def service(self, structure: StructureRecord | int, id_service: int) -> ServiceRecord:
        """A service of a structure by its id.

        Raises:
            RefusedError: no such structure or service.
        """
        owner = self.structure(structure)
        found = owner.services.get(id_service)
        if found is None:
            raise RefusedError(Refusal.SERVICE_INCONNU, str(id_service))
        return found

    # --- routing rules ---------------------------------------------------------------------

    def route(
        self,
        supplier: StructureRecord,
        recipient_identifiant: str | None,
        code_service: str | None,
        numero_ej: str | None,
    ) -> Routing:
        """Check an invoice's routing data against the recipient's directory entry.

        The rules Chorus Pro applies at integration: recipient known, public and active; service
        code mandatory, known and active where the recipient says so; engagement juridique
        mandatory where the structure or the service says so, or "EJ or service code";
        ``FACTURES_PUBLIQUES`` only for public suppliers. ``numero_ej`` is the engagement
        juridique: a purchase order (bon de commande) or a contract (marché) number.
        """
        problems: list[tuple[RoutingProblem, str]] = []
        if not recipient_identifiant:
            return Routing(supplier, None, None, ((RoutingProblem.DESTINATAIRE_ABSENT, ""),))
        recipient = self.find(recipient_identifiant)
        if recipient is None:
            problem = RoutingProblem.DESTINATAIRE_INCONNU
            return Routing(supplier, None, None, ((problem, recipient_identifiant),))
        if not recipient.is_public:
            problem = RoutingProblem.DESTINATAIRE_PRIVE
            return Routing(supplier, None, None, ((problem, recipient_identifiant),))
        if not recipient.active:
            problem = RoutingProblem.DESTINATAIRE_INACTIF
            return Routing(supplier, None, None, ((problem, recipient_identifiant),))
        service = recipient.service_by_code(code_service) if code_service else None
        if code_service and service is None:
            problems.append((RoutingProblem.SERVICE_INCONNU, code_service))
        elif service is not None and not service.actif:
            problems.append((RoutingProblem.SERVICE_INACTIF, code_service or ""))
        if recipient.gestion_numero_ej_ou_code_service:
            if not code_service and not numero_ej:
                problems.append((RoutingProblem.EJ_OU_SERVICE, ""))
        else:
            if recipient.code_service_doit_etre_renseigne and not code_service:
                problems.append((RoutingProblem.SERVICE_OBLIGATOIRE, ""))
            if recipient.numero_ej_doit_etre_renseigne and not numero_ej:
                problems.append((RoutingProblem.EJ_OBLIGATOIRE, ""))
        if service is not None and service.numero_engagement and not numero_ej:
            problems.append((RoutingProblem.EJ_OBLIGATOIRE_SERVICE, service.code_service))
        if (
            service is not None
            and service.code_service == FACTURES_PUBLIQUES
            and not supplier.is_public
        ):
            problems.append((RoutingProblem.FACTURES_PUBLIQUES_PRIVE, FACTURES_PUBLIQUES))
        return Routing(supplier, recipient, service, tuple(problems))
