"""The ASAP a PES flux sends to public debtors through Chorus Pro.

A titre whose ``Edition`` is 02 (« ASAP CPP ») or 03 (« ASAP ORMC CPP ») is addressed to a
public debtor: Hélios deposits its avis des sommes à payer (ASAP) in Chorus Pro, where the debtor
receives it like any supplier invoice. Everything that checks or follows such an ASAP before and
after it leaves — the addressee pre-flight, the patient-data guard, the follow-up — reads the
same facts from the titre: :func:`asap_titres` walks a flux and yields one :class:`AsapTitre` per
titre bound for Chorus Pro, with the data Chorus Pro routes on:

* ``NumeroFacture`` (the invoice number in Chorus Pro), ``CodeService``, ``NumeroEngagement``
  and ``NumeroMarche`` of the titre's ``BlocPiece``;
* the debtor: the tiers of the titre's lines, identified by its SIRET (``NatIdTiers`` 01);
* the pièces justificatives the titre references (the ASAP itself is a ``PES_Facture``
  document carried as a PJ of ``TypePJ`` 006).

Pure functions on the models: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from demat_sdk.pes.enums import Edition, NatureIdentifiantTiers
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.pes.models.pj import PieceJustificative
from demat_sdk.pes.models.recette import BordereauRecette, TiersRecette, Titre

__all__ = ["CHORUS_EDITIONS", "AsapTitre", "asap_titres"]

CHORUS_EDITIONS: frozenset[Edition] = frozenset({Edition.ASAP_CPP, Edition.ASAP_ORMC_CPP})
"""The ``Edition`` codes whose ASAP Hélios deposits in Chorus Pro (02 and 03)."""


@dataclass(frozen=True)
class AsapTitre:
    """A titre whose ASAP goes to a public debtor through Chorus Pro.

    Attributes:
        nom_fichier: the flux's ``NomFic`` (what the acknowledgement and support quote).
        bordereau: the bordereau holding the titre.
        titre: the titre.
        pieces_justificatives: the PJ of the flux the titre references (its ASAP document
            among them), in the order of its ``PJRef``; a PJ sent in another flux is not here.
    """

    nom_fichier: str
    bordereau: BordereauRecette
    titre: Titre
    pieces_justificatives: tuple[PieceJustificative, ...] = ()

    @property
    def where(self) -> str:
        """The titre as error messages name it: ``bordereau 119 (exercice 2025) / titre 5521``."""
        return (
            f"bordereau {self.bordereau.numero} (exercice {self.bordereau.exercice}) / "
            f"titre {self.titre.numero}"
        )

    @property
    def reference(self) -> str:
        """``exercice/bordereau/titre``, as the follow-up and support requests quote it."""
        return f"{self.bordereau.exercice}/{self.bordereau.numero}/{self.titre.numero}"

    @property
    def numero_facture(self) -> str | None:
        """The invoice number Chorus Pro will know the ASAP by (``NumeroFacture``)."""
        return self.titre.numero_facture

    @property
    def code_service(self) -> str | None:
        """The debtor's Chorus Pro service code (``CodeService``), if given."""
        return self.titre.code_service_chorus or None

    @property
    def numero_engagement(self) -> str | None:
        """The engagement juridique given (``NumeroEngagement``), or else the marché number.

        Like an invoice deposited directly, an ASAP satisfies an "engagement required" debtor
        with a purchase-order number or a contract (marché) number.
        """
        return self.titre.numero_engagement or self.titre.numero_marche or None

    @property
    def debiteur(self) -> TiersRecette | None:
        """The debtor: the first tiers of the titre's lines (an ASAP CPP has a single one)."""
        for ligne in self.titre.lignes:
            for tiers in ligne.tiers:
                return tiers
        return None

    @property
    def siret_debiteur(self) -> str | None:
        """The debtor's SIRET, when the debtor is identified by one (``NatIdTiers`` 01)."""
        debiteur = self.debiteur
        if debiteur is None or debiteur.nature_identifiant != NatureIdentifiantTiers.SIRET:
            return None
        return (debiteur.identifiant or "").replace(" ", "") or None

    @property
    def montant_ttc(self) -> Decimal:
        """The titre's amount including VAT: the sum of its lines' ``MtHT`` and ``MtTVA``."""
        return sum(
            (ligne.montant_ht + (ligne.montant_tva or Decimal(0)) for ligne in self.titre.lignes),
            Decimal(0),
        )


def asap_titres(pes: PesAller) -> Iterator[AsapTitre]:
    """Every titre of ``pes`` whose ASAP goes to Chorus Pro (``Edition`` 02 or 03), in order."""
    if pes.recette is None:
        return
    pieces = {
        pj.id_unique: pj for pj in (pes.pj.pieces_justificatives if pes.pj is not None else [])
    }
    nom_fichier = pes.enveloppe.nom_fichier
    for bordereau in pes.recette.bordereaux:
        for titre in bordereau.titres:
            if titre.edition not in CHORUS_EDITIONS:
                continue
            referenced = tuple(
                pieces[ref.id_unique] for ref in titre.pj_refs if ref.id_unique in pieces
            )
            yield AsapTitre(nom_fichier, bordereau, titre, referenced)
