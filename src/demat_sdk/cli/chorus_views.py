"""What ``demat chorus`` prints: invoices, histories and flux reports, as plain data and tables.

Each ``…_data``/``…_item`` function gives the stable ``--json`` document (the same keys whatever
the answer left out, ``null`` for what it did not say); each ``print_…`` function prints that
document for people.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from demat_sdk.chorus.factures import IntegrationReport
from demat_sdk.chorus.models import (
    FactureCpp,
    FactureCppEmise,
    FactureRechercheRecipiendaire,
    HistoriqueStatus,
    RetourRechercherFactureParFournisseur,
    WsRetourConsulterHistoriqueFacture,
)
from demat_sdk.cli.output import amount, print_table

_CENT = Decimal("0.01")

__all__ = [
    "invoice_data",
    "print_invoice",
    "print_report",
    "print_todo",
    "report_data",
    "search_item",
]


def search_item(
    item: FactureRechercheRecipiendaire | RetourRechercherFactureParFournisseur,
) -> dict[str, Any]:
    """An invoice found by a recipient's or a supplier's search (the same keys for both)."""
    identifiant = (
        item.id_facture
        if isinstance(item, FactureRechercheRecipiendaire)
        else item.identifiant_facture_cpp
    )
    return {
        "identifiant_facture_cpp": identifiant,
        "numero_facture": item.numero_facture,
        "statut": item.statut,
        "fournisseur": item.designation_fournisseur,
        "code_fournisseur": item.code_fournisseur,
        "destinataire": item.designation_destinataire,
        "code_destinataire": item.code_destinataire,
        "code_service": item.code_service_executant,
        "date_facture": item.date_facture,
        "date_depot": item.date_depot,
        "montant_ttc": _money(item.montant_ttc),
        "devise": item.devise,
        "numero_bon_commande": item.numero_bon_commande,
    }


def invoice_data(
    role: str,
    facture: FactureCpp | FactureCppEmise,
    historique: WsRetourConsulterHistoriqueFacture,
) -> dict[str, Any]:
    """An invoice as ``demat chorus show`` gives it: parties, amounts, references, history."""
    fournisseur = facture.fournisseur
    destinataire = facture.destinataire
    references = facture.references
    total = facture.montant_total
    nom_fournisseur = fournisseur.designation_fournisseur if fournisseur else None
    nom_destinataire = destinataire.libelle_destinataire if destinataire else None
    if isinstance(facture, FactureCppEmise):  # the supplier's view names the parties its way
        if facture.fournisseur is not None:
            nom_fournisseur = nom_fournisseur or facture.fournisseur.raison_sociale_fournisseur
        if facture.destinataire is not None:
            nom_destinataire = nom_destinataire or facture.destinataire.designation_destinataire
    statuts = historique.historiques_des_statuts
    return {
        "role": role,
        "facture": {
            "identifiant_facture_cpp": facture.identifiant_facture_cpp,
            "numero_facture": facture.numero_facture,
            "statut": historique.statut_courant_code or facture.statut_facture,
            "fournisseur": {
                "code": fournisseur.code_fournisseur if fournisseur else None,
                "designation": nom_fournisseur,
            },
            "destinataire": {
                "code": destinataire.code_destinataire if destinataire else None,
                "designation": nom_destinataire,
                "code_service": destinataire.code_service_executant if destinataire else None,
            },
            "date_facture": references.date_facture if references else None,
            "date_depot": references.date_depot if references else None,
            "numero_bon_commande": references.numero_bon_commande if references else None,
            "numero_marche": references.numero_marche if references else None,
            "devise": references.code_devise_facture if references else None,
            "montant_ht": _money(total.montant_ht_total) if total else None,
            "montant_tva": _money(total.montant_tva) if total else None,
            "montant_ttc": _money(total.montant_ttc_total) if total else None,
            "montant_a_payer": _money(total.montant_a_payer) if total else None,
        },
        "historique": [
            {
                "date": statut.histo_statut_date_passage,
                "statut": statut.histo_statut_code,
                "commentaire": statut.histo_statut_commentaire,
            }
            for statut in _oldest_first(statuts.histo_statut if statuts else [])
        ],
    }


def _oldest_first(statuts: list[HistoriqueStatus]) -> list[HistoriqueStatus]:
    """The status changes in the order they happened.

    They are asked for by date, which has the minute for its unit; ties keep the order of
    their ids, which Chorus Pro numbers as they happen.
    """
    if all(statut.histo_statut_id is not None for statut in statuts):
        return sorted(statuts, key=lambda statut: statut.histo_statut_id or 0)
    return statuts


def print_invoice(data: dict[str, Any]) -> None:
    """Print what :func:`invoice_data` gave."""
    facture = data["facture"]
    fournisseur, destinataire = facture["fournisseur"], facture["destinataire"]
    service = f", service {destinataire['code_service']}" if destinataire["code_service"] else ""
    devise = facture["devise"] or ""
    lines = [
        f"invoice {facture['numero_facture']} (id {facture['identifiant_facture_cpp']}, "
        f"as {data['role']}): {_code(facture['statut'])}",
        f"  fournisseur   {fournisseur['designation'] or '?'} ({fournisseur['code'] or '?'})",
        f"  destinataire  {destinataire['designation'] or '?'} ({destinataire['code'] or '?'})"
        f"{service}",
        f"  dates         facture {facture['date_facture'] or '?'}, "
        f"déposée {facture['date_depot'] or '?'}",
        f"  montants      HT {amount(facture['montant_ht'])}, TVA {amount(facture['montant_tva'])}"
        f", TTC {amount(facture['montant_ttc'])} {devise}".rstrip(),
    ]
    if facture["numero_bon_commande"] or facture["numero_marche"]:
        lines.append(
            f"  engagement    {facture['numero_bon_commande'] or '-'}, "
            f"marché {facture['numero_marche'] or '-'}"
        )
    print("\n".join(lines))  # noqa: T201
    print_table(
        "Historique des statuts",
        ("date", "statut", "commentaire"),
        [(h["date"], _code(h["statut"]), h["commentaire"]) for h in data["historique"]],
    )


def report_data(report: IntegrationReport) -> dict[str, Any]:
    """How Chorus Pro processed a flux: its state, the invoices created, the refusals."""
    return {
        "etat": report.etat,
        "termine": True,
        "factures": [search_item(facture) for facture in report.factures],
        "erreurs_dp": [
            {
                "numero_dp": erreur.numero_dp,
                "identifiant_fournisseur": erreur.identifiant_fournisseur,
                "identifiant_destinataire": erreur.identifiant_destinataire,
                "libelle": erreur.libelle_erreur_dp,
            }
            for erreur in report.erreurs_dp
        ],
        "erreurs_techniques": [
            {
                "code": erreur.code_erreur,
                "libelle": erreur.libelle_erreur,
                "nature": erreur.nature_erreur,
            }
            for erreur in report.erreurs_techniques
        ],
    }


def print_report(report: IntegrationReport) -> None:
    """Print how Chorus Pro processed a flux."""
    data = report_data(report)
    created = len(data["factures"])
    print(  # noqa: T201
        f"flux {report.numero_flux_depot}: {report.etat.value}, "
        f"{created} invoice{'s' if created != 1 else ''} created"
    )
    print_table(
        "Factures créées",
        ("id", "numéro", "destinataire", "service", "TTC", "statut"),
        [
            (
                f["identifiant_facture_cpp"],
                f["numero_facture"],
                f["destinataire"],
                f["code_service"],
                f["montant_ttc"],
                _code(f["statut"]),
            )
            for f in data["factures"]
        ],
    )
    if data["erreurs_dp"]:
        print_table(
            "Factures refusées",
            ("numéro", "destinataire", "motif"),
            [
                (e["numero_dp"], e["identifiant_destinataire"], e["libelle"])
                for e in data["erreurs_dp"]
            ],
        )
    if data["erreurs_techniques"]:
        print_table(
            "Erreurs du flux",
            ("code", "libellé"),
            [(e["code"], e["libelle"]) for e in data["erreurs_techniques"]],
        )


def print_todo(
    structures: list[dict[str, Any]], factures: list[dict[str, Any]], *, limit: int | None
) -> None:
    """Print the invoices to process and the structures searched."""
    names = ", ".join(f"{s['designation']} ({s['identifiant']})" for s in structures)
    count = len(factures)
    more = " (--limit reached)" if limit is not None and count >= limit else ""
    print(f"{count} invoice{'s' if count != 1 else ''} to process for {names}{more}")  # noqa: T201
    print_table(
        "Factures à traiter",
        ("id", "numéro", "fournisseur", "service", "déposée le", "TTC", "statut"),
        [
            (
                f["identifiant_facture_cpp"],
                f["numero_facture"],
                f["fournisseur"],
                f["code_service"],
                f["date_depot"],
                f["montant_ttc"],
                _code(f["statut"]),
            )
            for f in factures
        ],
    )


def _money(value: Decimal | None) -> Decimal | None:
    """An amount with at least its two decimals (``156`` → ``156.00``; more are kept)."""
    if value is None or not value.is_finite():
        return value
    exponent = value.as_tuple().exponent
    return value.quantize(_CENT) if isinstance(exponent, int) and exponent > -2 else value


def _code(value: Any) -> str:
    """An enumeration's code (``SUSPENDUE``), or ``?`` when the answer did not say."""
    if value is None:
        return "?"
    return str(getattr(value, "value", value))
