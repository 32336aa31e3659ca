"""Every API error answers one JSON shape.

    {"detail": "What went wrong, in a sentence.",
     "errors": [{"field": "trl", "message": "Select a valid choice."}]}

``errors`` lists problems with single inputs (a body field, a query
parameter); ``field`` is null for a problem with the request as a whole.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from ninja import errors as ninja_errors

from verdex.catalog.services import TransitionNotAllowed
from verdex.core import ratelimit

# Where a parameter came from; not part of the field name a client sent.
_SOURCES = {"query", "path", "body", "header", "cookie", "form", "file"}


class ApiError(Exception):
    def __init__(self, status, detail, *, field=None, errors=None, headers=None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors if errors is not None else (
            [{"field": field, "message": detail}] if field else []
        )
        self.headers = headers or {}


class RateLimitExceeded(ApiError):
    def __init__(self, retry_after):
        super().__init__(
            429, f"Too many requests. Try again in {retry_after} seconds.",
            headers={"Retry-After": str(retry_after)},
        )


def field_errors(error):
    """A Django ValidationError as a list of {"field", "message"}."""
    if hasattr(error, "error_dict"):
        return [
            {"field": None if field == "__all__" else field, "message": message}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": None, "message": message} for message in error.messages]


def _field_name(loc, param_names):
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        parts.pop(0)
        if parts and parts[0] in param_names:
            parts.pop(0)
    names = []
    for part in parts:
        if not isinstance(part, str):
            break
        names.append(part)
    return ".".join(names) or None


def install_handlers(api, *, param_names=("payload", "params")):
    """``param_names``: the view arguments that hold a whole body or query schema."""

    def respond(request, status, detail, errors=(), headers=None):
        response = api.create_response(
            request, {"detail": detail, "errors": list(errors)}, status=status
        )
        for name, value in (headers or {}).items():
            response[name] = value
        return response

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return respond(request, exc.status, exc.detail, exc.errors, exc.headers)

    @api.exception_handler(ninja_errors.ValidationError)
    def invalid_input(request, exc):
        errors = [
            {"field": _field_name(error.get("loc", ()), param_names), "message": error.get("msg", "")}
            for error in exc.errors
        ]
        return respond(request, 422, "Some of the input is not valid; see errors.", errors)

    @api.exception_handler(ninja_errors.AuthenticationError)
    def unauthenticated(request, exc):
        return respond(
            request, 401,
            "Give a valid, unrevoked API token in the header “Authorization: Bearer <key>”.",
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )

    @api.exception_handler(ninja_errors.HttpError)
    def http_error(request, exc):
        return respond(request, exc.status_code, str(exc))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, "Not found: it does not exist or you may not see it.")

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return respond(request, 403, str(exc) or "You may not do this.")

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        errors = field_errors(exc)
        detail = errors[0]["message"] if len(errors) == 1 else "Some of the input is not valid; see errors."
        return respond(request, 422, detail, errors)

    @api.exception_handler(TransitionNotAllowed)
    def conflict(request, exc):
        return respond(request, 409, str(exc))

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return respond(
            request, 413,
            f"The request body is larger than the {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes allowed.",
        )

    @api.exception_handler(ratelimit.RateLimited)
    def too_many(request, exc):
        return respond(request, 429, str(exc), headers={"Retry-After": str(exc.retry_after)})
