"""Organisations: every organisation is public, as on the site."""

from django.http import Http404
from ninja import Path, Query, Router

from .. import representations, selectors
from ..auth import token_optional
from ..pagination import NewestIdFirst, keyset_page
from ..params import check_query
from ..schemas import MAX_ID, ListParams, OrganisationOut, OrganisationPage, responses

router = Router(tags=["Organisations"])


@router.get(
    "/organisations", response=responses({200: OrganisationPage}, 400, 401, 422, 429), auth=token_optional,
    operation_id="list_organisations", summary="Organisations, newest first",
)
def list_organisations(request, params: Query[ListParams]):
    check_query(request, ListParams)
    rows, next_cursor = keyset_page(
        selectors.organisations(), NewestIdFirst(), cursor=params.cursor, limit=params.limit
    )
    return {"items": [representations.organisation(request, row) for row in rows], "next_cursor": next_cursor}


@router.get(
    "/organisations/{organisation_id}", response=responses({200: OrganisationOut}, 400, 401, 404, 422, 429),
    auth=token_optional, operation_id="get_organisation", summary="One organisation",
)
def organisation_detail(request, organisation_id: int = Path(..., ge=1, le=MAX_ID)):
    check_query(request)
    row = selectors.organisations().filter(pk=organisation_id).first()
    if row is None:
        raise Http404("No such organisation.")
    return representations.organisation(request, row)
