"""Rows as the API shows them, with the same public/full split as the detail pages."""

import html

from django.utils.html import strip_tags
from django.utils.text import Truncator

from verdex.catalog import permissions
from verdex.catalog.models import Source, Status

PUBLIC_EXCERPT_CHARS = 300


def _code_name(row):
    return {"code": row.code, "name": row.name} if row is not None else None


def _slug_names(rows):
    return [{"slug": row.slug, "name": row.name} for row in rows]


def _excerpt(description):
    text = html.unescape(strip_tags(description))
    return Truncator(" ".join(text.split())).chars(PUBLIC_EXCERPT_CHARS)


def organisation_ref(organisation):
    if organisation is None:
        return None
    return {"id": organisation.pk, "slug": organisation.slug, "name": organisation.name}


def organisation(request, row):
    return {
        "id": row.pk,
        "slug": row.slug,
        "name": row.name,
        "url": request.build_absolute_uri(row.get_absolute_url()),
        "org_type": row.org_type,
        "country": _code_name(row.country),
        "website": row.website,
        "description": row.description,
        "is_partner": row.is_partner,
        "created_at": row.created_at,
    }


def partner_external_id(row):
    """The id the partner gave the row on import, or None.

    Imports store partner ids as "<organisation id>:<id>" because they are only
    unique within one partner (verdex.imports.processing.Importer.stored_id);
    the partner gets back its own id. Patent numbers are stored as they are.
    """
    if not row.external_id:
        return None
    prefix = f"{row.organisation_id}:"
    if row.source == Source.PARTNER and row.external_id.startswith(prefix):
        return row.external_id[len(prefix):]
    return row.external_id


def listing(request, row, user):
    """``row`` for ``user``: public fields always, the rest only with full details."""
    full = permissions.can_see_full_details(user, row)
    data = {
        "id": row.pk,
        "kind": row.kind,
        "url": request.build_absolute_uri(row.get_absolute_url()),
        "title": row.title,
        "organisation": organisation_ref(row.organisation),
        "fields": [
            {"code": field.code, "name": field.name, "root": (field.root or field).code}
            for field in row.fields.all()
        ],
        "sdgs": sorted(sdg.number for sdg in row.sdgs.all()),
        "source": row.source,
        "external_id": partner_external_id(row),
        "full_details": full,
    }
    data.update(_PUBLIC[row.kind](row))
    if full:
        data.update(
            status=row.status,
            description=row.description,
            created_at=row.created_at,
            updated_at=row.updated_at,
            published_at=row.published_at,
        )
        data.update(_FULL[row.kind](row))
        # Publishing clears the reason, so only unpublished rows can have one to show.
        if row.status != Status.PUBLISHED and permissions.can_edit(user, row):
            data["rejection_reason"] = row.rejection_reason
    return data


def _technology_public(row):
    return {"summary": row.summary, "trl_group": row.trl_group, "developed_in": _code_name(row.developed_in)}


def _technology_full(row):
    return {
        "trl": row.trl,
        "record_type": row.record_type,
        "ip_status": row.ip_status,
        "patent_numbers": row.patent_numbers,
        "benefits": _slug_names(row.benefits.all()),
        "benefits_other": row.benefits_other,
        "availability": _slug_names(row.availability.all()),
        "available_in": [_code_name(country) for country in row.available_in.all()],
        "available_regions": [_code_name(region) for region in row.available_regions.all()],
        "website": row.website,
    }


def _need_public(row):
    return {
        "excerpt": _excerpt(row.description),
        "country": _code_name(row.country),
        "desired_trl_group": row.desired_trl_group,
    }


def _need_full(row):
    return {
        "region": _code_name(row.region),
        "location": row.location,
        "desired_arrangements": _slug_names(row.desired_arrangements.all()),
        "budget": row.budget,
        "timeline": row.timeline,
    }


def _expert_public(row):
    return {"excerpt": _excerpt(row.description), "country": _code_name(row.country)}


def _expert_full(row):
    return {
        "full_name": row.full_name,
        "availability": row.availability,
        "languages": [_code_name(language) for language in row.languages.all()],
        "countries_served": [_code_name(country) for country in row.countries_served.all()],
    }


_PUBLIC = {"technology": _technology_public, "need": _need_public, "expert": _expert_public}
_FULL = {"technology": _technology_full, "need": _need_full, "expert": _expert_full}
