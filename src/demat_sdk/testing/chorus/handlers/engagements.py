"""``/cpro/engagementsJuridiques/v1``: engagements juridiques published by public structures.

No Swagger is published for this API; keys follow the public clients.
"""

from __future__ import annotations

from typing import Any

from demat_sdk.testing.chorus.handlers.routing import Context, routes
from demat_sdk.testing.chorus.wire import Body, Paging, day, envelope, money, page

__all__ = ["ROUTES"]


def rechercher(context: Context, body: Body) -> dict[str, Any]:
    """``rechercherEngagementJuridique``: by supplier, number and state."""
    directory = context.state.directory
    receptrice = body.integer("structureReceptriceEngagementJuridique")
    numero = body.text("numeroEngagementJuridique", max_length=50)
    etat = body.text("etatCourantEngagementJuridique")
    items = []
    for engagement in directory.engagements.values():
        if receptrice is not None and engagement.fournisseur_id != receptrice:
            continue
        if numero and engagement.numero != numero:
            continue
        if etat and engagement.etat != etat:
            continue
        emitter = directory.structure(engagement.structure_id)
        service = emitter.service_by_code(engagement.code_service)
        supplier = directory.structure(engagement.fournisseur_id)
        items.append(
            {
                "idEngagementJuridique": engagement.id_engagement,
                "numeroEngagementJuridique": engagement.numero,
                "libelleEtatCourantEJ": engagement.etat,
                "libelleTypeEngagementJuridique": engagement.type_engagement,
                "dateCreationEJ": day(engagement.date_creation),
                "montantTotalHt": money(engagement.montant_ht),
                "montantTotalTtc": money(engagement.montant_ttc),
                "codeServiceExecutant": engagement.code_service,
                "libelleServiceExecutant": service.libelle_service if service else "",
                "codeServiceExecutantEmetteur": engagement.code_service,
                "libelleServiceExecutantEmetteur": emitter.designation,
                "structureReceptrice": supplier.identifiant,
                "statutStructureReceptrice": "ACTIF" if supplier.active else "INACTIF",
            }
        )
    paging = Paging.read(
        body.obj("parametresRecherche"), default_column="NumeroEngagementJuridique"
    )
    rows, counters = page(items, paging)
    return envelope(listeEngagementJuridique=rows, parametresRetour=counters)


ROUTES = routes(
    "/cpro/engagementsJuridiques/v1",
    ("rechercherEngagementJuridique", "/rechercher", rechercher),
)
