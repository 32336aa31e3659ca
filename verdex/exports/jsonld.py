"""Records in the schema.org vocabulary, for linked-data consumers and search engines.

A technology is a ``Product`` (a patent record a ``CreativeWork``), a need a
``Demand``, an expert a ``Person`` and an organisation an ``Organization``.
Only what the record holds is said, so a visitor's JSON-LD carries the
public summary and a member's the full details.
"""

from django.core.serializers.json import DjangoJSONEncoder

CONTEXT = "https://schema.org"

_encoder = DjangoJSONEncoder()


def _date(value):
    return _encoder.default(value) if value else None


def _organisation(name):
    return {"@type": "Organization", "name": name} if name else None


def _country(record):
    return {"@type": "Country", "name": record["country"], "identifier": record["country_code"]}


def _address(record):
    return {"@type": "PostalAddress", "addressCountry": record["country_code"]}


def _property(name, value):
    return {"@type": "PropertyValue", "name": name, "value": value}


def _technology(record):
    is_patent = record["record_type"] == "Patent"
    properties = [_property("Technology readiness", record["trl_group"])]
    if "trl" in record:
        properties.append(_property("Technology readiness level", record["trl"]))
    if record.get("ip_status"):
        properties.append(_property("IP status", record["ip_status"]))
    properties += [_property("Available for", value) for value in record.get("availability", [])]
    properties += [_property("Environmental benefit", value) for value in record.get("benefits", [])]
    return {
        "@type": "CreativeWork" if is_patent else "Product",
        "name": record["title"],
        "description": record.get("description") or record["summary"],
        # Members' description is the full text; the summary then still helps.
        "disambiguatingDescription": record["summary"] if "description" in record else None,
        "category": record["fields"],
        "countryOfOrigin": _country(record),
        # Product names its maker as brand; a patent's holder is its provider.
        ("provider" if is_patent else "brand"): _organisation(record["organisation"]),
        "additionalProperty": properties,
        "identifier": record.get("patent_numbers") or None,
        "areaServed": record.get("available_countries") or None,
    }


def _need(record):
    return {
        "@type": "Demand",
        "name": record["title"],
        "description": record.get("description") or record["summary"],
        "category": record["fields"],
        "areaServed": _country(record),
        # In schema.org (after GoodRelations) the party announcing a Demand is its seller.
        "seller": _organisation(record["organisation"]),
        "availableAtOrFrom": {"@type": "Place", "name": record["location"]} if record.get("location") else None,
    }


def _expert(record):
    return {
        "@type": "Person",
        "name": record["name"],
        "jobTitle": record["title"],
        "description": record.get("description") or record["summary"],
        "knowsAbout": record["fields"],
        "knowsLanguage": [
            {"@type": "Language", "name": name, "alternateName": code}
            for name, code in zip(record.get("languages", []), record.get("language_codes", []))
        ] or None,
        "address": _address(record),
        "worksFor": _organisation(record["organisation"]),
    }


def _organisation_item(record):
    return {
        "@type": "Organization",
        "name": record["name"],
        "description": record["description"] or None,
        "address": _address(record),
        "sameAs": record["website"] or None,
        "additionalType": record["type"],
    }


_BUILDERS = {
    "technology": _technology,
    "need": _need,
    "expert": _expert,
    "organisation": _organisation_item,
}


def to_jsonld(kind, record):
    """One schema.org item (without @context) for an export record of ``kind``."""
    item = {"@id": record["url"], "url": record["url"], **_BUILDERS[kind](record)}
    if kind != "organisation":
        item["datePublished"] = _date(record["published_at"])
        item["dateModified"] = _date(record["updated_at"])
    return {key: value for key, value in item.items() if value not in (None, "", [])}
