"""Query parameters outside an operation's declared set are refused.

Ninja ignores unknown parameters; for an API that silently ignores a typo
like ``?countyr=KE`` the caller cannot tell a filter that matched nothing
from a filter that was never applied, so we answer 400 instead.
"""

from .errors import ApiError


def check_query(request, *schemas, names=()):
    """Raise 400 if the query string has a parameter not named by ``schemas`` or ``names``."""
    allowed = set(names)
    for schema in schemas:
        allowed.update(schema.model_fields)
    unknown = sorted(name for name in request.GET if name not in allowed)
    if unknown:
        raise ApiError(
            400,
            "Unknown query parameter: " + ", ".join(unknown) + ".",
            errors=[{"field": name, "message": "This parameter is not supported here."} for name in unknown],
        )
