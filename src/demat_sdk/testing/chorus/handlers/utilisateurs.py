"""``/cpro/utilisateurs/v1``: the technical account's own attachments.

No Swagger is published for this API; keys follow the public clients.
"""

from __future__ import annotations

from typing import Any

from demat_sdk.chorus.enums import RoleUtilisateur
from demat_sdk.testing.chorus.handlers.routing import Context, routes
from demat_sdk.testing.chorus.wire import Body, Paging, day, envelope, page

__all__ = ["ROUTES"]

_ROLE_ORDER = (RoleUtilisateur.DESTINATAIRE, RoleUtilisateur.FOURNISSEUR, RoleUtilisateur.VALIDEUR)


def recuperer_rattachements(context: Context, body: Body) -> dict[str, Any]:
    """``recupererRattachementsMonCompteUtilisateur``: structures and services of the account."""
    account = context.account
    items = []
    for structure_id, roles in account.rights.items():
        structure = context.state.directory.structure(structure_id)
        role = next((candidate for candidate in _ROLE_ORDER if candidate in roles), None)
        items.append(
            {
                "idStructure": structure.id_structure_cpp,
                "identifiantStructure": structure.identifiant,
                "typeIdentifiantStructure": structure.type_identifiant.value,
                "designationStructure": structure.designation,
                "roleUtilisateur": role.value if role else "",
                "statutUtilisateur": "ACTIF",
                "statutRattachementStructure": "VALIDEE",
                "idRattachementStructure": account.id_utilisateur * 1000 + structure_id % 1000,
                "listeServicesRattache": [
                    {
                        "idService": service.id_service,
                        "codeService": service.code_service,
                        "libelleService": service.libelle_service,
                        "estActif": service.actif,
                        "statutService": "ACTIF" if service.actif else "INACTIF",
                        "statutRattachementService": "VALIDEE",
                        "idRattachementService": account.id_utilisateur * 100 + index,
                        "dateDbtService": day(service.date_debut),
                        "dateFinService": day(service.date_fin),
                    }
                    for index, service in enumerate(structure.services.values(), start=1)
                ],
            }
        )
    paging = Paging.read(
        body.obj("parametresRecherche"),
        default_column="IdStructure",
    )
    rows, counters = page(items, paging)
    return envelope(listeStructureRattachement=rows, parametresRetour=counters)


ROUTES = routes(
    "/cpro/utilisateurs/v1",
    (
        "recupererRattachementsMonCompteUtilisateur",
        "/monCompte/recuperer/rattachements",
        recuperer_rattachements,
    ),
)
