"""What the directory holds: structures, their services, and the routing rules they impose.

The fields of :class:`Structure` and :class:`Service` are the columns of the Chorus Pro export
(``GestionEngagement`` → ``gestion_engagement``), so a reader can match them with the export and
with the API's ``consulterStructure.parametres``:

=================================  ======================================================
export column                      API equivalent (``structures/v1/consulter``)
=================================  ======================================================
``GestionEngagement``              ``numeroEJDoitEtreRenseigne``
``GestionService``                 ``codeServiceDoitEtreRenseigne``
``GestionServiceEngagement``       ``gestionNumeroEJOuCodeService``
``GestionStatutMiseEnPaiement``    the opposite of ``statutMiseEnPaiementNestPasRemonte``
``GestionEGMT`` (services file)    ``consulterServiceStructure.parametres.numeroEngagement``
=================================  ======================================================

The export lists public structures only, so a record has no public/private flag; what is reserved
to the public sector is the ``FACTURES_PUBLIQUES`` service every public structure has
(:attr:`Service.est_factures_publiques`, :attr:`Routing.reserved_to_public_sector`).

``withdrawn_on`` is the directory's own: the date of the first import whose export no longer
listed the row (the row is kept, so that a lookup can say "gone since" rather than "unknown").
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from demat_sdk.chorus.enums import TypeIdentifiantStructure

__all__ = [
    "FACTURES_PUBLIQUES",
    "ExportKind",
    "Routing",
    "RoutingRequirement",
    "Service",
    "Structure",
]

FACTURES_PUBLIQUES = "FACTURES_PUBLIQUES"
"""Code of the service every public structure has for invoices between public entities.

Invoices a private supplier addresses to it are rejected by Chorus Pro.
"""


class ExportKind(str, enum.Enum):
    """The two files of the Chorus Pro directory export."""

    STRUCTURES = "structures"
    SERVICES = "services"


@dataclass(frozen=True, slots=True)
class Structure:
    """A structure of the directory (one line of the structures file).

    Attributes:
        identifiant: the SIRET (or, for the other identifier types, the identifier as exported).
        type_identifiant: the kind of identifier (``SIRET`` for French public entities).
        raison_sociale: the registered name.
        emetteur_edi: the structure may send invoices through an EDI connection.
        recepteur_edi: the structure receives its invoices through an EDI connection.
        gestion_statut_mise_en_paiement: the structure reports the ``MISE_EN_PAIEMENT`` status
            (when ``False``, do not wait for it).
        gestion_engagement: the engagement juridique (EJ) number is mandatory on invoices.
        gestion_service: the code service is mandatory on invoices.
        gestion_service_engagement: the EJ number *or* the code service is mandatory.
        est_moa: the structure may act as maître d'ouvrage (works invoices).
        est_moa_uniquement: the structure acts as maître d'ouvrage only.
        structure_active: the structure is active in Chorus Pro.
        adresse: first address line.
        complement_adresse1: second address line.
        complement_adresse2: third address line.
        code_postal: postcode.
        ville: town.
        num_telephone: telephone number.
        courriel: e-mail address.
        code_pays: ISO country code.
        libelle_pays: country name.
        withdrawn_on: when the last imports stopped listing the structure, else ``None``.
    """

    identifiant: str
    type_identifiant: TypeIdentifiantStructure
    raison_sociale: str
    emetteur_edi: bool
    recepteur_edi: bool
    gestion_statut_mise_en_paiement: bool
    gestion_engagement: bool
    gestion_service: bool
    gestion_service_engagement: bool
    est_moa: bool
    est_moa_uniquement: bool
    structure_active: bool
    adresse: str = ""
    complement_adresse1: str = ""
    complement_adresse2: str = ""
    code_postal: str = ""
    ville: str = ""
    num_telephone: str = ""
    courriel: str = ""
    code_pays: str = ""
    libelle_pays: str = ""
    withdrawn_on: datetime | None = None

    @property
    def siret(self) -> str | None:
        """The SIRET, when the identifier is one."""
        return self.identifiant if self.type_identifiant is TypeIdentifiantStructure.SIRET else None

    @property
    def active(self) -> bool:
        """Active in Chorus Pro and still listed by the last import."""
        return self.structure_active and self.withdrawn_on is None

    @property
    def requirement(self) -> RoutingRequirement:
        """What an invoice addressed to this structure must carry (structure-level rules)."""
        if self.gestion_service_engagement:
            return RoutingRequirement.CODE_SERVICE_OR_ENGAGEMENT
        if self.gestion_service and self.gestion_engagement:
            return RoutingRequirement.CODE_SERVICE_AND_ENGAGEMENT
        if self.gestion_service:
            return RoutingRequirement.CODE_SERVICE
        if self.gestion_engagement:
            return RoutingRequirement.ENGAGEMENT
        return RoutingRequirement.NONE


@dataclass(frozen=True, slots=True)
class Service:
    """A service of a structure (one line of the services file): a code service.

    Attributes:
        identifiant: the SIRET (or other identifier) of the structure the service belongs to.
        code: the code service (what an invoice carries as ``codeServiceExecutant``).
        nom: the service's name.
        raison_sociale: the registered name of the structure.
        gestion_egmt: the engagement juridique number is mandatory for this service.
        service_actif: the service is active in Chorus Pro.
        adresse: first address line.
        complement_adresse1: second address line.
        complement_adresse2: third address line.
        code_postal: postcode.
        ville: town.
        num_telephone: telephone number.
        courriel: e-mail address.
        code_pays: ISO country code.
        libelle_pays: country name.
        withdrawn_on: when the last imports stopped listing the service, else ``None``.
    """

    identifiant: str
    code: str
    nom: str
    raison_sociale: str
    gestion_egmt: bool
    service_actif: bool
    adresse: str = ""
    complement_adresse1: str = ""
    complement_adresse2: str = ""
    code_postal: str = ""
    ville: str = ""
    num_telephone: str = ""
    courriel: str = ""
    code_pays: str = ""
    libelle_pays: str = ""
    withdrawn_on: datetime | None = None

    @property
    def active(self) -> bool:
        """Active in Chorus Pro and still listed by the last import."""
        return self.service_actif and self.withdrawn_on is None

    @property
    def est_factures_publiques(self) -> bool:
        """Whether this is the ``FACTURES_PUBLIQUES`` service, reserved to public issuers."""
        return self.code == FACTURES_PUBLIQUES


class RoutingRequirement(str, enum.Enum):
    """What an invoice must carry to be accepted by a structure (its ``Gestion…`` flags).

    ``gestion_service_engagement`` wins over the two others, as in Chorus Pro's own checks.
    """

    NONE = "none"
    CODE_SERVICE = "code_service"
    ENGAGEMENT = "engagement"
    CODE_SERVICE_AND_ENGAGEMENT = "code_service_and_engagement"
    CODE_SERVICE_OR_ENGAGEMENT = "code_service_or_engagement"


@dataclass(frozen=True, slots=True)
class Routing:
    """The routing rules of one addressee: a structure and, optionally, one of its services.

    Returned by :meth:`demat_sdk.directory.Directory.routing`; it states the rules and leaves the
    verdict on a given invoice to the caller (or to the addressee pre-flight checks).

    Attributes:
        structure: the addressed structure.
        code_service: the code service asked about, if any.
        service: that service as found in the directory, or ``None`` when the structure has no
            such code (or none was asked about).
    """

    structure: Structure
    code_service: str | None = None
    service: Service | None = None

    @property
    def requirement(self) -> RoutingRequirement:
        """The structure-level requirement (see :attr:`Structure.requirement`)."""
        return self.structure.requirement

    @property
    def engagement_required(self) -> bool:
        """An EJ number is mandatory: the structure demands it, or the service does."""
        service_demands = self.service is not None and self.service.gestion_egmt
        return self.structure.gestion_engagement or service_demands

    @property
    def code_service_required(self) -> bool:
        """A code service is mandatory (``GestionService``)."""
        return self.structure.gestion_service

    @property
    def engagement_or_code_service_required(self) -> bool:
        """At least one of the EJ number and the code service is mandatory."""
        return self.structure.gestion_service_engagement

    @property
    def mise_en_paiement_reported(self) -> bool:
        """The structure reports ``MISE_EN_PAIEMENT``; when ``False``, do not wait for it."""
        return self.structure.gestion_statut_mise_en_paiement

    @property
    def reserved_to_public_sector(self) -> bool:
        """The service asked about is ``FACTURES_PUBLIQUES`` (refused from private suppliers)."""
        return self.code_service == FACTURES_PUBLIQUES
