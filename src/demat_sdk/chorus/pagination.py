"""How the Chorus Pro searches page.

Each search takes its paging parameters in a nested object whose key differs per operation
(``rechercheFactureParFournisseur``, ``paramRecherche``, ``pagination``, ``parametres``…), always
with ``pageResultatDemandee`` and ``nbResultatsParPage``. The answer says which page it is either
in ``parametresRetour`` or at the top level (``rechercherFactureRecipiendaire``), and some
answers fill one place with nulls and the other with values: :func:`paging_info` reads both.

:func:`search_call` builds a search from a method's arguments; :func:`paged` turns a search
request into a call returning a :class:`~demat_sdk._http.pagination.Page` that knows how to ask
for the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pydantic

from demat_sdk._http.operation import Call, Operation, RequestOptions, call
from demat_sdk._http.pagination import Page
from demat_sdk.chorus.models.base import ChorusRequest, build_request

__all__ = ["PagingInfo", "paged", "paging_info", "paging_settings", "search_call"]

Answer = TypeVar("Answer", bound=pydantic.BaseModel)
Item = TypeVar("Item")

_PAGE = "page_resultat_demandee"
_SIZE = "nb_resultats_par_page"


@dataclass(frozen=True)
class PagingInfo:
    """What an answer says about its page (every field may be missing)."""

    page_courante: int | None = None
    pages: int | None = None
    total: int | None = None
    nb_resultats_par_page: int | None = None


_KEYS = {
    "page_courante": "pageCourante",
    "pages": "pages",
    "total": "total",
    "nb_resultats_par_page": "nbResultatsParPage",
}


def paging_info(answer: pydantic.BaseModel) -> PagingInfo:
    """Read the paging of an answer from ``parametresRetour``, then from the top level."""
    places: list[Any] = [getattr(answer, "parametres_retour", None), answer]
    found: dict[str, int | None] = {}
    for attribute, key in _KEYS.items():
        found[attribute] = None
        for place in places:
            value = _read(place, attribute, key)
            if value is not None:
                found[attribute] = value
                break
    return PagingInfo(**found)


def _read(place: Any, attribute: str, key: str) -> int | None:
    if place is None:
        return None
    value = getattr(place, attribute, None)
    if value is None and isinstance(place, pydantic.BaseModel) and place.model_extra:
        value = place.model_extra.get(key)
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def paged(
    operation: Operation[Answer],
    body: pydantic.BaseModel,
    options: RequestOptions,
    *,
    items: Callable[[Answer], Sequence[Item]],
    paging_field: str | None,
) -> Call[Page[Item]]:
    """A search call whose result is a page able to fetch the next one.

    Args:
        operation: the search.
        body: its request, with the paging object already in ``paging_field``.
        options: per-call options, reused for every page.
        items: where the answer holds the results.
        paging_field: the request field holding the paging object (``None`` for a search that
            returns everything at once).
    """
    paging = getattr(body, paging_field) if paging_field else None
    requested = _int(getattr(paging, _PAGE, None)) or 1
    size = _int(getattr(paging, _SIZE, None))

    def extract(answer: Answer) -> Page[Item]:
        found = list(items(answer))
        info = paging_info(answer)
        current = info.page_courante or requested
        per_page = info.nb_resultats_par_page or size
        next_call = None
        if paging is not None and paging_field and _has_more(current, info, per_page, found):
            following = paging.model_copy(update={_PAGE: current + 1})
            next_body = body.model_copy(update={paging_field: following})
            next_call = paged(operation, next_body, options, items=items, paging_field=paging_field)
        return Page(
            items=found,
            page_courante=current,
            pages=info.pages,
            total=info.total,
            nb_resultats_par_page=per_page,
            response=answer,
            next_call=next_call,
        )

    return call(operation, body, options, extract)


def search_call(
    operation: Operation[Answer],
    request: type[ChorusRequest],
    *,
    filtres: ChorusRequest | None,
    criteria: dict[str, Any],
    paging_field: str | None,
    paging_model: type[ChorusRequest] | None,
    paging: dict[str, Any],
    items: Callable[[Answer], Sequence[Item]],
    options: RequestOptions,
) -> Call[Page[Item]]:
    """Build a search: ``filtres`` first, the criteria given as arguments over it, the paging.

    Args:
        operation: the search.
        request: its request model.
        filtres: a request of that model holding other criteria, or ``None``.
        criteria: the criteria given as arguments (``None`` and empty lists are left out).
        paging_field: the request field of the paging object, ``None`` if the search has none.
        paging_model: the model of the paging object.
        paging: page number, page size, sort column and order (``None`` left out).
        items: where the answer holds the results.
        options: per-call options.
    """
    data: dict[str, Any] = (
        filtres.model_dump(by_alias=False, exclude_none=True) if filtres is not None else {}
    )
    data.update({key: value for key, value in criteria.items() if value not in (None, [], ())})
    if paging_field is not None and paging_model is not None:
        settings = dict(data.get(paging_field) or {})
        settings.update({key: value for key, value in paging.items() if value is not None})
        data[paging_field] = build_request(paging_model, operation.name, **settings)
    body = build_request(request, operation.name, **data)
    return paged(operation, body, options, items=items, paging_field=paging_field)


def paging_settings(
    page: int, size: int | None, column: object | None, order: object | None
) -> dict[str, Any]:
    """The paging arguments of a search method, under the paging object's field names."""
    return {
        "page_resultat_demandee": page,
        "nb_resultats_par_page": size,
        "tri_colonne": column,
        "tri_sens": order,
    }


def _has_more(current: int, info: PagingInfo, per_page: int | None, found: list[Any]) -> bool:
    if not found:
        return False
    if info.pages is not None:
        return current < info.pages
    if info.total is not None and per_page:
        return current * per_page < info.total
    return bool(per_page) and len(found) >= (per_page or 0)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None
