"""The shapes of the hand-written demo content.

A technology ``Concept`` holds what every variant of one kind of technology
shares (fields, benefits, the general explanation); each ``Variant`` is one
listing with its own owner, place, maturity and wording.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    title: str
    owner: str  # key of an organisation, or of an independent inventor
    trl: int
    ip: str  # patented | pending | know_how | open
    summary: str
    note: str  # opening paragraph: what this variant is and where it runs
    where: str = ""  # further ISO country codes where it can be deployed
    avail: tuple = ()  # arrangement slugs; empty means "follow the IP status"
    status: str = "published"
    reason: str = ""  # shown to the owner of a rejected listing


@dataclass(frozen=True)
class Concept:
    fields: tuple
    benefits: tuple
    sdgs: tuple
    about: str  # HTML paragraph(s) shared by the variants
    features: tuple
    variants: tuple
    record: str = "product"
    benefits_other: str = ""


def concept(fields, benefits, sdgs, about, features, *variants, record="product", other=""):
    return Concept(
        fields=tuple(fields.split()), benefits=tuple(benefits.split()), sdgs=tuple(sdgs),
        about=about, features=tuple(features), variants=tuple(variants), record=record,
        benefits_other=other,
    )


def v(title, owner, trl, ip, summary, note, where="", **extra):
    return Variant(title=title, owner=owner, trl=trl, ip=ip, summary=summary, note=note,
                   where=where, **extra)


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    org_type: str
    country: str
    city: str
    description: str
    contact: str  # full name of the contact person
    job_title: str
    languages: str = "en"
    partner: bool = False
    domain: str = ""


@dataclass(frozen=True)
class Inventor:
    key: str
    name: str
    country: str
    bio: str
    languages: str = "en"


@dataclass(frozen=True)
class NeedText:
    title: str
    owner: str
    fields: tuple
    sdgs: tuple
    description: str
    location: str = ""
    country: str = ""  # defaults to the organisation's country
    budget: str = ""
    timeline: str = ""
    maturity: str = ""  # a TRLGroup value, or empty for "any"
    arrangements: tuple = ()
    status: str = "published"
    reason: str = ""


def need(title, owner, fields, sdgs, description, **extra):
    if "arrangements" in extra:
        extra["arrangements"] = tuple(extra["arrangements"].split())
    return NeedText(title=title, owner=owner, fields=tuple(fields.split()), sdgs=tuple(sdgs),
                    description=description, **extra)


@dataclass(frozen=True)
class ExpertText:
    full_name: str
    headline: str
    country: str
    fields: tuple
    description: str
    languages: str
    serves: str
    availability: str = "both"
    organisation: str = ""
    status: str = "published"


def expert(full_name, headline, country, fields, description, languages, serves, **extra):
    return ExpertText(full_name=full_name, headline=headline, country=country,
                      fields=tuple(fields.split()), description=description,
                      languages=languages, serves=serves, **extra)
