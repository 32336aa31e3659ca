"""Writes made through the API and its token pages.

Listings are validated by the same ModelForms as the web pages and saved by
catalog.services, so permissions, sanitising and moderation cannot differ
between the site and the API. Related objects arrive as codes (field codes,
SDG numbers, country codes, slugs) and are looked up by those codes.
"""

import secrets
from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from verdex.catalog import permissions
from verdex.catalog import services as catalog_services
from verdex.catalog.forms import LISTING_FORMS

from .models import ApiToken, hash_key

KEY_PREFIX = "vdx_"
SHOWN_PREFIX_LENGTH = len(KEY_PREFIX) + 8
# Writing last_used_at on every request would turn each read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)

# How the API names related objects, per form field (the form's default is the pk).
RELATED_KEYS = {
    "organisation": "slug",
    "fields": "code",
    "benefits": "slug",
    "availability": "slug",
    "available_regions": "code",
    "region": "code",
    "desired_arrangements": "slug",
}

OWNER_ACTIONS = ("submit", "withdraw", "reopen")


def create_token(*, user, name):
    """Create a token for ``user``; returns ``(token, key)``. The key is never stored."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied("Log in to create an API token.")
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Give the token a name."})
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=key[:SHOWN_PREFIX_LENGTH], key_hash=hash_key(key)
    )
    return token, key


def revoke_token(*, user, token_id):
    """Revoke one of ``user``'s tokens; another person's token answers 404."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
        if token is None:
            raise Http404("No such token.")
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
    return token


def note_token_use(*, token):
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def save_listing_from_payload(*, kind, payload, by, listing=None):
    """Create a listing of ``kind`` from ``payload``, or update ``listing`` with it.

    Only the keys present in ``payload`` change on update. Invalid data raises
    a ValidationError naming each field, and nothing is saved.
    """
    if listing is not None and not permissions.can_edit(by, listing):
        raise Http404("No such listing.")
    form = listing_form(kind=kind, user=by, payload=payload, listing=listing)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return catalog_services.save_listing(listing=form.save(commit=False), by=by, m2m=form.m2m_data())


def apply_owner_action(*, listing, action, by):
    """Submit, withdraw or reopen one of ``by``'s listings (others' listings answer 404)."""
    if not permissions.can_edit(by, listing):
        raise Http404("No such listing.")
    if action not in OWNER_ACTIONS:
        raise catalog_services.TransitionNotAllowed(f"Unknown action “{action}”.")
    return catalog_services.transition(listing=listing, action=action, by=by)


def listing_form(*, kind, user, payload, listing=None):
    """The web form for ``kind``, bound to ``payload`` laid over the listing's current values."""
    form_class = LISTING_FORMS[kind]
    data = _current_values(_api_form(form_class, user=user, listing=listing)) if listing else {}
    data.update({name: _form_value(value) for name, value in payload.items()})
    return _api_form(form_class, user=user, listing=listing, data=data)


def _api_form(form_class, *, user, listing, data=None):
    form = form_class(data=data, instance=listing, user=user)
    for name, key in RELATED_KEYS.items():
        if isinstance(form.fields.get(name), forms.ModelChoiceField):
            form.fields[name].to_field_name = key
    return form


def _current_values(form):
    """The form data that would leave ``form.instance`` unchanged."""
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.ModelMultipleChoiceField):
            value = [field.prepare_value(obj) for obj in getattr(form.instance, name).all()]
        elif isinstance(field, forms.ModelChoiceField):
            related = getattr(form.instance, name)
            value = field.prepare_value(related) if related is not None else ""
        else:
            value = form.initial.get(name)
        data[name] = _form_value(value)
    return data


def _form_value(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return str(value)
