"""The instruction's indicators, measured on what the library handled.

The interministerial instruction on the hospitals' accounting chain follows a few shares; this
module measures them from the files and data at hand:

* **mandats with dematerialised PJ** (threshold: 90 %), from PES_Aller files
  (:func:`measure_pes`). A mandat counts when one of its ``PJRef`` (on the pièce or on a line),
  on electronic support (``Support`` 01), names a PJ that travels electronically: a PJ of one of
  the files measured (embedded, or in a PES PJ autonome), an identifier declared sent
  separately (``pj_envoyees_a_part``). A PJ of a PES PJ autonome whose ``RefCompta`` names the
  mandat (domain dépense, exercice, ``Identifiant`` = the mandat's number) counts too. A mandat
  whose references name PJ found nowhere is not counted: its identifiers are listed, to look
  for the missing flux;
* **signed bordereaux**, from the same files: a bordereau carrying its own ``ds:Signature``, or
  in a flux signed as a whole (a global signature signs every bordereau, says the arrêté);
* **supplier invoices processed in Chorus Pro**, from the recipient's invoices in Chorus Pro
  (:func:`measure_chorus`, :func:`collect_chorus`). *Processed* means the recipient gave the
  invoice a status in Chorus Pro: its current status is one only the recipient's processing
  (or, after mandatement, the accountant) leads to — ``SERVICE_FAIT``, ``MANDATEE``,
  ``MISE_A_DISPOSITION_COMPTABLE``, ``COMPTABILISEE``, ``MISE_EN_PAIEMENT``, and the returns
  ``SUSPENDUE``, ``COMPLETEE`` (completed after a suspension), ``A_RECYCLER``, ``REJETEE``. An
  invoice still ``MISE_A_DISPOSITION`` was received but not processed there. Given the count of
  invoices received outside Chorus Pro (paper, e-mail), the share received through Chorus Pro
  is measured too; and among the invoices sent back, the share of rejets (the doctrine wants
  it low: suspension and recyclage first).

Files are read one at a time with :func:`demat_sdk.pes.read`, their PJ contents written to a
temporary directory and deleted (``pj_dir``): memory holds one file's models, never its PJ.

:func:`build_report` gathers the measures into an :class:`IndicatorReport`, written as JSON,
CSV (``;``-separated, decimal comma: what a French spreadsheet opens) or a one-page HTML report
with its chart (:mod:`demat_sdk.tracking.report_html`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from demat_sdk.chorus.client import ChorusPro
from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.chorus.models.factures_resultats import FactureRechercheRecipiendaire
from demat_sdk.pes.enums import Domaine, Support
from demat_sdk.pes.models.common import PJRef
from demat_sdk.pes.models.depense import Mandat
from demat_sdk.pes.reader import read
from demat_sdk.tracking.report_html import render

__all__ = [
    "PJ_THRESHOLD",
    "PROCESSED",
    "ChorusMeasures",
    "Indicator",
    "IndicatorReport",
    "PesMeasures",
    "build_report",
    "collect_chorus",
    "measure_chorus",
    "measure_pes",
]

PJ_THRESHOLD = 0.90
"""The instruction's target share of mandats with dematerialised PJ."""

S = StatutFacture
PROCESSED: frozenset[StatutFacture] = frozenset(
    {
        S.SUSPENDUE,
        S.COMPLETEE,
        S.A_RECYCLER,
        S.REJETEE,
        S.SERVICE_FAIT,
        S.MANDATEE,
        S.MISE_A_DISPOSITION_COMPTABLE,
        S.COMPTABILISEE,
        S.MISE_EN_PAIEMENT,
    }
)
"""Statuses of a received invoice that the recipient processed in Chorus Pro."""

_RETURNS = (S.REJETEE, S.SUSPENDUE, S.A_RECYCLER)
PesSource = str | os.PathLike[str] | bytes


# --- PES files ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PesMeasures:
    """What the PES_Aller files say (a mandat or bordereau sent twice counts once).

    Attributes:
        fichiers: files read.
        mandats: mandats found.
        mandats_avec_pj: mandats with dematerialised PJ.
        bordereaux: bordereaux found (dépense and recette).
        bordereaux_signes: bordereaux signed (their own signature, or the flux's).
        mandats_sans_pj: the others, named ``budget 26380000500005/00 / exercice 2025 /
            mandat 3017``.
        bordereaux_non_signes: the bordereaux without signature, named likewise.
        pj_introuvables: identifiers of PJ referenced electronically and found in no file.
    """

    fichiers: int
    mandats: int
    mandats_avec_pj: int
    bordereaux: int
    bordereaux_signes: int
    mandats_sans_pj: tuple[str, ...] = ()
    bordereaux_non_signes: tuple[str, ...] = ()
    pj_introuvables: tuple[str, ...] = ()


def measure_pes(
    files: Iterable[PesSource], *, pj_envoyees_a_part: Collection[str] = ()
) -> PesMeasures:
    """Measure PJ dematerialisation and bordereau signature on PES_Aller files.

    Args:
        files: the flux sent over the period (paths or bytes), PES PJ autonomes included.
        pj_envoyees_a_part: identifiers (``IdUnique``) of PJ known to have travelled
            electronically in flux not given here.

    Raises:
        PesReadError: a file is not a PES_Aller (what is merely wrong inside a file is read
            past, see :func:`demat_sdk.pes.read`).
    """
    pj_ids: set[str] = set(pj_envoyees_a_part)
    pj_for_mandat: set[tuple[str, int, str]] = set()
    mandats: dict[tuple[str, int, int], tuple[str, frozenset[str]]] = {}
    bordereaux: dict[tuple[str, str, int, int], tuple[str, bool]] = {}
    count = 0
    for source in files:
        count += 1
        with tempfile.TemporaryDirectory(prefix="demat-indicateurs-") as pj_dir:
            pes = read(source, pj_dir=pj_dir)
        budget = f"{pes.en_tete.siret}/{pes.en_tete.code_budget}"
        for pj in pes.pj.pieces_justificatives if pes.pj is not None else []:
            pj_ids.add(pj.id_unique)
            for ref in pj.references_comptables:
                if ref.domaine == Domaine.DEPENSE and ref.identifiant:
                    pj_for_mandat.add((budget, ref.exercice, ref.identifiant.lstrip("0")))
        signed_flux = pes.signature is not None
        for domain, container in (("mandats", pes.depense), ("titres", pes.recette)):
            for bordereau in container.bordereaux if container is not None else []:
                name = (
                    f"budget {budget} / exercice {bordereau.exercice} / bordereau de {domain} "
                    f"{bordereau.numero}"
                )
                key = (budget, domain, bordereau.exercice, bordereau.numero)
                bordereaux[key] = (name, signed_flux or bordereau.signature is not None)
        for bordereau in pes.depense.bordereaux if pes.depense is not None else []:
            for mandat in bordereau.mandats:
                label = f"budget {budget} / exercice {bordereau.exercice} / mandat {mandat.numero}"
                mandats[budget, bordereau.exercice, mandat.numero] = (label, _electronic(mandat))
    sans_pj: list[str] = []
    introuvables: set[str] = set()
    for (budget, exercice, numero), (label, refs) in mandats.items():
        by_refcompta = (budget, exercice, str(numero)) in pj_for_mandat
        if by_refcompta or refs & pj_ids:
            continue
        sans_pj.append(label)
        introuvables |= refs
    non_signes = [name for name, signed in bordereaux.values() if not signed]
    return PesMeasures(
        fichiers=count,
        mandats=len(mandats),
        mandats_avec_pj=len(mandats) - len(sans_pj),
        bordereaux=len(bordereaux),
        bordereaux_signes=len(bordereaux) - len(non_signes),
        mandats_sans_pj=tuple(sans_pj),
        bordereaux_non_signes=tuple(non_signes),
        pj_introuvables=tuple(sorted(introuvables)),
    )


def _electronic(mandat: Mandat) -> frozenset[str]:
    refs: list[PJRef] = [
        *mandat.pj_refs,
        *(ref for ligne in mandat.lignes for ref in ligne.pj_refs),
    ]
    return frozenset(ref.id_unique for ref in refs if ref.support == Support.ELECTRONIQUE)


# --- Chorus Pro --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChorusMeasures:
    """What the recipient's invoices in Chorus Pro say.

    Attributes:
        recues: invoices received in Chorus Pro.
        traitees: of them, processed in Chorus Pro (see :data:`PROCESSED`).
        telechargees: of them, downloaded by the recipient (``factureTelechargeeParDestinataire``).
        par_statut: how many are in each current status.
        hors_chorus: supplier invoices received outside Chorus Pro (paper, e-mail), when known.
    """

    recues: int
    traitees: int
    telechargees: int
    par_statut: dict[str, int] = field(default_factory=dict)
    hors_chorus: int | None = None

    @property
    def renvoyees(self) -> int:
        """Invoices sent back to the supplier: rejected, suspended or to recycle."""
        return sum(self.par_statut.get(statut.value, 0) for statut in _RETURNS)

    @property
    def rejetees(self) -> int:
        """Invoices rejected."""
        return self.par_statut.get(S.REJETEE.value, 0)


def measure_chorus(
    factures: Iterable[FactureRechercheRecipiendaire], *, hors_chorus: int | None = None
) -> ChorusMeasures:
    """Measure the processing of received invoices from the recipient's search results.

    Args:
        factures: the invoices received over the period (``rechercherFactureRecipiendaire``).
        hors_chorus: supplier invoices received outside Chorus Pro over the period, if known.
    """
    statuts: Counter[str] = Counter()
    recues = traitees = telechargees = 0
    seen: set[int] = set()
    for facture in factures:
        if facture.id_facture is not None:
            if facture.id_facture in seen:
                continue
            seen.add(facture.id_facture)
        recues += 1
        statut = facture.statut
        statuts[statut.value if statut is not None else "INCONNU"] += 1
        traitees += statut in PROCESSED
        telechargees += bool(facture.facture_telechargee_par_destinataire)
    return ChorusMeasures(
        recues=recues,
        traitees=traitees,
        telechargees=telechargees,
        par_statut=dict(sorted(statuts.items())),
        hors_chorus=hors_chorus,
    )


def collect_chorus(
    client: ChorusPro,
    *,
    depuis: date,
    jusqu_a: date,
    id_destinataire: int | None = None,
    hors_chorus: int | None = None,
) -> ChorusMeasures:
    """Measure the invoices the account's structure received, deposited between two dates.

    Args:
        client: a client on the recipient's technical account.
        depuis: first day of deposit.
        jusqu_a: last day of deposit.
        id_destinataire: the receiving structure (``idStructureCPP``), when the account acts for
            several.
        hors_chorus: supplier invoices received outside Chorus Pro over the period, if known.

    Raises:
        DematError: Chorus Pro could not be asked.
    """
    page = client.factures.rechercher_recipiendaire(
        id_destinataire=id_destinataire,
        periode_date_depot_du=depuis,
        periode_date_depot_au=jusqu_a,
        nb_resultats_par_page=100,
    )
    return measure_chorus(page.auto_paging_iter(), hors_chorus=hors_chorus)


# --- the report --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    """A share: how many of how many, and the target when there is one.

    Attributes:
        code: a stable machine name (``mandats_pj_dematerialisees``).
        libelle: its name, in French.
        numerateur: how many meet it.
        denominateur: out of how many.
        seuil: the target share (0.90), or ``None``.
        plus_bas_mieux: a lower share is better (the share of rejets).
    """

    code: str
    libelle: str
    numerateur: int
    denominateur: int
    seuil: float | None = None
    plus_bas_mieux: bool = False

    @property
    def taux(self) -> float | None:
        """The share, from 0 to 1 (``None`` with nothing to measure)."""
        return self.numerateur / self.denominateur if self.denominateur else None

    @property
    def atteint(self) -> bool | None:
        """Whether the target is met (``None`` without target or measure)."""
        if self.seuil is None or self.taux is None:
            return None
        return self.taux <= self.seuil if self.plus_bas_mieux else self.taux >= self.seuil


@dataclass(frozen=True)
class IndicatorReport:
    """The indicators of a period, with the measures they come from.

    Attributes:
        etablissement: the hospital, as the report names it.
        periode: the period, as the report names it (``"mars 2026"``).
        indicateurs: the shares, in the order of the instruction.
        pes: the PES measures, if measured.
        chorus: the Chorus Pro measures, if measured.
        genere_le: when the report was made.
    """

    etablissement: str
    periode: str
    indicateurs: tuple[Indicator, ...]
    pes: PesMeasures | None = None
    chorus: ChorusMeasures | None = None
    genere_le: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def indicateur(self, code: str) -> Indicator:
        """The indicator with this code.

        Raises:
            KeyError: no such indicator in the report.
        """
        for indicator in self.indicateurs:
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (what :meth:`to_json` writes)."""
        return {
            "etablissement": self.etablissement,
            "periode": self.periode,
            "genere_le": self.genere_le.isoformat(),
            "indicateurs": [
                {**asdict(indicator), "taux": indicator.taux, "atteint": indicator.atteint}
                for indicator in self.indicateurs
            ],
            "pes": asdict(self.pes) if self.pes is not None else None,
            "chorus": asdict(self.chorus) if self.chorus is not None else None,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON (UTF-8 text, shares from 0 to 1)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_csv(self) -> str:
        """One line per indicator: ``;``-separated, decimal comma, as French spreadsheets read.

        Columns: ``indicateur;libelle;numerateur;denominateur;taux;seuil;atteint``; ``taux`` and
        ``seuil`` are shares (``0,9231``), ``atteint`` is ``oui``, ``non`` or empty. Write it
        with ``encoding="utf-8-sig"`` for Excel.
        """
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(
            ["indicateur", "libelle", "numerateur", "denominateur", "taux", "seuil", "atteint"]
        )
        for indicator in self.indicateurs:
            writer.writerow(
                [
                    indicator.code,
                    indicator.libelle,
                    indicator.numerateur,
                    indicator.denominateur,
                    _decimal_comma(indicator.taux),
                    _decimal_comma(indicator.seuil),
                    {True: "oui", False: "non", None: ""}[indicator.atteint],
                ]
            )
        return buffer.getvalue()

    def to_html(self) -> str:
        """A one-page, self-contained HTML report with its chart (no script, no resource)."""
        return render(self)


def _decimal_comma(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".replace(".", ",")


def build_report(
    *,
    pes: PesMeasures | None = None,
    chorus: ChorusMeasures | None = None,
    etablissement: str = "",
    periode: str = "",
    genere_le: datetime | None = None,
) -> IndicatorReport:
    """The indicators from the measures at hand (PES, Chorus Pro, or both)."""
    indicateurs: list[Indicator] = []
    if pes is not None:
        indicateurs += [
            Indicator(
                "mandats_pj_dematerialisees",
                "Mandats accompagnés de leurs pièces justificatives dématérialisées",
                pes.mandats_avec_pj,
                pes.mandats,
                seuil=PJ_THRESHOLD,
            ),
            Indicator(
                "bordereaux_signes",
                "Bordereaux signés électroniquement",
                pes.bordereaux_signes,
                pes.bordereaux,
            ),
        ]
    if chorus is not None:
        if chorus.hors_chorus is not None:
            indicateurs.append(
                Indicator(
                    "factures_recues_chorus",
                    "Factures fournisseurs reçues par Chorus Pro",
                    chorus.recues,
                    chorus.recues + chorus.hors_chorus,
                )
            )
        indicateurs += [
            Indicator(
                "factures_traitees_chorus",
                "Factures reçues dans Chorus Pro et traitées dans Chorus Pro",
                chorus.traitees,
                chorus.recues,
            ),
            Indicator(
                "rejets_parmi_renvois",
                "Rejets parmi les factures renvoyées (rejet, suspension, recyclage)",
                chorus.rejetees,
                chorus.renvoyees,
                plus_bas_mieux=True,
            ),
        ]
    return IndicatorReport(
        etablissement=etablissement,
        periode=periode,
        indicateurs=tuple(indicateurs),
        pes=pes,
        chorus=chorus,
        genere_le=genere_le or datetime.now(timezone.utc),
    )
