"""Searches return pages; their iterators fetch the following pages, blocking or awaited."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from demat_sdk import AsyncChorusPro, ChorusPro
from demat_sdk.chorus import Page
from demat_sdk.chorus import models as m
from demat_sdk.chorus.pagination import paging_info

from conftest import Server, json_response


def facture(identifiant: int, id_key: str = "idFacture") -> dict[str, Any]:
    return {id_key: identifiant, "statut": "MISE_A_DISPOSITION", "montantHT": 12.5}


def requested_pages(server: Server, key: str) -> list[int]:
    return [json.loads(call.content)[key]["pageResultatDemandee"] for call in server.api_calls]


class Pages:
    """Answers ``total`` invoices ``size`` per page; where it puts the paging is chosen."""

    def __init__(self, *, total: int, size: int, key: str, place: str, id_key: str) -> None:
        self.total, self.size, self.key, self.place, self.id_key = total, size, key, place, id_key

    def answer(self, request: httpx.Request) -> httpx.Response:
        page = json.loads(request.content)[self.key]["pageResultatDemandee"]
        first = (page - 1) * self.size
        last = min(first + self.size, self.total)
        items = [facture(n, self.id_key) for n in range(first + 1, last + 1)]
        paging = {
            "pageCourante": page,
            "pages": -(-self.total // self.size),
            "nbResultatsParPage": self.size,
            "total": self.total,
        }
        body: dict[str, Any] = {"codeRetour": 0, "listeFactures": items}
        if self.place == "top":
            body.update(paging)
        elif self.place == "parametresRetour":
            body["parametresRetour"] = paging
        elif self.place == "both":  # nulls in one place, values in the other
            body["parametresRetour"] = dict.fromkeys(paging)
            body.update(paging)
        return json_response(body)


# The "à traiter" searches are about one structure.
STRUCTURE: dict[str, dict[str, Any]] = {
    "rechercher_a_traiter_valideur": {"id_structure": 3},
    "rechercher_a_traiter_recipiendaire": {"id_structure": 7},
    "rechercher_a_traiter_fournisseur": {"id_structure": 5},
}


@pytest.mark.parametrize(
    ("method", "key", "place", "id_key"),
    [
        ("rechercher_recipiendaire", "paramRecherche", "top", "idFacture"),
        (
            "rechercher_fournisseur",
            "rechercheFactureParFournisseur",
            "parametresRetour",
            "identifiantFactureCPP",
        ),
        ("rechercher_valideur", "pagination", "parametresRetour", "idFacture"),
        ("rechercher_a_traiter_valideur", "pagination", "parametresRetour", "idFacture"),
        (
            "rechercher_a_traiter_recipiendaire",
            "parametreRechercheFactureATraiterParRecipiendaire",
            "both",
            "idFacture",
        ),
        (
            "rechercher_a_traiter_fournisseur",
            "rechercheFactureATraiterParFournisseur",
            "parametresRetour",
            "identifiantFactureCPP",
        ),
    ],
)
def test_auto_paging_walks_every_page_of_every_invoice_search(
    credentials: Any, account: Any, method: str, key: str, place: str, id_key: str
) -> None:
    calls: list[httpx.Request] = []
    pages = Pages(total=5, size=2, key=key, place=place, id_key=id_key)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth/token":
            return json_response({"access_token": "t", "expires_in": 3600})
        calls.append(request)
        return pages.answer(request)

    with ChorusPro(
        credentials=credentials, account=account, transport=httpx.MockTransport(handler)
    ) as client:
        first = getattr(client.factures, method)(
            **STRUCTURE.get(method, {}), nb_resultats_par_page=2, tri_sens="Ascendant"
        )
        assert isinstance(first, Page)
        assert (first.page_courante, first.pages, first.total, len(first)) == (1, 3, 5, 2)
        identifiers = [item.model_dump()[id_key] for item in first.auto_paging_iter()]
    assert identifiers == [1, 2, 3, 4, 5]
    bodies = [json.loads(call.content) for call in calls]
    assert [body[key]["pageResultatDemandee"] for body in bodies] == [1, 2, 3]
    assert all(body[key]["nbResultatsParPage"] == 2 for body in bodies)
    assert all(body[key]["triSens"] == "Ascendant" for body in bodies)


def test_paging_reads_the_top_level_when_parametres_retour_holds_nulls() -> None:
    answer = m.WsRetourRechercheFactureRecipiendaire.model_validate(
        {
            "codeRetour": 0,
            "parametresRetour": {"pageCourante": None, "pages": None, "total": 40},
            "pageCourante": 2,
            "pages": 4,
            "nbResultatsParPage": 10,
        }
    )
    info = paging_info(answer)
    assert (info.page_courante, info.pages, info.total, info.nb_resultats_par_page) == (
        2,
        4,
        40,
        10,
    )


def _search_answers(server: Server, bodies: list[dict[str, Any]]) -> None:
    server.script.extend(json_response({"codeRetour": 0, **body}) for body in bodies)


def test_without_paging_information_a_short_or_empty_page_ends_the_search(
    client: ChorusPro, server: Server
) -> None:
    _search_answers(
        server,
        [
            {"listeFactures": [facture(1), facture(2)]},
            {"listeFactures": [facture(3)]},
        ],
    )
    page = client.factures.rechercher_recipiendaire(nb_resultats_par_page=2)
    assert [f.id_facture for f in page.auto_paging_iter()] == [1, 2, 3]
    assert requested_pages(server, "paramRecherche") == [1, 2]
    server.api_calls.clear()
    _search_answers(server, [{"listeFactures": [facture(1), facture(2)]}, {"listeFactures": []}])
    page = client.factures.rechercher_recipiendaire(nb_resultats_par_page=2)
    assert [f.id_facture for f in page.auto_paging_iter()] == [1, 2]
    assert len(server.api_calls) == 2


def test_the_total_alone_says_when_to_stop(client: ChorusPro, server: Server) -> None:
    _search_answers(
        server,
        [
            {"listeFactures": [facture(1), facture(2)], "total": 3, "nbResultatsParPage": 2},
            {"listeFactures": [facture(3)], "total": 3, "nbResultatsParPage": 2},
        ],
    )
    page = client.factures.rechercher_recipiendaire()
    assert [f.id_facture for f in page.auto_paging_iter()] == [1, 2, 3]
    assert len(server.api_calls) == 2


def test_iter_pages_and_a_search_that_starts_further_on(client: ChorusPro, server: Server) -> None:
    _search_answers(
        server,
        [
            {"listeFactures": [facture(3)], "pageCourante": 2, "pages": 3},
            {"listeFactures": [facture(5)], "pageCourante": 3, "pages": 3},
        ],
    )
    page = client.factures.rechercher_recipiendaire(page=2)
    assert [p.page_courante for p in page.iter_pages()] == [2, 3]
    assert requested_pages(server, "paramRecherche") == [2, 3]
    assert not list(page.iter_pages())[-1].has_next_page()


def test_the_filters_and_the_arguments_go_together_into_every_page(
    client: ChorusPro, server: Server
) -> None:
    _search_answers(
        server,
        [
            {"listeFactures": [facture(1)], "parametresRetour": {"pages": 2, "pageCourante": 1}},
            {"listeFactures": [facture(2)], "parametresRetour": {"pages": 2, "pageCourante": 2}},
        ],
    )
    filtres = m.RechercherFactureParFournisseurParam(
        numero_facture="ancien",
        montant_ttc_min=Decimal("100.5"),
        recherche_facture_par_fournisseur=m.ParametresRechercherFactureParFournisseur(
            nb_resultats_maximum=200, tri_colonne="Statut"
        ),
    )
    page = client.factures.rechercher_fournisseur(
        numero_facture="F-1", filtres=filtres, tri_sens="Descendant"
    )
    assert len(list(page.auto_paging_iter())) == 2
    for call, number in zip(server.api_calls, (1, 2), strict=True):
        assert json.loads(call.content) == {
            "numeroFacture": "F-1",
            "montantTTCMin": 100.5,
            "rechercheFactureParFournisseur": {
                "nbResultatsMaximum": 200,
                "pageResultatDemandee": number,
                "triSens": "Descendant",
                "triColonne": "Statut",
            },
        }


def test_a_search_without_paging_is_one_page(client: ChorusPro, server: Server) -> None:
    _search_answers(
        server,
        [
            {
                "listeDemandePaiement": [{"idDemandePaiement": 1}, {"idDemandePaiement": 2}],
                "total": 9,
            }
        ],
    )
    page = client.factures.rechercher_demande_paiement(role_utilisateur="FOURNISSEUR")
    assert page.total == 9
    assert not page.has_next_page()
    assert [d.id_demande_paiement for d in page.auto_paging_iter()] == [1, 2]
    assert len(server.api_calls) == 1


def test_a_page_not_made_by_a_client_cannot_fetch_the_next() -> None:
    from demat_sdk._http.operation import call
    from demat_sdk.chorus.factures.operations import RECHERCHER_RECIPIENDAIRE

    answer = m.WsRetourRechercheFactureRecipiendaireRest()
    page: Page[int] = Page(
        items=[1],
        page_courante=1,
        pages=2,
        total=2,
        nb_resultats_par_page=1,
        response=answer,
        next_call=call(RECHERCHER_RECIPIENDAIRE, {}, {}, lambda r: page),  # type: ignore[arg-type, return-value]
    )
    with pytest.raises(TypeError, match="not returned by a client"):
        list(page.auto_paging_iter())


@pytest.mark.anyio
async def test_async_for_walks_the_pages_of_the_asyncio_client(
    async_client: AsyncChorusPro, server: Server
) -> None:
    _search_answers(
        server,
        [
            {"listeFactures": [facture(1), facture(2)], "pageCourante": 1, "pages": 2},
            {"listeFactures": [facture(3)], "pageCourante": 2, "pages": 2},
        ],
    )
    async with async_client:
        page = await async_client.factures.rechercher_recipiendaire()
        assert [f.id_facture async for f in page.auto_paging_iter()] == [1, 2, 3]
        with pytest.raises(TypeError, match="async for"):
            list(page.auto_paging_iter())
    assert requested_pages(server, "paramRecherche") == [1, 2]


@pytest.mark.anyio
async def test_a_blocking_page_refuses_async_for(client: ChorusPro, server: Server) -> None:
    _search_answers(server, [{"listeFactures": [facture(1)], "pages": 1}])
    page = client.factures.rechercher_recipiendaire()
    with pytest.raises(TypeError, match="iterate it with `for`"):
        async for _ in page.auto_paging_iter():
            pass
    with pytest.raises(TypeError, match="iterate it with `for`"):
        async for _ in page.iter_pages():
            pass
