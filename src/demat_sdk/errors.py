"""Every exception demat_sdk raises, in one tree.

Catch :class:`DematError` to catch everything the library raises on purpose; catch a
narrower class to handle one situation::

    DematError
    ├── ConfigurationError            missing credentials, unknown environment, bad URL
    ├── InvalidRequestError           refused before sending (motif missing, file too big…)
    │   ├── PatientDataError          patient or medical data in what would leave the hospital
    │   └── AddresseeError            the addressee pre-flight says Chorus Pro would refuse it
    │                                 (.problems: where, code, message)
    ├── TransportError                the exchange did not complete
    │   │                             .request_sent: could the server have received it?
    │   ├── ConnectError              no connection: request_sent is False
    │   └── RequestTimeoutError       connect/pool time-out (False) or read/write (True)
    ├── APIStatusError                the gateway or the API answered with an HTTP error
    │   ├── BadRequestError           400 without a Chorus Pro envelope
    │   ├── AuthenticationError       401, or a refused token request (.reason)
    │   ├── PermissionDeniedError     403: API not subscribed or terms not accepted
    │   ├── NotFoundError             404
    │   ├── RequestTooLargeError      413
    │   ├── RateLimitedError          429 (.retry_after, in seconds)
    │   └── ServerError               5xx
    ├── ChorusBusinessError           body says codeRetour != 0 (HTTP 200 or 400)
    │                                 .code_retour, .libelle, .operation
    ├── ResponseValidationError       a response did not fit its model (.operation, .field)
    ├── IntegrationTimeoutError       a deposited flux was not processed in the time given
    │                                 (.numero_flux_depot, .etat); also a TimeoutError
    ├── JournalError                  the submission journal refuses (.kind, .key)
    │   ├── SubmissionConflictError   same key submitted again with another content
    │   └── OutcomeUnknownError       the remote side may have it: reconcile before resending
    ├── PesError                      PES V2 files (Hélios)
    │   ├── PesModelError             a model rule is broken (.location names the object)
    │   ├── PesReadError              a file could not be read (.line, .element)
    │   │   └── PesTooLargeError      beyond a safety limit, not a fault of the file (.limit)
    │   ├── PesWriteError             a file could not be written (nothing is left behind)
    │   └── ReconciliationError       an acquittement matched with a flux it does not answer
    ├── ChannelError                  a file could not go through a Hélios channel (.path,
    │                                 .handed_over: could it have reached the other side?)
    └── DirectoryError                the offline public-entity directory (annuaire)
        └── DirectoryImportError      an export could not be imported; the directory is unchanged
                                      (.source, .line, .column, .problems)

Messages name the culprit (the operation, the JSON field, the bordereau or mandat) and never
contain a secret: tokens, client secrets, passwords and ``cpro-account`` values are kept out of
every message and ``repr``.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "APIStatusError",
    "AddresseeError",
    "AuthenticationError",
    "BadRequestError",
    "ChannelError",
    "ChorusBusinessError",
    "ConfigurationError",
    "ConnectError",
    "DematError",
    "DirectoryError",
    "DirectoryImportError",
    "IntegrationTimeoutError",
    "InvalidRequestError",
    "JournalError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PatientDataError",
    "PermissionDeniedError",
    "PesError",
    "PesModelError",
    "PesReadError",
    "PesTooLargeError",
    "PesWriteError",
    "RateLimitedError",
    "ReconciliationError",
    "RequestTimeoutError",
    "RequestTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "SubmissionConflictError",
    "TransportError",
]


class DematError(Exception):
    """Base class of every error raised by demat_sdk."""


class ConfigurationError(DematError):
    """The library cannot be set up: missing credentials, unknown environment, bad URL."""


class InvalidRequestError(DematError, ValueError):
    """A request was refused before anything was sent.

    Attributes:
        operation: the operation that refused it (``"traiterFactureRecue"``), if any.
        field: the argument or JSON field at fault, if one is.
    """

    def __init__(
        self, message: str, *, operation: str | None = None, field: str | None = None
    ) -> None:
        self.operation = operation
        self.field = field
        prefix = f"{operation}: " if operation else ""
        super().__init__(f"{prefix}{message}")


class PatientDataError(InvalidRequestError):
    """Patient or medical data was found in something about to leave the hospital.

    The message names each field at fault and what was recognised there, never the data.

    Attributes:
        what: what was being sent (an operation, a titre…).
        problems: ``(path, what was recognised)`` pairs.
    """

    def __init__(self, what: str, problems: Sequence[tuple[str, str]]) -> None:
        self.what = what
        self.problems = tuple(problems)
        path, detail = self.problems[0]
        more = f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(
            f"patient data must not leave the hospital: {path or '(value)'}: {detail}{more}",
            operation=what,
            field=path,
        )


class AddresseeError(InvalidRequestError):
    """The addressee pre-flight found what Chorus Pro would refuse (SIRET, service, engagement).

    Raised by ``raise_for_problems()`` of the pre-flight's answers (:mod:`demat_sdk.preflight`).

    Attributes:
        problems: ``(where, code, message)`` triples: the invoice or titre at fault (or the
            SIRET), the machine code (``CODE_SERVICE_INCONNU``…) and what to fix, in French.
    """

    def __init__(
        self, problems: Sequence[tuple[str, str, str]], *, field: str | None = None
    ) -> None:
        self.problems = tuple(problems)
        where, code, message = self.problems[0]
        more = f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        prefix = f"{where}: " if where else ""
        super().__init__(
            f"Chorus Pro would refuse the addressee: {prefix}[{code}] {message}{more}", field=field
        )


# --- transport -----------------------------------------------------------------------------


class TransportError(DematError):
    """The HTTP exchange did not complete.

    Attributes:
        request_sent: ``False`` when the request certainly never reached the server (it is then
            safe to send it again), ``True`` when the server may have received and processed it
            (the outcome of a write is unknown and must be reconciled, not blindly resent).
        operation: the API operation being called, if known.
    """

    def __init__(self, message: str, *, request_sent: bool, operation: str | None = None) -> None:
        self.request_sent = request_sent
        self.operation = operation
        prefix = f"{operation}: " if operation else ""
        super().__init__(f"{prefix}{message}")


class ConnectError(TransportError):
    """No connection could be made (DNS, refused, TLS handshake): nothing was sent."""

    def __init__(self, message: str, *, operation: str | None = None) -> None:
        super().__init__(message, request_sent=False, operation=operation)


class RequestTimeoutError(TransportError):
    """A time-out expired. ``request_sent`` tells whether it happened before or after sending."""


# --- HTTP status ---------------------------------------------------------------------------


class APIStatusError(DematError):
    """The server answered with an HTTP error status.

    Attributes:
        status_code: the HTTP status.
        operation: the API operation, if known.
        body: the response body as text (truncated to 2,000 characters).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        operation: str | None = None,
        body: str = "",
    ) -> None:
        self.status_code = status_code
        self.operation = operation
        self.body = body[:2000]
        prefix = f"{operation}: " if operation else ""
        super().__init__(f"{prefix}HTTP {status_code}: {message}")


class BadRequestError(APIStatusError):
    """HTTP 400 whose body is not a Chorus Pro envelope (malformed request)."""


class AuthenticationError(APIStatusError):
    """Authentication was refused (HTTP 401, or the PISTE token endpoint said no).

    Attributes:
        reason: what the server gave as the cause, from ``WWW-Authenticate`` (``error_description``)
            or from the OAuth2 error body; empty when it said nothing.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int = 401,
        operation: str | None = None,
        body: str = "",
        reason: str = "",
    ) -> None:
        self.reason = reason
        super().__init__(message, status_code=status_code, operation=operation, body=body)


class PermissionDeniedError(APIStatusError):
    """HTTP 403: the PISTE application is not subscribed to this API or its terms are not accepted.

    On Chorus Pro it may also mean the technical account lacks the rights on the structure.
    """


class NotFoundError(APIStatusError):
    """HTTP 404: the API path does not exist on this host (wrong environment or base URL)."""


class RequestTooLargeError(APIStatusError):
    """HTTP 413: the payload is over the server's limit (10 MB PDF, 120 MB download…)."""


class RateLimitedError(APIStatusError):
    """HTTP 429: too many requests.

    Attributes:
        retry_after: seconds the server asked to wait, or ``None`` if it did not say.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int = 429,
        operation: str | None = None,
        body: str = "",
        retry_after: float | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(message, status_code=status_code, operation=operation, body=body)


class ServerError(APIStatusError):
    """HTTP 5xx: the server failed. For a write, its outcome is unknown."""


# --- Chorus Pro body -----------------------------------------------------------------------


class ChorusBusinessError(DematError):
    """Chorus Pro refused the operation: the body says ``codeRetour != 0``.

    Chorus Pro reports business errors with HTTP 200 or HTTP 400; both end here.

    Attributes:
        code_retour: the ``codeRetour`` value (codes are per operation: 20002 on
            ``completerFacture`` means "not suspended").
        libelle: the ``libelle`` value (a message code such as ``GDP_MSG_11.033`` or a text).
        operation: the operation that was refused.
        status_code: the HTTP status of the answer (200 or 400).
    """

    def __init__(
        self, *, code_retour: int, libelle: str, operation: str, status_code: int = 200
    ) -> None:
        self.code_retour = code_retour
        self.libelle = libelle
        self.operation = operation
        self.status_code = status_code
        super().__init__(f"{operation}: codeRetour {code_retour}: {libelle}")


class ResponseValidationError(DematError):
    """A response body did not fit the model of its operation.

    Attributes:
        operation: the operation whose response failed.
        field: the dotted path of the first field that did not fit (``listeFactures.0.statut``),
            or ``""`` when the body as a whole was unreadable (not JSON).
        errors: every problem found, as ``(path, message)`` pairs.
    """

    def __init__(
        self,
        *,
        operation: str,
        field: str,
        message: str,
        errors: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.operation = operation
        self.field = field
        self.errors = tuple(errors) or ((field, message),)
        where = f" at {field!r}" if field else ""
        more = f" (+{len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        super().__init__(f"{operation}: unexpected response{where}: {message}{more}")


# --- following a flux -----------------------------------------------------------------------


class IntegrationTimeoutError(DematError, TimeoutError):
    """A deposited flux did not reach a final state within the time given.

    The flux is not lost: Chorus Pro is still processing it (or holds it for re-processing,
    ``IN_EN_ATTENTE_RETRAITEMENT_CPP``); wait again later with the same ``numero_flux_depot``.

    Attributes:
        numero_flux_depot: the flux waited for.
        etat: its last state seen (an ``EtatFlux`` code), or ``None`` if Chorus Pro gave none.
        waited: seconds waited.
    """

    def __init__(self, *, numero_flux_depot: str, etat: str | None, waited: float) -> None:
        self.numero_flux_depot = numero_flux_depot
        self.etat = etat
        self.waited = waited
        state = etat or "no state reported"
        super().__init__(
            f"flux {numero_flux_depot} not processed after {waited:.0f} s (last state: {state})"
        )


# --- submission journal ------------------------------------------------------------------


class JournalError(DematError):
    """The submission journal refuses an operation.

    Attributes:
        kind: the kind of submission (``"chorus.deposer_flux"``…).
        key: its unique key within that kind.
    """

    def __init__(self, message: str, *, kind: str, key: str) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"{kind} {key!r}: {message}")


class SubmissionConflictError(JournalError):
    """The key was submitted before with another content, which may have taken effect.

    A new content needs a new key. (Under a key whose first content certainly did not take
    effect, refused or never sent, the journal accepts a new content instead of raising.)
    """


class OutcomeUnknownError(JournalError):
    """The remote side may already have this submission; it is not sent again until reconciled.

    Attributes:
        entry_id: the journal entry to reconcile.
    """

    def __init__(self, message: str, *, kind: str, key: str, entry_id: int) -> None:
        self.entry_id = entry_id
        super().__init__(message, kind=kind, key=key)


# --- PES V2 --------------------------------------------------------------------------------


class PesError(DematError):
    """Base class of the errors about PES V2 files."""


class PesModelError(PesError, ValueError):
    """A PES model breaks a rule (a facet, a total, a reference).

    Attributes:
        location: the object at fault, readable by a clerk
            (``"depense / bordereau 12 / mandat 345 / ligne 2 / montant_ht"``).
        problems: every problem found, as ``(location, message)`` pairs.
    """

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        if not problems:
            raise ValueError("PesModelError needs at least one problem")
        self.problems = tuple(problems)
        self.location = self.problems[0][0]
        first = f"{self.location}: {self.problems[0][1]}" if self.location else self.problems[0][1]
        more = f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)


class PesReadError(PesError):
    """A PES file could not be read.

    Attributes:
        reason: what is wrong, without the location (the message adds line and element).
        line: the line of the source where it failed, if known.
        element: the element being read (``"PES_Aller/PES_DepenseAller/Bordereau"``), if known.
    """

    def __init__(
        self, message: str, *, line: int | None = None, element: str | None = None
    ) -> None:
        self.reason = message
        self.line = line
        self.element = element
        where = ", ".join(
            part
            for part in (f"line {line}" if line else "", f"element {element}" if element else "")
            if part
        )
        super().__init__(f"{message} ({where})" if where else message)


class PesTooLargeError(PesReadError):
    """A PES file is beyond one of the reader's safety limits: the file may well be valid.

    The message is the reason followed by the advice; ``reason`` holds the reason alone.

    Attributes:
        limit: the parameter that sets the limit: ``"max_bytes"`` (the size of the file),
            ``"huge_tree"`` (a text node above 10 MB: a PJ of more than ~7 MB) or
            ``"max_pj_bytes"`` (what the gzipped PJ contents inflate to, all together).
        advice: how to lift it, in the library's terms (derived from ``limit``).
    """

    def __init__(
        self,
        reason: str,
        *,
        limit: str,
        line: int | None = None,
        element: str | None = None,
    ) -> None:
        self.limit = limit
        self.advice = _HOW_TO_LIFT[limit]
        super().__init__(f"{reason}; {self.advice}", line=line, element=element)
        self.reason = reason


_HOW_TO_LIFT = {
    "max_bytes": "raise max_bytes if it is expected",
    "huge_tree": "pass huge_tree=True for a file you trust",
    "max_pj_bytes": "pass a larger max_pj_bytes for a file you trust",
}


class PesWriteError(PesError):
    """A PES file could not be written; no partial file was left behind."""


class ReconciliationError(PesError, ValueError):
    """An acquittement was matched with a flux it does not answer (``NomFic``, ``CodCol``)."""


# --- Hélios channels -----------------------------------------------------------------------


class ChannelError(DematError):
    """A file could not be sent, claimed or filed through a Hélios channel.

    Attributes:
        path: the file or directory at fault, if there is one.
        handed_over: whether the file may have reached the other side when sending failed:
            ``False`` when it certainly did not (it could not even be read), ``None`` when it
            cannot be told (the connection dropped during the transfer): the journal then waits
            for the acquittement before it sends the file again.
    """

    def __init__(
        self, message: str, *, path: str | None = None, handed_over: bool | None = None
    ) -> None:
        self.path = path
        self.handed_over = handed_over
        super().__init__(message)


# --- public-entity directory ---------------------------------------------------------------


class DirectoryError(DematError):
    """The offline public-entity directory cannot do what was asked.

    Raised for a store that cannot be opened (missing file in read-only mode, schema of another
    version) or written (opened read-only).
    """


class DirectoryImportError(DirectoryError):
    """An export of the Chorus Pro directory could not be imported.

    The import is one transaction: when this is raised, the directory holds exactly what it held
    before.

    Attributes:
        source: the file at fault (``"annuaire.zip!structures.csv"`` for a member of an archive),
            if one is.
        line: the line of that file, if known (1 is the header line).
        column: the column at fault (its name in the header), if one is.
        problems: every problem found, as ``(location, message)`` pairs, the location naming the
            file, line and column.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: str | None = None,
        problems: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.source = source
        self.line = line
        self.column = column
        where = ", ".join(
            part
            for part in (
                source or "",
                f"line {line}" if line else "",
                f"column {column}" if column else "",
            )
            if part
        )
        self.problems = tuple(problems) or ((where, message),)
        more = f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{where}: {message}{more}" if where else f"{message}{more}")
