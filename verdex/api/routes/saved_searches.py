"""The caller's saved searches: list, create, change and delete, as on the saved searches page."""

from django.core.exceptions import ValidationError
from ninja import Path, Router, Status

from verdex.notifications import selectors, services
from verdex.notifications.models import absolute
from verdex.search.engine import REGISTRY
from verdex.search.query import SearchQuery

from ..auth import token_required
from ..params import check_query
from ..schemas import MAX_ID, SavedSearchIn, SavedSearchOut, SavedSearchPatch, responses

router = Router(tags=["Saved searches"])


def _id():
    return Path(..., ge=1, le=MAX_ID, description="The saved search's id.")


def _out(saved):
    return {
        "id": saved.pk, "name": saved.name, "kind": saved.kind, "q": saved.text, "mode": saved.mode,
        "filters": saved.filters, "frequency": saved.frequency, "paused": saved.paused,
        "created_at": saved.created_at, "last_sent_at": saved.last_sent_at, "url": absolute(saved.search_url),
    }


@router.get("/saved-searches", response=responses({200: list[SavedSearchOut]}, 400, 401, 429),
            auth=token_required, operation_id="list_saved_searches", summary="Your saved searches")
def list_saved(request):
    check_query(request)
    return [_out(saved) for saved in selectors.saved_searches_of(user=request.auth)]


@router.post(
    "/saved-searches", response=responses({201: SavedSearchOut}, 400, 401, 422, 429), auth=token_required,
    operation_id="create_saved_search", summary="Save a search and be alerted to new listings it finds",
    description="Facets are named as in /search/{kind}; values that are not valid for a facet are dropped, "
                "as the search does.",
)
def create_saved(request, payload: SavedSearchIn):
    check_query(request)
    kind = REGISTRY[payload.kind]
    unknown = sorted(name for name in payload.filters if kind.facet(name) is None)
    if unknown:
        raise ValidationError({f"filters.{name}": f"No facet “{name}” for {payload.kind} searches." for name in unknown})
    query = SearchQuery(kind=payload.kind, text=payload.q, mode=payload.mode, filters=payload.filters)
    saved = services.save_search(user=request.auth, name=payload.name, query=query, frequency=payload.frequency)
    return Status(201, _out(saved))


@router.get("/saved-searches/{saved_search_id}", response=responses({200: SavedSearchOut}, 400, 401, 404, 422, 429),
            auth=token_required, operation_id="get_saved_search", summary="One of your saved searches")
def get_saved(request, saved_search_id: int = _id()):
    check_query(request)
    return _out(selectors.saved_search_of(user=request.auth, pk=saved_search_id))


@router.patch(
    "/saved-searches/{saved_search_id}", response=responses({200: SavedSearchOut}, 400, 401, 404, 422, 429),
    auth=token_required, operation_id="update_saved_search", summary="Rename, change the frequency, pause or resume",
)
def update_saved(request, payload: SavedSearchPatch, saved_search_id: int = _id()):
    check_query(request)
    saved = selectors.saved_search_of(user=request.auth, pk=saved_search_id)
    saved = services.update_saved_search(
        saved_search=saved, user=request.auth, **payload.model_dump(exclude_none=True),
    )
    return _out(saved)


@router.delete(
    "/saved-searches/{saved_search_id}", response=responses({204: None}, 400, 401, 404, 422, 429),
    auth=token_required, operation_id="delete_saved_search", summary="Delete one of your saved searches",
)
def delete_saved(request, saved_search_id: int = _id()):
    check_query(request)
    saved = selectors.saved_search_of(user=request.auth, pk=saved_search_id)
    services.delete_saved_search(saved_search=saved, user=request.auth)
    return Status(204, None)
