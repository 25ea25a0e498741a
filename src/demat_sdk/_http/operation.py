"""API operations, declared once and served by both the blocking and the asyncio clients.

An :class:`Operation` names a Chorus Pro operation (path, retry safety, response model). A resource
method is written once, as a function that turns the caller's arguments into a :class:`Call`;
decorated with :func:`api_method`, it becomes a blocking method on the resources of
``ChorusPro`` and an awaitable one on those of ``AsyncChorusPro``, with the same signature.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Concatenate, Generic, Literal, TypeVar, overload

import httpx
import pydantic
from typing_extensions import ParamSpec, TypedDict

from demat_sdk._http.retry import Safety

__all__ = ["Call", "Operation", "RequestCheck", "RequestOptions", "api_method", "call"]

Model = TypeVar("Model", bound=pydantic.BaseModel)
Result = TypeVar("Result")
Params = ParamSpec("Params")


@dataclass(frozen=True)
class Operation(Generic[Model]):
    """One Chorus Pro operation.

    Attributes:
        name: the official operation name (``consulterCRDetaille``), used in errors and logs.
        path: the absolute path under the API host (``/cpro/transverses/v1/consulterCRDetaille``).
        safety: whether it may be sent twice (searches) or not (deposits, status changes).
        response: the model its answer is decoded into.
        method: ``POST`` for everything but the health check.
        transfer_timeout: for operations that carry big files (deposits, downloads), the
            least time in seconds given to read and to write, whatever the client's default;
            a per-call ``timeout`` still wins.
    """

    name: str
    path: str
    safety: Safety
    response: type[Model]
    method: Literal["GET", "POST"] = "POST"
    transfer_timeout: float | None = None


class RequestOptions(TypedDict, total=False):
    """Per-call options, accepted as keyword arguments by every operation method."""

    timeout: float | httpx.Timeout | None
    """Time-out of this call: seconds for every phase, or an ``httpx.Timeout`` (``None``: the
    client's, raised to the operation's transfer time-out for big files, as without the option)."""
    max_retries: int
    """Retries allowed for this call (its operation's safety still decides what is retried)."""


@dataclass(frozen=True)
class Call(Generic[Result]):
    """One operation ready to send: its body, its options, and what to return from the answer."""

    operation: Operation[Any]
    body: pydantic.BaseModel | Mapping[str, Any] | None
    options: RequestOptions = field(default_factory=lambda: RequestOptions())
    extract: Callable[[Any], Result] = field(default=lambda response: response)
    context: Mapping[str, Any] = field(default_factory=dict)
    """What the caller said that does not travel (e.g. the category of a motif), for the
    client's request checks."""


RequestCheck = Callable[[Call[Any]], None]
"""A check a client runs on every call before sending it; it raises to refuse the call."""


@overload
def call(
    operation: Operation[Model],
    body: pydantic.BaseModel | Mapping[str, Any] | None,
    options: RequestOptions,
    *,
    context: Mapping[str, Any] | None = None,
) -> Call[Model]: ...
@overload
def call(
    operation: Operation[Model],
    body: pydantic.BaseModel | Mapping[str, Any] | None,
    options: RequestOptions,
    extract: Callable[[Model], Result],
    *,
    context: Mapping[str, Any] | None = None,
) -> Call[Result]: ...
def call(
    operation: Operation[Any],
    body: pydantic.BaseModel | Mapping[str, Any] | None,
    options: RequestOptions,
    extract: Callable[[Any], Any] | None = None,
    *,
    context: Mapping[str, Any] | None = None,
) -> Call[Any]:
    """Build a :class:`Call`, type-checking ``extract`` against the operation's response model."""
    if extract is None:
        return Call(operation, body, options, context=context or {})
    return Call(operation, body, options, extract, context or {})


class SyncRunner:
    """What a blocking resource provides to run a :class:`Call`."""

    def _run(self, call: Call[Result]) -> Result:
        raise NotImplementedError  # pragma: no cover - implemented by SyncResource


class AsyncRunner:
    """What an asyncio resource provides to run a :class:`Call`."""

    async def _run(self, call: Call[Result]) -> Result:
        raise NotImplementedError  # pragma: no cover - implemented by AsyncResource


class api_method(Generic[Params, Result]):  # noqa: N801 - used as a decorator
    """Turn a ``(self, ...) -> Call[R]`` function into a method of both client flavours.

    On a blocking resource the method returns ``R``; on an asyncio resource it returns an
    awaitable of ``R``. Signature and docstring are those of the decorated function.
    """

    def __init__(self, build: Callable[Concatenate[Any, Params], Call[Result]]) -> None:
        self._build = build
        self.__doc__ = build.__doc__
        self.__name__ = build.__name__
        self.__qualname__ = build.__qualname__
        self.__wrapped__ = build
        signature = inspect.signature(build)
        self._signature = signature.replace(
            parameters=list(signature.parameters.values())[1:],
            return_annotation=inspect.Signature.empty,
        )

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> api_method[Params, Result]: ...
    @overload
    def __get__(self, instance: SyncRunner, owner: type[Any]) -> Callable[Params, Result]: ...
    @overload
    def __get__(
        self, instance: AsyncRunner, owner: type[Any]
    ) -> Callable[Params, Awaitable[Result]]: ...
    def __get__(self, instance: object, owner: type[Any]) -> Any:
        if instance is None:
            return self
        build = self._build
        run: Callable[[Call[Result]], Any] = instance._run  # type: ignore[attr-defined]

        @functools.wraps(build)
        def method(*args: Params.args, **kwargs: Params.kwargs) -> Any:
            return run(build(instance, *args, **kwargs))

        method.__signature__ = self._signature  # type: ignore[attr-defined]
        return method
