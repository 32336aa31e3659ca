"""Loads the reference data into the taxonomy tables.

Called from a data migration with the historical models, so it only uses the
``apps`` registry it is given. Safe to run again: rows are upserted by key.
"""

import pycountry

from .data import fields as field_data
from .data import places


def load_reference_data(apps):
    _load_fields(apps)
    _load_simple(apps.get_model("taxonomy", "SDG"), "number", field_data.SDGS)
    _load_simple(apps.get_model("taxonomy", "Benefit"), "slug", field_data.BENEFITS)
    _load_simple(apps.get_model("taxonomy", "Arrangement"), "slug", field_data.ARRANGEMENTS)
    _load_languages(apps)
    _load_places(apps)


def _load_simple(model, key, rows):
    for value, name in rows:
        model.objects.update_or_create(**{key: value}, defaults={"name": name})


def _load_fields(apps):
    TechnologyField = apps.get_model("taxonomy", "TechnologyField")
    for scheme, tree in (("cpc", field_data.CPC), ("gi", field_data.GREEN_INVENTORY)):
        for code, name, children in tree:
            root, _ = TechnologyField.objects.update_or_create(
                code=code, defaults={"scheme": scheme, "name": name, "depth": 0, "parent": None}
            )
            root.root = root
            root.save(update_fields=["root"])
            for child_code, child_name in children:
                TechnologyField.objects.update_or_create(
                    code=child_code,
                    defaults={
                        "scheme": scheme,
                        "name": child_name,
                        "depth": 1,
                        "parent": root,
                        "root": root,
                    },
                )


def _load_languages(apps):
    Language = apps.get_model("taxonomy", "Language")
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None)
        if code:
            Language.objects.update_or_create(code=code, defaults={"name": language.name})


def _load_places(apps):
    Region = apps.get_model("taxonomy", "Region")
    Country = apps.get_model("taxonomy", "Country")
    country_places = {}
    for region_code, (region_name, subregions) in places.REGIONS.items():
        region, _ = Region.objects.update_or_create(
            code=region_code, defaults={"name": region_name, "kind": "region"}
        )
        for sub_code, (sub_name, members) in subregions.items():
            subregion, _ = Region.objects.update_or_create(
                code=sub_code, defaults={"name": sub_name, "kind": "subregion"}
            )
            for alpha2 in members.split():
                country_places[alpha2] = (region, subregion)
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        region, subregion = country_places.get(country.alpha_2, (None, None))
        Country.objects.update_or_create(
            code=country.alpha_2,
            defaults={"name": name, "region": region, "subregion": subregion},
        )
    for group_code, (group_name, members) in places.GROUPS.items():
        group, _ = Region.objects.update_or_create(
            code=group_code, defaults={"name": group_name, "kind": "group"}
        )
        group.group_countries.set(Country.objects.filter(code__in=members.split()))
