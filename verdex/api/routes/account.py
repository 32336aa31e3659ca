"""The caller's own account, and connection requests."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from ninja import Router, Status

from verdex.catalog.models import Need
from verdex.connections import services as connection_services
from verdex.core import ratelimit

from .. import representations, selectors
from ..auth import token_required
from ..params import check_query
from ..schemas import ConnectionIn, ConnectionOut, MeOut, responses

router = Router(tags=["Account"])


@router.get("/me", response=responses({200: MeOut}, 400, 401, 429), auth=token_required,
            operation_id="me", summary="The owner of the token")
def me(request):
    check_query(request)
    user = request.auth
    return {
        "id": user.pk,
        "email": user.email,
        "name": user.name,
        "is_moderator": user.is_moderator,
        "organisations": [representations.organisation_ref(org) for org in user.organisations.all()],
    }


@router.post(
    "/connections", response=responses({201: ConnectionOut}, 400, 401, 403, 404, 422, 429),
    auth=token_required, tags=["Connections"], operation_id="request_connection",
    summary="Ask the owner of a published listing to connect",
    description="As on the site: the owner is emailed, and you may have one open connection per listing.",
)
def request_connection(request, payload: ConnectionIn):
    check_query(request)
    listing = selectors.visible_listing(payload.kind, payload.listing_id, request.auth)
    about_need = None
    if payload.about_need is not None:
        about_need = Need.objects.filter(pk=payload.about_need, owner=request.auth).first()
        if about_need is None:
            raise ValidationError({"about_need": "Choose one of your own needs."})
    ratelimit.check(request.auth, "connection-request")
    connection = connection_services.request_connection(
        requester=request.auth, listing=listing, message=payload.message, about_need=about_need
    )
    return Status(201, {
        "id": connection.pk,
        "kind": payload.kind,
        "listing_id": listing.pk,
        "listing_title": connection.listing_title,
        "stage": connection.stage,
        "url": request.build_absolute_uri(reverse("connections:detail", args=[connection.pk])),
        "created_at": connection.created_at,
    })
