"""Technologies, needs and expert profiles: list, read, create, update and move through review."""

from typing import Literal

from ninja import Path, Query, Router, Status

from verdex.catalog.models import LISTING_MODELS

from .. import representations, selectors, services
from ..auth import token_optional, token_required
from ..pagination import NewestIdFirst, NewestPublishedFirst, keyset_page
from ..params import check_query
from ..schemas import LISTING_CREATE, LISTING_IN, LISTING_OUT, LISTING_PAGE, MAX_ID, ListParams, responses

PLURALS = {"technology": "technologies", "need": "needs", "expert": "experts"}


OwnerAction = Literal[services.OWNER_ACTIONS]


def listing_id_param():
    return Path(..., ge=1, le=MAX_ID, description="The listing's id.")


def _router(kind):
    plural = PLURALS[kind]
    name = LISTING_MODELS[kind]._meta.verbose_name
    router = Router(tags=[plural.capitalize()])
    out, page, payload_schema = LISTING_OUT[kind], LISTING_PAGE[kind], LISTING_IN[kind]
    create_schema = LISTING_CREATE[kind]

    @router.get(
        f"/{plural}", response=responses({200: page}, 400, 401, 422, 429), auth=token_optional,
        operation_id=f"list_{plural}", summary=f"Published {plural}, newest first",
        description="Pages follow keyset cursors: rows added between two calls are neither repeated "
                    "nor skipped. Anonymous callers get the public summary fields only.",
    )
    def list_published(request, params: Query[ListParams]):
        check_query(request, ListParams)
        rows, next_cursor = keyset_page(
            selectors.published_listings(kind), NewestPublishedFirst(), cursor=params.cursor, limit=params.limit
        )
        return {"items": [representations.listing(request, row, request.auth) for row in rows],
                "next_cursor": next_cursor}

    @router.get(
        f"/me/{plural}", response=responses({200: page}, 400, 401, 422, 429), auth=token_required,
        operation_id=f"list_my_{plural}", summary=f"The {plural} you may edit, drafts included",
    )
    def list_mine(request, params: Query[ListParams]):
        check_query(request, ListParams)
        rows, next_cursor = keyset_page(
            selectors.editable_listings(kind, request.auth), NewestIdFirst(),
            cursor=params.cursor, limit=params.limit,
        )
        return {"items": [representations.listing(request, row, request.auth) for row in rows],
                "next_cursor": next_cursor}

    @router.get(
        f"/{plural}/{{listing_id}}", response=responses({200: out}, 400, 401, 404, 422, 429),
        auth=token_optional, operation_id=f"get_{kind}", summary=f"One {name}",
        description="Published listings for everyone; drafts only for the people who may edit them.",
    )
    def detail(request, listing_id: int = listing_id_param()):
        check_query(request)
        return representations.listing(request, selectors.visible_listing(kind, listing_id, request.auth),
                                       request.auth)

    @router.post(
        f"/{plural}", response=responses({201: out}, 400, 401, 403, 413, 422, 429), auth=token_required,
        operation_id=f"create_{kind}", summary=f"Create a {name} (saved as a draft)",
        description="Validated exactly like the web form; related rows are named by their codes.",
    )
    def create(request, payload: create_schema):
        check_query(request)
        listing = services.save_listing_from_payload(
            kind=kind, payload=payload.model_dump(exclude_unset=True), by=request.auth
        )
        return Status(201, representations.listing(
            request, selectors.visible_listing(kind, listing.pk, request.auth), request.auth
        ))

    @router.patch(
        f"/{plural}/{{listing_id}}", response=responses({200: out}, 400, 401, 403, 404, 413, 422, 429),
        auth=token_required, operation_id=f"update_{kind}", summary=f"Change a {name} you may edit",
        description="Only the fields you send change. A published listing goes back to review, "
                    "as on the site.",
    )
    def update(request, payload: payload_schema, listing_id: int = listing_id_param()):
        check_query(request)
        listing = services.save_listing_from_payload(
            kind=kind, payload=payload.model_dump(exclude_unset=True), by=request.auth,
            listing=selectors.editable_listing(kind, listing_id, request.auth),
        )
        return representations.listing(
            request, selectors.visible_listing(kind, listing.pk, request.auth), request.auth
        )

    @router.post(
        f"/{plural}/{{listing_id}}/{{action}}", response=responses({200: out}, 400, 401, 404, 409, 422, 429),
        auth=token_required, operation_id=f"act_on_{kind}",
        summary=f"Submit a {name} for review, withdraw it or reopen it as a draft",
    )
    def act(request, action: OwnerAction, listing_id: int = listing_id_param()):
        check_query(request)
        listing = services.apply_owner_action(
            listing=selectors.editable_listing(kind, listing_id, request.auth), action=action, by=request.auth
        )
        return representations.listing(
            request, selectors.visible_listing(kind, listing.pk, request.auth), request.auth
        )

    return router


ROUTERS = [_router(kind) for kind in PLURALS]
