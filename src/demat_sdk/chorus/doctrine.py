"""The status doctrine: which status answers which problem with a received invoice.

The interministerial instruction on the hospitals' accounting chain notes that invoices between
public bodies are rejected "au moindre prétexte", whereas Chorus Pro offers gentler answers that
keep the invoice alive:

* **suspension** (``SUSPENDUE``) when a document is missing: the supplier completes the invoice
  (``completerFacture``) and it comes back ``COMPLETEE``;
* **recyclage** (``A_RECYCLER``) when the routing is wrong (addressee, service code, engagement
  juridique): the supplier re-addresses it (``recyclerFacture``) without issuing a new invoice;
* **rejet** (``REJETEE``) only when the billing data is wrong (amounts, VAT, the invoice is not
  due): the rejet is definitive and forces a credit note and a new invoice.

:func:`advise_status` turns a categorised reason into the recommended status with an explanation a
clerk can read; :func:`classify_motif` guesses the category of a free-text motif;
:func:`choices` says what an actor may do with an invoice in its current status (from the
lifecycle table of :mod:`demat_sdk.chorus.lifecycle`), each choice explained in French and tied
to the problems the doctrine answers with it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from demat_sdk._text import fold_words
from demat_sdk.chorus.enums import StatutFacture
from demat_sdk.chorus.lifecycle import Actor, transitions_from

__all__ = [
    "Advice",
    "Choice",
    "DoctrineWarning",
    "MotifCategorie",
    "advise_status",
    "choices",
    "classify_motif",
]


class DoctrineWarning(UserWarning):
    """A status change goes against the doctrine: a rejet where a suspension or recyclage fits."""


class MotifCategorie(str, enum.Enum):
    """Why a received invoice cannot be processed as it is."""

    PIECE_MANQUANTE = "PIECE_MANQUANTE"
    """A supporting document is missing (bon de livraison, PV, attestation…)."""
    INFORMATION_MANQUANTE = "INFORMATION_MANQUANTE"
    """Information needed to process it is missing (référence, période, détail)."""
    ERREUR_DESTINATAIRE = "ERREUR_DESTINATAIRE"
    """Addressed to the wrong structure (SIRET)."""
    ERREUR_CODE_SERVICE = "ERREUR_CODE_SERVICE"
    """Wrong, missing or inactive service code."""
    ERREUR_ENGAGEMENT = "ERREUR_ENGAGEMENT"
    """Wrong or missing engagement juridique (bon de commande, marché)."""
    DONNEES_FACTURATION_ERRONEES = "DONNEES_FACTURATION_ERRONEES"
    """Wrong amounts, quantities, prices or VAT."""
    DOUBLON = "DOUBLON"
    """The invoice was already received."""
    PRESTATION_NON_DUE = "PRESTATION_NON_DUE"
    """Nothing is owed: service not ordered, not rendered, or already paid."""


@dataclass(frozen=True)
class Advice:
    """The doctrine's answer for one category.

    Attributes:
        categorie: the category asked about.
        statut: the recommended status.
        explication: why, in French, for the clerk.
        suite_fournisseur: what the supplier will do next, in French.
    """

    categorie: MotifCategorie
    statut: StatutFacture
    explication: str
    suite_fournisseur: str


_ADVICE: dict[MotifCategorie, tuple[StatutFacture, str, str]] = {
    MotifCategorie.PIECE_MANQUANTE: (
        StatutFacture.SUSPENDUE,
        "Une pièce manque : suspendre la facture en indiquant laquelle. La facture reste vivante "
        "et le délai de paiement repart à sa complétion.",
        "Le fournisseur ajoute la pièce (complétion) ; la facture revient au statut COMPLETEE.",
    ),
    MotifCategorie.INFORMATION_MANQUANTE: (
        StatutFacture.SUSPENDUE,
        "Une information manque : suspendre la facture en précisant laquelle plutôt que la "
        "rejeter.",
        "Le fournisseur complète la facture ; elle revient au statut COMPLETEE.",
    ),
    MotifCategorie.ERREUR_DESTINATAIRE: (
        StatutFacture.A_RECYCLER,
        "La facture n'est pas adressée à la bonne structure : la mettre à recycler. Le "
        "fournisseur la réadresse sans émettre de nouvelle facture.",
        "Le fournisseur recycle la facture vers le bon destinataire.",
    ),
    MotifCategorie.ERREUR_CODE_SERVICE: (
        StatutFacture.A_RECYCLER,
        "Le code service est erroné, absent ou inactif : la mettre à recycler en indiquant le "
        "bon code service.",
        "Le fournisseur recycle la facture avec le bon code service.",
    ),
    MotifCategorie.ERREUR_ENGAGEMENT: (
        StatutFacture.A_RECYCLER,
        "Le numéro d'engagement juridique est erroné ou absent : la mettre à recycler en "
        "communiquant le bon numéro.",
        "Le fournisseur recycle la facture avec le bon numéro d'engagement.",
    ),
    MotifCategorie.DONNEES_FACTURATION_ERRONEES: (
        StatutFacture.REJETEE,
        "Les données de facturation sont erronées (montants, quantités, prix, TVA) : le rejet "
        "est justifié ; il est définitif.",
        "Le fournisseur émet un avoir et une nouvelle facture.",
    ),
    MotifCategorie.DOUBLON: (
        StatutFacture.REJETEE,
        "La facture a déjà été reçue : la rejeter en citant la facture d'origine.",
        "Le fournisseur prend acte du rejet ; la facture d'origine suit son cours.",
    ),
    MotifCategorie.PRESTATION_NON_DUE: (
        StatutFacture.REJETEE,
        "Rien n'est dû au titre de cette facture : le rejet est justifié ; il est définitif.",
        "Le fournisseur émet un avoir s'il y a lieu.",
    ),
}


def advise_status(categorie: MotifCategorie | str) -> Advice:
    """The status the doctrine recommends for a category of problem, with its explanation."""
    key = MotifCategorie(categorie)
    statut, explication, suite = _ADVICE[key]
    return Advice(categorie=key, statut=statut, explication=explication, suite_fournisseur=suite)


_KEYWORDS: tuple[tuple[MotifCategorie, tuple[str, ...]], ...] = (
    (MotifCategorie.DOUBLON, ("doublon", "deja recue", "deja facture", "deja recu", "en double")),
    (
        MotifCategorie.ERREUR_CODE_SERVICE,
        ("code service", "service executant", "mauvais service"),
    ),
    (
        MotifCategorie.ERREUR_ENGAGEMENT,
        ("engagement", "bon de commande", "numero de commande", " ej "),
    ),
    (
        MotifCategorie.ERREUR_DESTINATAIRE,
        ("destinataire", "mauvaise structure", "mauvais siret", "siret", "pas adressee"),
    ),
    (
        MotifCategorie.PIECE_MANQUANTE,
        (
            "piece manquante",
            "pieces manquantes",
            "document manquant",
            "manque le",
            "manque la",
            "bon de livraison",
            "proces verbal",
            " pv ",
            "attestation",
            "justificatif",
        ),
    ),
    (MotifCategorie.INFORMATION_MANQUANTE, ("manquant", "manquante", "absent", "incomplet")),
    (
        MotifCategorie.DONNEES_FACTURATION_ERRONEES,
        ("montant", "tva", "prix", "quantite", "erreur de calcul", "tarif"),
    ),
    (MotifCategorie.PRESTATION_NON_DUE, ("non commande", "non realise", "non due", "deja paye")),
)


def classify_motif(motif: str) -> MotifCategorie | None:
    """Guess the category of a free-text motif (French), or ``None`` if nothing matches.

    A heuristic on keywords ("bon de livraison" → missing document, "code service" → routing…):
    it serves to warn, never to decide in the caller's place.
    """
    text = " " + fold_words(motif) + " "
    for categorie, keywords in _KEYWORDS:
        if any(keyword in text for keyword in keywords):
            return categorie
    return None


@dataclass(frozen=True)
class Choice:
    """A status an actor may give an invoice now.

    Attributes:
        statut: the status it would take.
        operation: the Chorus Pro operation that gives it (``traiterFactureRecue``…).
        motif_obligatoire: the status needs a motif the supplier will read.
        libelle: what choosing it means, in French, for the clerk.
        pour: the problems the doctrine answers with this status (empty for the statuses of
            the normal course: service fait, mandatement…).
    """

    statut: StatutFacture
    operation: str
    motif_obligatoire: bool
    libelle: str
    pour: tuple[MotifCategorie, ...] = ()


S = StatutFacture
_LIBELLES: dict[StatutFacture, str] = {
    S.MISE_A_DISPOSITION: "Accuser réception : la facture reste à traiter.",
    S.SUSPENDUE: "Suspendre : une pièce ou une information manque ; le fournisseur complète la "
    "facture, qui revient au statut COMPLETEE.",
    S.A_RECYCLER: "Mettre à recycler : l'acheminement est erroné (destinataire, code service, "
    "engagement juridique) ; le fournisseur réadresse la même facture.",
    S.REJETEE: "Rejeter : définitif ; le fournisseur devra émettre un avoir et une nouvelle "
    "facture.",
    S.SERVICE_FAIT: "Constater le service fait.",
    S.MANDATEE: "Indiquer le mandatement (avec le numéro du mandat).",
    S.MISE_A_DISPOSITION_COMPTABLE: "Indiquer la mise à disposition du comptable.",
    S.COMPTABILISEE: "Indiquer la comptabilisation.",
    S.MISE_EN_PAIEMENT: "Indiquer la mise en paiement.",
    S.COMPLETEE: "Compléter la facture suspendue (pièce jointe ou commentaire).",
    S.A_VALIDER_1: "Désigner le bon valideur.",
    S.VALIDEE_1: "Valider la facture.",
    S.VALIDEE_2: "Valider la facture.",
    S.REFUSEE_1: "Refuser la facture (définitif).",
    S.REFUSEE_2: "Refuser la facture (définitif).",
    S.ERREUR_FOURNISSEUR_SUR_VALIDEUR: "Signaler que la facture ne relève pas de ce valideur.",
}
_LIBELLES_BY_OPERATION = {
    "recyclerFacture": "Recycler : réadresser la facture (destinataire, code service, "
    "engagement juridique) sans en émettre une nouvelle.",
    "soumettreFacture": "Soumettre la facture lue par Chorus Pro, après l'avoir vérifiée.",
}


def choices(
    statut: StatutFacture | str,
    *,
    actor: Actor = Actor.RECIPIENT,
    mise_en_paiement_remontee: bool = True,
) -> tuple[Choice, ...]:
    """What ``actor`` may do with an invoice in ``statut``, each choice explained.

    The choices are the moves of the lifecycle table for that actor (the recipient by
    default), in its order; the statuses Chorus Pro or the accountant set by themselves are
    not choices. ``mise_en_paiement_remontee=False`` is for a recipient whose directory entry
    says it does not report the mise en paiement.
    """
    current = StatutFacture(statut)
    found: list[Choice] = []
    for transition in transitions_from(current, actor):
        if transition.operation is None:
            continue
        if transition.target is S.MISE_EN_PAIEMENT and not mise_en_paiement_remontee:
            continue
        libelle = _LIBELLES_BY_OPERATION.get(transition.operation) or _LIBELLES.get(
            transition.target, transition.target.value
        )
        pour = tuple(
            categorie
            for categorie, (recommended, _, _) in _ADVICE.items()
            if recommended is transition.target
        )
        found.append(
            Choice(
                statut=transition.target,
                operation=transition.operation,
                motif_obligatoire=transition.motif_required,
                libelle=libelle,
                pour=pour,
            )
        )
    return tuple(found)
