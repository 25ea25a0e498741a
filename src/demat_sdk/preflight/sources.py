"""Where the pre-flight reads an addressee's routing rules: offline directory or Chorus Pro.

A :class:`RoutingSource` answers one question, :meth:`~RoutingSource.lookup`: for a SIRET and
an optional service code, the structure's rules as a :class:`~demat_sdk.directory.Routing`
(the record the offline directory already returns), and the structure's active service codes to
suggest to the clerk. Two sources come with the library:

* :class:`DirectorySource` — the offline directory (:class:`~demat_sdk.directory.Directory`):
  microseconds, no network, as fresh as its last import. The export lists public structures
  only, so a private SIRET is simply unknown there;
* :class:`ChorusSource` — Chorus Pro's Structures API through a :class:`~demat_sdk.ChorusPro`
  client: ``rechercherStructure`` (the structure and its status), ``consulterStructure`` (its
  parameters, public or private), ``rechercherServicesStructure`` (its services) and
  ``consulterServiceStructure`` (the "engagement required" flag of the service asked). Its
  answers are reused for an hour (``max_age``), so a flux of 500 invoices to one hospital asks
  once.

Any object with a ``description`` and a ``lookup`` method is a source (a GEF's own cache…).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from demat_sdk.chorus.client import ChorusPro
from demat_sdk.chorus.enums import StatutStructure, TypeIdentifiantStructure, TypeStructure
from demat_sdk.chorus.models.structures import ServiceExpose, StructureAAfficher
from demat_sdk.directory.directory import Directory
from demat_sdk.directory.records import Routing, Service, Structure

__all__ = [
    "ChorusSource",
    "DirectorySource",
    "Lookup",
    "RoutingSource",
    "SourceLike",
    "as_source",
]

SERVICES_PAGE_SIZE = 100
"""Services asked per page of ``rechercherServicesStructure``."""


@dataclass(frozen=True)
class Lookup:
    """What a source knows of an addressee.

    Attributes:
        routing: the structure's rules and, when a code was asked, that service (``None`` in
            the record when the structure has no such code); ``None`` when no public structure
            has this SIRET.
        active_codes: the structure's active service codes, sorted (to suggest one).
        private: the SIRET belongs to a private structure (only the API can tell).
        designation: that private structure's name.
    """

    routing: Routing | None
    active_codes: tuple[str, ...] = ()
    private: bool = False
    designation: str | None = None


@runtime_checkable
class RoutingSource(Protocol):
    """Where routing rules are read."""

    @property
    def description(self) -> str:
        """What answers, for the messages (``"annuaire hors ligne (import du 05/01/2026)"``)."""
        ...

    def lookup(self, siret: str, code_service: str | None) -> Lookup:
        """The rules of the structure with this (valid) SIRET, and of the service asked."""
        ...


class DirectorySource:
    """The offline directory as a routing source.

    Args:
        directory: an open directory.
    """

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self._description: str | None = None

    def __repr__(self) -> str:
        return f"DirectorySource({self.directory.store!r})"

    @property
    def description(self) -> str:
        """``"l'annuaire hors ligne (import du 05/01/2026)"``, as of the first time it is read."""
        if self._description is None:
            last_import = self.directory.info().last_import
            when = f"import du {last_import:%d/%m/%Y}" if last_import else "jamais importé"
            self._description = f"l'annuaire hors ligne ({when})"
        return self._description

    def lookup(self, siret: str, code_service: str | None) -> Lookup:
        """Read the rules in the directory (see :meth:`Directory.routing`)."""
        routing = self.directory.routing(siret, code_service)
        if routing is None:
            return Lookup(None)
        codes = tuple(service.code for service in self.directory.services(siret, active_only=True))
        return Lookup(routing, codes)


class ChorusSource:
    """Chorus Pro's Structures API as a routing source.

    Args:
        client: a client whose PISTE application subscribes to the Structures API.
        max_age: seconds an answer is reused for the same SIRET and code (an hour by
            default: a structure's parameters change rarely, and a flux is checked in minutes).
        clock: monotonic seconds (``time.monotonic`` by default).
    """

    def __init__(
        self,
        client: ChorusPro,
        *,
        max_age: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.max_age = max_age
        self._clock = clock
        self._known: dict[tuple[str, str | None], tuple[float, Lookup]] = {}

    def __repr__(self) -> str:
        return f"ChorusSource({self.client!r})"

    @property
    def description(self) -> str:
        """``"Chorus Pro (API Structures)"``."""
        return "Chorus Pro (API Structures)"

    def lookup(self, siret: str, code_service: str | None) -> Lookup:
        """Ask Chorus Pro, or reuse its answer of less than ``max_age`` seconds ago.

        Raises:
            DematError: Chorus Pro could not be asked (transport, authentication, rights…).
        """
        key = (siret, code_service)
        now = self._clock()
        known = self._known.get(key)
        if known is not None and now - known[0] < self.max_age:
            return known[1]
        answer = self._ask(siret, code_service)
        self._known[key] = (now, answer)
        return answer

    def _ask(self, siret: str, code_service: str | None) -> Lookup:
        structures = self.client.structures
        found = _the_structure(
            structures.rechercher(
                identifiant_structure=siret,
                type_identifiant_structure=TypeIdentifiantStructure.SIRET,
            ).auto_paging_iter(),
            siret,
        )
        if found is None or found.id_structure_cpp is None:
            return Lookup(None)
        details = structures.consulter(id_structure_cpp=found.id_structure_cpp)
        info = details.information_generales
        designation = (
            (info.raison_sociale_structure or info.libelle_structure if info else None)
            or found.designation_structure
            or siret
        )
        if info is not None and info.structure_privee_publique is TypeStructure.PRIVEE:
            return Lookup(None, private=True, designation=designation)
        parametres = details.parametres
        adresse = details.adresse_postale_du_siege
        structure = Structure(
            identifiant=siret,
            type_identifiant=TypeIdentifiantStructure.SIRET,
            raison_sociale=designation,
            emetteur_edi=False,
            recepteur_edi=bool(parametres and parametres.recevoir_donnees_via_edi),
            gestion_statut_mise_en_paiement=not (
                parametres and parametres.statut_mise_en_paiement_nest_pas_remonte
            ),
            gestion_engagement=bool(parametres and parametres.numero_ej_doit_etre_renseigne),
            gestion_service=bool(parametres and parametres.code_service_doit_etre_renseigne),
            gestion_service_engagement=bool(
                parametres and parametres.gestion_numero_ej_ou_code_service
            ),
            est_moa=bool(parametres and parametres.a_moa),
            est_moa_uniquement=bool(parametres and parametres.est_moa_uniquement),
            structure_active=found.statut is not StatutStructure.INACTIVE,
            adresse=(adresse.adresse or "") if adresse else "",
            code_postal=(adresse.code_postal or "") if adresse else "",
            ville=(adresse.ville or "") if adresse else "",
        )
        services = list(
            structures.rechercher_services(
                id_structure=found.id_structure_cpp, nb_resultats_par_page=SERVICES_PAGE_SIZE
            ).auto_paging_iter()
        )
        codes = tuple(sorted(s.code_service for s in services if s.code_service and _active(s)))
        if code_service is None:
            return Lookup(Routing(structure), codes)
        exposed = next((s for s in services if s.code_service == code_service), None)
        service = None
        if exposed is not None and exposed.id_service is not None:
            parametres_service = structures.consulter_service(
                id_structure=found.id_structure_cpp, id_service=exposed.id_service
            ).parametres
            service = Service(
                identifiant=siret,
                code=code_service,
                nom=exposed.libelle_service or code_service,
                raison_sociale=designation,
                gestion_egmt=bool(parametres_service and parametres_service.numero_engagement),
                service_actif=_active(exposed),
            )
        return Lookup(Routing(structure, code_service, service), codes)


def _the_structure(found: Iterable[StructureAAfficher], siret: str) -> StructureAAfficher | None:
    for structure in found:
        if structure.identifiant_structure == siret:
            return structure
    return None


def _active(service: ServiceExpose) -> bool:
    if service.est_actif is not None:
        return service.est_actif
    return (service.statut_service or "ACTIF").upper() in ("ACTIF", "ACTIVE")


SourceLike = RoutingSource | Directory | ChorusPro
"""What the pre-flight takes as its source: a directory, a client, or any routing source."""


_SOURCES: weakref.WeakKeyDictionary[Directory | ChorusPro, RoutingSource] = (
    weakref.WeakKeyDictionary()
)


def as_source(source: SourceLike) -> RoutingSource:
    """The routing source for a directory (offline) or a client (online), or ``source`` itself.

    The source made for a directory or a client is kept as long as they live, so that checks
    made one by one share its answers (a client's lookups, a directory's import date).

    Raises:
        TypeError: ``source`` is none of them.
    """
    if isinstance(source, (Directory, ChorusPro)):
        known = _SOURCES.get(source)
        if known is None:
            known = _SOURCES[source] = (
                DirectorySource(source) if isinstance(source, Directory) else ChorusSource(source)
            )
        return known
    if isinstance(source, RoutingSource):
        return source
    raise TypeError(
        f"a pre-flight source is a Directory, a ChorusPro client or a RoutingSource, "
        f"not {type(source).__name__}"
    )
