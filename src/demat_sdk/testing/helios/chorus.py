"""How the emulated Hélios hands the ASAP of public debtors to the emulated Chorus Pro.

A titre of ``Edition`` 02 or 03 integrated by Hélios becomes, in the
:class:`~demat_sdk.testing.FakeChorusPro` of the same world, an invoice from the hospital (the
supplier: the budget's SIRET) to the debtor (the titre's tiers SIRET), for its service
(``CodeService``) and engagement (``NumeroEngagement``, or else ``NumeroMarche``), numbered by
the titre's ``NumeroFacture``, with the ASAP document (the ``PES_Facture`` PJ) as its main
attachment. From there the debtor processes it through the Chorus Pro API like any invoice
(suspension, service fait…) and the hospital follows it as its supplier.

Before Hélios accepts the titre, :meth:`ChorusBridge.check` applies Chorus Pro's own routing
rules (those of :mod:`demat_sdk.testing.chorus.state.directory`): a service code unknown or
inactive, or required and missing, is « 2559 - Le code service de la structure publique
destinataire est inconnu ou inactif dans Chorus Pro »; another refusal (unknown debtor, missing
engagement, an invoice number already used) keeps Chorus Pro's message.

The deposit is made by a technical account of Hélios (``HELIOS_DGFIP_<SIRET>``) holding the
supplier role on the hospital's structure: the invoice history shows it as ``DGFiP HELIOS``.
Its deposit mode is ``EDI`` (how Chorus Pro labels these machine deposits is not documented).
"""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from demat_sdk.chorus.enums import CadreFacturation, ModeDepot, RoleUtilisateur, TypeFacture
from demat_sdk.helios.asap import AsapTitre
from demat_sdk.pes.acquit import CodeAnomalie, ErreurAcquit
from demat_sdk.pes.enums import TypePJ
from demat_sdk.testing.chorus.refusals import Refusal, RefusedError
from demat_sdk.testing.chorus.state.auth import AccountRecord
from demat_sdk.testing.chorus.state.directory import RoutingProblem, StructureRecord
from demat_sdk.testing.chorus.state.invoice_xml import InvoiceLine
from demat_sdk.testing.chorus.state.invoices import InvoiceRecord
from demat_sdk.testing.helios.checks import LABEL_SERVICE_CHORUS
from demat_sdk.testing.helios.referentiel import Budget

if TYPE_CHECKING:
    from demat_sdk.testing.chorus import FakeChorusPro

__all__ = ["ChorusBridge"]

_SERVICE_PROBLEMS = frozenset(
    {
        RoutingProblem.SERVICE_INCONNU,
        RoutingProblem.SERVICE_INACTIF,
        RoutingProblem.SERVICE_OBLIGATOIRE,
    }
)
_FIELDS = {
    "destinataire": "Tiers/InfoTiers/IdTiers",
    "code_service": "BlocPiece/CodeService",
    "numero_ej": "BlocPiece/NumeroEngagement",
    "ej_ou_service": "BlocPiece/NumeroEngagement / BlocPiece/CodeService",
}


class ChorusBridge:
    """The link between an emulated Hélios and the emulated Chorus Pro of its world.

    Args:
        chorus: the Chorus Pro emulator (sharing the Hélios emulator's clock).
    """

    def __init__(self, chorus: FakeChorusPro) -> None:
        self.chorus = chorus

    def _hospital(self, budget: Budget) -> StructureRecord | None:
        return self.chorus.state.directory.find(budget.siret)

    def check(self, budget: Budget, asap: AsapTitre) -> list[ErreurAcquit]:
        """What Chorus Pro would refuse in this ASAP (empty when it would take it)."""
        with self.chorus.state.lock:
            hospital = self._hospital(budget)
            if hospital is None:
                return [
                    ErreurAcquit(
                        numero_anomalie=CodeAnomalie.ERREUR_AUTRE,
                        libelle_anomalie=(
                            f"L'émetteur {budget.siret} n'est pas référencé dans Chorus Pro"
                        ),
                    )
                ]
            routing = self.chorus.state.directory.route(
                hospital, asap.siret_debiteur, asap.code_service, asap.numero_engagement
            )
            erreurs = []
            for problem, valeur in routing.problems:
                if problem in _SERVICE_PROBLEMS:
                    erreurs.append(
                        ErreurAcquit.helios(CodeAnomalie.ERREUR_AUTRE, *LABEL_SERVICE_CHORUS)
                    )
                else:
                    erreurs.append(
                        ErreurAcquit(
                            numero_anomalie=CodeAnomalie.ERREUR_AUTRE,
                            libelle_anomalie=problem.message(_FIELDS[problem.datum], valeur),
                        )
                    )
            numero = asap.numero_facture
            if numero and self.chorus.state.invoices.numero_taken(hospital, numero):
                erreurs.append(
                    ErreurAcquit(
                        numero_anomalie=CodeAnomalie.ERREUR_AUTRE,
                        libelle_anomalie=(
                            f"Le numéro de facture {numero} a déjà été utilisé dans Chorus Pro"
                        ),
                    )
                )
            return erreurs

    def deposit(self, budget: Budget, asap: AsapTitre, date_facture: date) -> InvoiceRecord:
        """Deposit an accepted ASAP as an invoice (``DEPOSEE``, then routed by Chorus Pro).

        Raises:
            RefusedError: Chorus Pro refuses it (what :meth:`check` said it would).
        """
        state = self.chorus.state
        with state.lock:
            hospital = self._hospital(budget)
            if hospital is None:
                raise RefusedError(Refusal.DONNEES_FACTURE, f"émetteur {budget.siret} inconnu")
            routing = state.directory.route(
                hospital, asap.siret_debiteur, asap.code_service, asap.numero_engagement
            )
            if routing.recipient is None or routing.problems:
                raise RefusedError(
                    Refusal.DONNEES_FACTURE,
                    " ".join(p.message(_FIELDS[p.datum], v) for p, v in routing.problems),
                )
            account = self._account(hospital)
            montant_ht = sum((ligne.montant_ht for ligne in asap.titre.lignes), Decimal(0))
            montant_ttc = asap.montant_ttc
            principale = None
            documents = [pj for pj in asap.pieces_justificatives if pj.type == TypePJ.PES_FACTURE]
            content = documents[0].contenu if documents else None
            if isinstance(content, bytes):
                nom = documents[0].nom if len(documents[0].nom) <= 50 else "ASAP.xml"
                stored = state.invoices.add_attachment(
                    account,
                    nom=nom,
                    type_mime="application/xml",
                    extension=nom.rsplit(".", 1)[-1] if "." in nom else "XML",
                    content=content,
                )
                principale = state.invoices.link(stored, "ASAP", "FACTURE")
            return state.invoices.create(
                account,
                numero=asap.numero_facture or state.invoices.next_numero(),
                fournisseur=hospital,
                destinataire=routing.recipient,
                id_service=routing.service.id_service if routing.service else None,
                cadre=CadreFacturation.A1_FACTURE_FOURNISSEUR,
                type_facture=TypeFacture.FACTURE,
                devise="EUR",
                date_facture=date_facture,
                montant_ht=montant_ht,
                montant_tva=montant_ttc - montant_ht,
                montant_ttc=montant_ttc,
                montant_a_payer=montant_ttc,
                mode_depot=ModeDepot.EDI,
                numero_marche=asap.titre.numero_marche,
                numero_bon_commande=asap.titre.numero_engagement,
                lines=[
                    InvoiceLine(
                        numero=str(index),
                        denomination=(asap.titre.objet or "ASAP")[:100],
                        quantite=Decimal(1),
                        unite="U",
                        prix_unitaire_ht=ligne.montant_ht,
                        montant_ht=ligne.montant_ht,
                        taux_tva=None,
                    )
                    for index, ligne in enumerate(asap.titre.lignes, 1)
                ],
                principale=principale,
                commentaire=f"ASAP du titre {asap.reference} transmis par Hélios",
            )

    def _account(self, hospital: StructureRecord) -> AccountRecord:
        gate = self.chorus.state.gate
        login = f"HELIOS_DGFIP_{hospital.identifiant}"
        account = gate.accounts.get(login)
        if account is None:
            account = gate.add_account(
                login,
                secrets.token_urlsafe(24),
                rights={hospital.id_structure_cpp: [RoleUtilisateur.FOURNISSEUR]},
                nom="HELIOS",
                prenom="DGFiP",
            )
        return account
