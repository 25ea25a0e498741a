"""Pages of search results, and iterators that fetch the following pages.

A search method returns a :class:`Page`: its items and what the API said about the paging. The
page knows the call that fetches the next one; :meth:`Page.auto_paging_iter` walks every result
of every page, with ``for`` on a page of the blocking client and ``async for`` on a page of the
asyncio client (using the wrong one raises ``TypeError`` at once, never a silent blocking call).
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

import pydantic

from demat_sdk._http.operation import Call

__all__ = ["AutoPager", "Page", "PagePager", "bind_page"]

Item = TypeVar("Item")
Result = TypeVar("Result")

Fetch = Callable[[Call[Any]], Any]


@dataclass(frozen=True)
class Page(Generic[Item]):
    """One page of a search.

    Attributes:
        items: the results on this page.
        page_courante: the number of this page, from 1 (as the API reports it, or as requested).
        pages: how many pages there are, when the API says.
        total: how many results all pages hold, when the API says.
        nb_resultats_par_page: the page size, when known.
        response: the whole answer, for the fields around the list.
        next_call: the call that fetches the next page, or ``None`` on the last page.
    """

    items: list[Item]
    page_courante: int | None
    pages: int | None
    total: int | None
    nb_resultats_par_page: int | None
    response: pydantic.BaseModel = field(repr=False)
    next_call: Call[Page[Item]] | None = field(default=None, repr=False)
    _fetch: Fetch | None = field(default=None, repr=False, compare=False)
    _asynchronous: bool = field(default=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return (
            f"Page({len(self.items)} items, page_courante={self.page_courante}, "
            f"pages={self.pages}, total={self.total})"
        )

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return self.next_call is not None

    def auto_paging_iter(self) -> AutoPager[Item]:
        """Every result of this page and the following ones, fetching pages as needed.

        ``for facture in page.auto_paging_iter()`` with :class:`~demat_sdk.ChorusPro`;
        ``async for facture in page.auto_paging_iter()`` with :class:`~demat_sdk.AsyncChorusPro`.
        """
        return AutoPager(self)

    def iter_pages(self) -> PagePager[Item]:
        """This page and the following ones (``for`` or ``async for``, as above)."""
        return PagePager(self)


def bind_page(result: Result, fetch: Fetch, *, asynchronous: bool) -> Result:
    """Attach the function that runs calls to a :class:`Page` result (others pass through)."""
    if isinstance(result, Page):
        bound = dataclasses.replace(result, _fetch=fetch, _asynchronous=asynchronous)
        return cast(Result, bound)
    return result


class PagePager(Generic[Item]):
    """The pages of a search from a first one: iterate with ``for`` or ``async for``."""

    def __init__(self, first: Page[Item]) -> None:
        self._first = first

    def __repr__(self) -> str:
        return f"<PagePager from page {self._first.page_courante}>"

    def __iter__(self) -> Iterator[Page[Item]]:
        if self._first._asynchronous:
            raise TypeError("this page comes from AsyncChorusPro: iterate it with `async for`")
        page = self._first
        yield page
        while page.next_call is not None:
            fetch = _fetcher(page)
            page = cast(Page[Item], fetch(page.next_call))
            yield page

    def __aiter__(self) -> AsyncIterator[Page[Item]]:
        if not self._first._asynchronous:
            raise TypeError("this page comes from ChorusPro (blocking): iterate it with `for`")
        return self._pages()

    async def _pages(self) -> AsyncIterator[Page[Item]]:
        page = self._first
        yield page
        while page.next_call is not None:
            fetch = _fetcher(page)
            page = await cast(Awaitable[Page[Item]], fetch(page.next_call))
            yield page


class AutoPager(Generic[Item]):
    """Every result of a search from a first page on: iterate with ``for`` or ``async for``."""

    def __init__(self, first: Page[Item]) -> None:
        self._pages = PagePager(first)

    def __repr__(self) -> str:
        return f"<AutoPager over {self._pages!r}>"

    def __iter__(self) -> Iterator[Item]:
        for page in self._pages:
            yield from page.items

    def __aiter__(self) -> AsyncIterator[Item]:
        return self._items(aiter(self._pages))

    @staticmethod
    async def _items(pages: AsyncIterator[Page[Item]]) -> AsyncIterator[Item]:
        async for page in pages:
            for item in page.items:
                yield item


def _fetcher(page: Page[Any]) -> Fetch:
    if page._fetch is None:
        raise TypeError("this page was not returned by a client: it cannot fetch the next one")
    return page._fetch
