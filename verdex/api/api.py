"""The Verdex REST API, version 1 (django-ninja, OpenAPI 3.1).

Served under /api/v1/ with interactive documentation at /api/v1/docs
(/api/docs redirects there). See docs/api.md.
"""

from csp.decorators import csp_update
from ninja import NinjaAPI

from .errors import install_handlers
from .routes import account, listings, matches, organisations, reference, saved_searches, search, statistics

class VerdexAPI(NinjaAPI):
    """NinjaAPI whose schema says that a token is optional where anonymous calls are served.

    Ninja lists every auth as required; OpenAPI spells "or no credentials" as an
    empty requirement ``{}`` among the alternatives.
    """

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        optional = {
            operation.operation_id or self.get_openapi_operation_id(operation)
            for _, router in self._routers
            for path_view in router.path_operations.values()
            for operation in path_view.operations
            if any(getattr(auth, "optional", False) for auth in operation.auth_callbacks)
        }
        for methods in schema["paths"].values():
            for operation in methods.values():
                if operation.get("operationId") in optional:
                    operation["security"] = [{}, *operation.get("security", [])]
        return schema


api = VerdexAPI(
    title="Verdex API",
    version="1",
    description=(
        "Read the green technologies, needs, experts and organisations of Verdex, search them with "
        "every facet of the site, and manage your own listings with a personal API token "
        "(`Authorization: Bearer <key>`, created on your profile page). Anonymous callers see what "
        "visitors of the site see. Errors answer `{\"detail\": ..., \"errors\": [{\"field\", \"message\"}]}`."
    ),
    urls_namespace="api:v1",
    # Swagger UI draws its icons as data: SVG images; only its page allows them (docs/security.md).
    docs_decorator=csp_update({"img-src": ["data:"]}),
)
install_handlers(api)

# Before the listings: their POST /{plural}/{id}/{action} would otherwise claim GET .../matches.
api.add_router("", matches.router)
for router in listings.ROUTERS:
    api.add_router("", router)
api.add_router("", organisations.router)
api.add_router("", search.router)
api.add_router("", reference.router)
api.add_router("", statistics.router)
api.add_router("", account.router)
api.add_router("", saved_searches.router)


def unknown_endpoint(request, path=""):
    """Paths under /api/v1/ that no route matches answer the API's JSON error, not an HTML page."""
    return api.create_response(
        request,
        {"detail": "No such API endpoint. The list of endpoints is at /api/v1/docs.", "errors": []},
        status=404,
    )
