"""Base of the resource classes (``client.factures``, ``client.transverses``…).

A resource module writes each operation once, in a ``…Methods`` mixin, with
:func:`~demat_sdk._http.operation.api_method`; the blocking class mixes it with
:class:`SyncResource`, the asyncio class with :class:`AsyncResource`. A search's
:class:`~demat_sdk._http.pagination.Page` is bound to the resource that fetched it, so that it
fetches the following pages the same way (blocking or awaited).
"""

from __future__ import annotations

from typing import TypeVar

from demat_sdk._http.client import AsyncAPIClient, SyncAPIClient
from demat_sdk._http.operation import AsyncRunner, Call, SyncRunner
from demat_sdk._http.pagination import bind_page

__all__ = ["AsyncResource", "SyncResource"]

Result = TypeVar("Result")


class SyncResource(SyncRunner):
    """A group of operations of the blocking client."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"

    def _run(self, call: Call[Result]) -> Result:
        self._client.vet(call)
        result = call.extract(self._client.request(call.operation, call.body, call.options))
        return bind_page(result, self._run, asynchronous=False)


class AsyncResource(AsyncRunner):
    """A group of operations of the asyncio client."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"

    async def _run(self, call: Call[Result]) -> Result:
        self._client.vet(call)
        answer = await self._client.request(call.operation, call.body, call.options)
        return bind_page(call.extract(answer), self._run, asynchronous=True)
