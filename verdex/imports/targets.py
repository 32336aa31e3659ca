"""The listing fields a file column can fill, and turning cell text into form data.

Cells are converted into exactly what the catalog's web forms receive (codes,
primary keys, choice values), so the forms stay the single place where listing
rules live. Only the look-ups the forms cannot explain well (an unknown country
name, an unknown field code) are checked here, with a message naming the value.
"""

import copy
import re
from dataclasses import dataclass

import pycountry
from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import linebreaks

from verdex.catalog.forms import LISTING_FORMS
from verdex.taxonomy.models import SDG, Arrangement, Benefit, Country, Language, Region, TechnologyField

from . import concordance


# Text fields a real corpus often overfills: cut to the limit (with a warning) instead of rejecting the row.
CUT_TO_FIT = {"summary"}


@dataclass(frozen=True)
class Target:
    name: str
    label: str
    type: str = "text"
    required: bool = False
    synonyms: tuple = ()


EXTERNAL_ID = Target(
    "external_id", "Your ID for the record", "id", True,
    ("id", "reference", "ref", "record id", "identifier", "code"),
)
_FIELDS = Target("fields", "Technology fields (codes, CPC or IPC)", "fields", synonyms=("technology fields", "cpc", "ipc"))
_SDGS = Target("sdgs", "SDGs (numbers 1–17)", "sdgs", synonyms=("sdg", "goals"))

TARGETS = {
    "technology": [
        EXTERNAL_ID,
        Target("title", "Title", required=True, synonyms=("name", "technology")),
        Target("summary", "Short summary", required=True, synonyms=("abstract", "short description")),
        Target("description", "Description", "html", True, ("details", "long description")),
        Target("trl", "Technology readiness level (1–9)", "trl", True, ("readiness", "maturity", "trl level")),
        Target("developed_in", "Country where it was developed", "country", True, ("country", "origin")),
        Target("ip_status", "IP status", "choice", True, ("ip", "intellectual property")),
        Target("patent_numbers", "Patent numbers", synonyms=("patents", "patent", "publication number")),
        Target("record_type", "Type of technology", "choice", synonyms=("type",)),
        _FIELDS,
        _SDGS,
        Target("benefits", "Environmental benefits", "benefits"),
        Target("benefits_other", "Other benefits"),
        Target("available_in", "Available in countries (separated by ;)", "countries", synonyms=("countries",)),
        Target("available_regions", "Available in regions (separated by ;)", "regions", synonyms=("regions",)),
        Target("availability", "Available for (licensing, sale, …)", "arrangements", synonyms=("arrangements",)),
        Target("website", "Website", synonyms=("url", "link", "web")),
    ],
    "need": [
        EXTERNAL_ID,
        Target("title", "Title", required=True, synonyms=("name", "need")),
        Target("description", "Problem description", "html", True, ("details", "problem")),
        Target("country", "Country where the need is", "country", True),
        Target("region", "Wider region", "region"),
        Target("location", "City, province or site", synonyms=("city", "site")),
        _FIELDS,
        _SDGS,
        Target("desired_trl_group", "Desired maturity", "choice", synonyms=("maturity",)),
        Target("desired_arrangements", "Arrangements open to", "arrangements", synonyms=("arrangements",)),
        Target("budget", "Budget"),
        Target("timeline", "Timeline"),
    ],
    "expert": [
        EXTERNAL_ID,
        Target("full_name", "Full name", required=True, synonyms=("name", "expert")),
        Target("title", "Headline", required=True, synonyms=("headline", "expertise")),
        Target("description", "Experience", "html", True, ("experience", "biography", "bio")),
        Target("country", "Country where the expert is based", "country", True),
        Target("countries_served", "Countries served (separated by ;)", "countries", synonyms=("countries",)),
        Target("languages", "Languages (separated by ;)", "languages"),
        Target("availability", "Availability", "choice"),
        _FIELDS,
        _SDGS,
    ],
}

_MULTI_SPLIT = re.compile(r"[;|\n]")
_LIST_SPLIT = re.compile(r"[;|,\n]")
_HAS_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def _norm(text):
    return re.sub(r"[^a-z0-9]", "", str(text).casefold())


def targets_for(kind):
    return TARGETS[kind]


def suggest_mapping(kind, headers, saved=None):
    """A mapping target → column: the saved one where its columns still exist, else by name."""
    saved = {name: column for name, column in (saved or {}).items() if column in headers}
    by_norm = {_norm(header): header for header in headers}
    mapping = {}
    for target in TARGETS[kind]:
        if target.name in saved:
            mapping[target.name] = saved[target.name]
            continue
        for candidate in (target.name, target.label, *target.synonyms):
            column = by_norm.get(_norm(candidate))
            if column and column not in mapping.values():
                mapping[target.name] = column
                break
    return mapping


def mapping_errors(kind, mapping, headers):
    """Problems with a mapping as a whole: unknown targets or columns, required fields missing."""
    names = {target.name: target for target in TARGETS[kind]}
    errors = [f"“{name}” is not a field of this kind of listing." for name in mapping if name not in names]
    errors += [
        f"{name}: the file has no column “{column}”." for name, column in mapping.items()
        if name in names and column not in headers
    ]
    errors += [
        f"{target.name}: choose the column for {target.label.lower()}; it is required."
        for target in TARGETS[kind] if target.required and not mapping.get(target.name)
    ]
    return errors


class Vocabulary:
    """Reference data looked up once per import, so rows convert without queries."""

    def __init__(self, kind):
        self.form_class = LISTING_FORMS[kind]
        self.countries = {}
        for code, name in Country.objects.values_list("code", "name"):
            self.countries[code.casefold()] = code
            self.countries[name.casefold()] = code
        self.regions = {}
        for pk, code, name in Region.objects.values_list("pk", "code", "name"):
            self.regions[code.casefold()] = pk
            self.regions[name.casefold()] = pk
        self.fields = dict(TechnologyField.objects.values_list("code", "pk"))
        self.field_codes = set(self.fields)
        self.sdgs = set(SDG.objects.values_list("number", flat=True))
        self.benefits = self._slug_or_name(Benefit)
        self.arrangements = self._slug_or_name(Arrangement)
        self.languages = {}
        for code, name in Language.objects.values_list("code", "name"):
            self.languages[code.casefold()] = code
            self.languages[name.casefold()] = code

    @staticmethod
    def _slug_or_name(model):
        found = {}
        for pk, slug, name in model.objects.values_list("pk", "slug", "name"):
            found[slug.casefold()] = pk
            found[name.casefold()] = pk
            found[_norm(name)] = pk
        return found

    def country(self, text):
        key = text.strip().casefold()
        if key in self.countries:
            return self.countries[key]
        try:
            code = pycountry.countries.lookup(text.strip()).alpha_2
        except LookupError:
            code = ""
        self.countries[key] = code if code.casefold() in self.countries else None
        return self.countries[key]

    def field_pks(self, token):
        code = re.sub(r"\s+", "", token).upper()
        if code in self.fields:
            return [self.fields[code]]
        codes = concordance.fields_for_codes([token], self.field_codes)
        return [self.fields[code] for code in sorted(codes)]


def _split(text, pattern=_MULTI_SPLIT):
    return [part.strip() for part in pattern.split(text) if part.strip()]


def _choice(form_field, text):
    wanted = _norm(text)
    for value, label in form_field.choices:
        if value != "" and wanted in (_norm(value), _norm(label)):
            return value
    return None


class RowConverter:
    """Turns one row's cells into the data a listing form receives, naming bad values."""

    def __init__(self, kind, mapping, vocabulary):
        self.kind = kind
        self.vocabulary = vocabulary
        self.form_fields = vocabulary.form_class.base_fields
        self.targets = [target for target in TARGETS[kind] if mapping.get(target.name)]
        self.mapping = mapping

    def convert(self, cells):
        """(external_id, {form field: value}, {form field: [problems]}, {form field: [warnings]}).

        Warnings name what was changed to fit (a summary cut to its limit); the row is still imported.
        """
        data, problems, warnings = {}, {}, {}
        external_id = ""
        for target in self.targets:
            text = str(cells.get(self.mapping[target.name], "")).strip()
            if target.type == "id":
                external_id = text
                continue
            if target.name in CUT_TO_FIT:
                text, warning = self._cut_to_fit(target, text)
                if warning:
                    warnings[target.name] = [warning]
            value, errors = self._convert(target, text)
            if errors:
                problems[target.name] = errors
            else:
                data[target.name] = value
        return external_id, data, problems, warnings

    def _cut_to_fit(self, target, text):
        """``text`` cut at the last word boundary within the form field's limit, and a warning saying so."""
        limit = self.form_fields[target.name].max_length
        if not limit or len(text) <= limit:
            return text, ""
        cut = text[: limit - 1].rsplit(None, 1)[0] if " " in text[: limit - 1].strip() else text[: limit - 1]
        cut = cut.rstrip(" ,;:-") + "…"
        return cut, f"{len(text):,} characters, cut to {len(cut):,} at a word boundary (the limit is {limit:,})"

    def _convert(self, target, text):
        method = getattr(self, f"_to_{target.type}")
        return method(target, text)

    def _to_text(self, target, text):
        return text, []

    def _to_html(self, target, text):
        if text and not _HAS_TAG.search(text):
            text = linebreaks(text, autoescape=True)
        return text, []

    def _to_trl(self, target, text):
        match = re.fullmatch(r"(?:trl\s*)?(\d+)(?:\.0+)?", text.strip(), flags=re.IGNORECASE)
        return (match.group(1) if match else text), []

    def _to_choice(self, target, text):
        if not text:
            return "", []
        value = _choice(self.form_fields[target.name], text)
        if value is None:
            allowed = ", ".join(str(v) for v, _ in self.form_fields[target.name].choices if v != "")
            return None, [f"unknown value '{text}' (use one of: {allowed})"]
        return value, []

    def _to_country(self, target, text):
        if not text:
            return "", []
        code = self.vocabulary.country(text)
        return (code, []) if code else (None, [f"unknown country '{text}'"])

    def _lookup_each(self, tokens, lookup, what):
        found, errors = [], []
        for token in tokens:
            value = lookup(token)
            if value is None or value == []:
                errors.append(f"unknown {what} '{token}'")
            elif isinstance(value, list):
                found.extend(value)
            else:
                found.append(value)
        return list(dict.fromkeys(found)), errors

    def _to_countries(self, target, text):
        tokens = []
        for token in _split(text):
            # "KE, TZ" is two countries, "Korea, Republic of" one: try the whole first.
            if "," in token and self.vocabulary.country(token) is None:
                tokens.extend(_split(token, _LIST_SPLIT))
            else:
                tokens.append(token)
        found, errors = self._lookup_each(tokens, self.vocabulary.country, "country")
        return (None, errors) if errors else (found, [])

    def _to_region(self, target, text):
        if not text:
            return "", []
        pk = self.vocabulary.regions.get(text.casefold())
        return (pk, []) if pk else (None, [f"unknown region '{text}'"])

    def _to_regions(self, target, text):
        found, errors = self._lookup_each(_split(text), lambda t: self.vocabulary.regions.get(t.casefold()), "region")
        return (None, errors) if errors else (found, [])

    def _to_fields(self, target, text):
        found, errors = self._lookup_each(_split(text, _LIST_SPLIT), self.vocabulary.field_pks, "technology field")
        return (None, errors) if errors else (found, [])

    def _to_sdgs(self, target, text):
        def sdg(token):
            match = re.fullmatch(r"(?:sdg\s*)?(\d+)(?:\.0+)?", token, flags=re.IGNORECASE)
            number = int(match.group(1)) if match else None
            return number if number in self.vocabulary.sdgs else None

        found, errors = self._lookup_each(_split(text, _LIST_SPLIT), sdg, "SDG")
        return (None, errors) if errors else (found, [])

    def _named(self, table, what):
        def lookup(token):
            return table.get(token.casefold()) or table.get(_norm(token))

        def convert(target, text):
            found, errors = self._lookup_each(_split(text, _LIST_SPLIT), lookup, what)
            return (None, errors) if errors else (found, [])

        return convert

    def _to_benefits(self, target, text):
        return self._named(self.vocabulary.benefits, "benefit")(target, text)

    def _to_arrangements(self, target, text):
        return self._named(self.vocabulary.arrangements, "arrangement")(target, text)

    def _to_languages(self, target, text):
        return self._named(self.vocabulary.languages, "language")(target, text)


class _CachedChoice:
    """Resolves a model choice from objects loaded once per import instead of a query per row."""

    objects = {}

    def __deepcopy__(self, memo):
        # Every form copies its fields; cloning the queryset each time is needless here.
        return forms.Field.__deepcopy__(self, memo)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        found = self.objects.get(str(value))
        if found is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return found


class _CachedMultipleChoice:
    objects = {}

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)

    def _check_values(self, value):
        found = []
        for item in value:
            obj = self.objects.get(str(item))
            if obj is None:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                )
            found.append(obj)
        return found


def import_form_class(form_class, organisation):
    """``form_class`` with the same fields and rules, but its model choices checked from memory.

    On a 100,000-row file the catalog form's one query per choice field and row
    is most of the time; the choices themselves are small reference tables. The
    organisation field accepts only the organisation being imported for.
    """
    declared, foreign_keys = {}, set()
    for name, field in form_class.base_fields.items():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        mixin = _CachedMultipleChoice if isinstance(field, forms.ModelMultipleChoiceField) else _CachedChoice
        if name == "organisation":
            objects = {str(organisation.pk): organisation}
        else:
            objects = {str(obj.pk): obj for obj in field.queryset}
        cached = copy.deepcopy(field)
        cached.__class__ = type(f"Cached{type(field).__name__}", (mixin, type(field)), {"objects": objects})
        declared[name] = cached
        if not isinstance(field, forms.ModelMultipleChoiceField):
            foreign_keys.add(name)

    def _get_validation_exclusions(self):
        # The form field has just found the object in memory; the model's own
        # check would ask the database again. A row whose object vanished since
        # is still refused by the database's foreign key when it is written.
        return super(form, self)._get_validation_exclusions() | foreign_keys

    def clean_title(self):
        # Real corpora have short titles ("Rice", "Tin"): an import needs a title, not a minimum length.
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError("This field is required.", code="required")
        return title

    declared["_get_validation_exclusions"] = _get_validation_exclusions
    if "title" in form_class.base_fields:
        declared["clean_title"] = clean_title
    form = type(f"Import{form_class.__name__}", (form_class,), declared)
    return form
