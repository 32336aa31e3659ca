"""What an export says about each listing or organisation.

Every format (CSV, JSON, JSON-LD, feeds, the public dump) is written from the
same records: one dict per row with a fixed set of keys for each kind and
audience. Visitors get the public summary that search cards and the top of a
detail page show everyone; members get the full public details a detail page
shows them. Nothing else leaves the site: no owner, contact person, status or
moderation notes.
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import Truncator

PUBLIC = "public"
MEMBER = "member"

# As long as the excerpt a visitor sees at the top of a need or expert page.
EXCERPT_CHARS = 300

_BLOCK_END = re.compile(r"</(p|li|h3|h4|blockquote|pre)>|<br\s*/?>", re.IGNORECASE)


def audience_for(user):
    return MEMBER if user.is_authenticated else PUBLIC


def plain_text(rich_text):
    """Sanitised description HTML as plain text, one line per paragraph or list item."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", rich_text or "")))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def excerpt(rich_text):
    return Truncator(" ".join(plain_text(rich_text).split())).chars(EXCERPT_CHARS)


def summary_of(listing):
    """A technology's own summary, else a plain-text excerpt of the description."""
    return listing.summary if listing.kind == "technology" else excerpt(listing.description)


def _names(related):
    return [str(item.name) for item in related.all()]


def _fields(listing):
    return [f"{item.code} {item.name}" for item in listing.fields.all()]


def _sdgs(listing):
    return [f"SDG {sdg.number}: {sdg.name}" for sdg in listing.sdgs.all()]


def _organisation(obj):
    return obj.organisation.name if obj.organisation_id else ""


def _patent_numbers(technology):
    return [number.strip() for number in technology.patent_numbers.split(",") if number.strip()]


@dataclass(frozen=True)
class Shape:
    """The columns of one kind: ``public`` for everyone, ``member`` added for members.

    Each column maps to a function of the object. ``related_*`` lists what
    to fetch in bulk so that a 10,000-row export runs a handful of queries.
    """

    public: dict
    member: dict = field(default_factory=dict)
    select_public: tuple = ()
    prefetch_public: tuple = ()
    prefetch_member: tuple = ()

    def columns(self, audience):
        names = ["id", "url", *self.public]
        return names + list(self.member) if audience == MEMBER else names

    def prepare(self, queryset, audience):
        prefetch = self.prefetch_public + (self.prefetch_member if audience == MEMBER else ())
        return queryset.select_related(*self.select_public).prefetch_related(*prefetch)

    def record(self, obj, audience, base_url):
        getters = dict(self.public)
        if audience == MEMBER:
            getters.update(self.member)
        record = {"id": obj.pk, "url": base_url.rstrip("/") + obj.get_absolute_url()}
        record.update((name, get(obj)) for name, get in getters.items())
        return record


_LISTING_DATES = {
    "published_at": lambda listing: listing.published_at,
    "updated_at": lambda listing: listing.updated_at,
}

SHAPES = {
    "technology": Shape(
        public={
            "title": lambda t: t.title,
            "summary": summary_of,
            "fields": _fields,
            "sdgs": _sdgs,
            "trl_group": lambda t: t.get_trl_group_display(),
            # The search page offers this as a facet to everyone.
            "record_type": lambda t: t.get_record_type_display(),
            "country": lambda t: t.developed_in.name,
            "country_code": lambda t: t.developed_in_id,
            "organisation": _organisation,
            **_LISTING_DATES,
        },
        member={
            "description": lambda t: plain_text(t.description),
            "trl": lambda t: t.trl,
            "benefits": lambda t: _names(t.benefits) + ([t.benefits_other] if t.benefits_other else []),
            "availability": lambda t: _names(t.availability),
            "ip_status": lambda t: t.get_ip_status_display(),
            "patent_numbers": _patent_numbers,
            "available_countries": lambda t: _names(t.available_in),
            "available_regions": lambda t: _names(t.available_regions),
            "website": lambda t: t.website,
        },
        select_public=("organisation", "developed_in"),
        prefetch_public=("fields", "sdgs"),
        prefetch_member=("benefits", "availability", "available_in", "available_regions"),
    ),
    "need": Shape(
        public={
            "title": lambda n: n.title,
            "summary": summary_of,
            "fields": _fields,
            "sdgs": _sdgs,
            "trl_group": lambda n: n.get_desired_trl_group_display(),
            "country": lambda n: n.country.name,
            "country_code": lambda n: n.country_id,
            "organisation": _organisation,
            **_LISTING_DATES,
        },
        member={
            "description": lambda n: plain_text(n.description),
            "region": lambda n: n.region.name if n.region_id else "",
            "location": lambda n: n.location,
            "arrangements": lambda n: _names(n.desired_arrangements),
            "budget": lambda n: n.budget,
            "timeline": lambda n: n.timeline,
        },
        select_public=("organisation", "country"),
        prefetch_public=("fields", "sdgs"),
        prefetch_member=("desired_arrangements", "region"),
    ),
    "expert": Shape(
        public={
            # The expert's name and availability are on every search card.
            "name": lambda e: e.full_name,
            "title": lambda e: e.title,
            "summary": summary_of,
            "fields": _fields,
            "sdgs": _sdgs,
            "availability": lambda e: e.get_availability_display(),
            "country": lambda e: e.country.name,
            "country_code": lambda e: e.country_id,
            "organisation": _organisation,
            **_LISTING_DATES,
        },
        member={
            "description": lambda e: plain_text(e.description),
            "languages": lambda e: _names(e.languages),
            "language_codes": lambda e: [language.code for language in e.languages.all()],
            "countries_served": lambda e: _names(e.countries_served),
        },
        select_public=("organisation", "country"),
        prefetch_public=("fields", "sdgs"),
        prefetch_member=("languages", "countries_served"),
    ),
    # An organisation's page is public in full, so both audiences get the same.
    "organisation": Shape(
        public={
            "name": lambda o: o.name,
            "type": lambda o: o.get_org_type_display(),
            "country": lambda o: o.country.name,
            "country_code": lambda o: o.country_id,
            "partner": lambda o: o.is_partner,
            "website": lambda o: o.website,
            "description": lambda o: plain_text(o.description),
            "created_at": lambda o: o.created_at,
        },
        select_public=("country",),
    ),
}
