"""The filters of the statistics pages, CSV downloads and API: read from GET parameters, never trusted.

One ``Filters`` value drives every figure, so a chart, its table, its CSV and
the API answer the same question. Invalid values are dropped with a message
for the page (or a 400 in the API) rather than raising.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils import timezone

from verdex.organisations.models import Organisation
from verdex.taxonomy.models import Country, Region, TechnologyField

PARAMETERS = ("period", "from", "to", "region", "country", "field", "org_type")
EARLIEST = date(1970, 1, 1)
LATEST = date(2100, 12, 31)

PERIODS = [
    ("", "All time"),
    ("12m", "Last 12 months"),
    ("24m", "Last 24 months"),
    ("this-year", "This year"),
    ("last-year", "Last year"),
]


def _months_back(today, months):
    """The first day of the month ``months - 1`` before ``today``'s: the start of a ``months``-month window."""
    index = today.year * 12 + today.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


def period_bounds(period, today):
    """(from, to) of a preset period; to is None for "up to today"."""
    if period == "12m":
        return _months_back(today, 12), None
    if period == "24m":
        return _months_back(today, 24), None
    if period == "this-year":
        return date(today.year, 1, 1), None
    if period == "last-year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    period: str = ""
    region: Region | None = None
    country: Country | None = None
    field: TechnologyField | None = None
    org_type: str = ""
    errors: list = dataclass_field(default_factory=list, compare=False)

    @property
    def has_listing_filters(self):
        """Whether any filter applies to a listing's own attributes (not its dates)."""
        return bool(self.region or self.country or self.field or self.org_type)

    @property
    def is_unfiltered(self):
        """No filter at all: the figures the background job keeps (snapshots.py)."""
        return not (self.date_from or self.date_to or self.has_listing_filters)

    def key(self):
        """A short, stable text naming these filters, for cache keys."""
        return "|".join([
            self.date_from.isoformat() if self.date_from else "",
            self.date_to.isoformat() if self.date_to else "",
            self.region.code if self.region else "",
            self.country.code if self.country else "",
            self.field.code if self.field else "",
            self.org_type,
        ])

    def params(self):
        """The valid filters as GET parameters (for links to CSV downloads and the API)."""
        values = {
            "from": self.date_from.isoformat() if self.date_from and not self.period else "",
            "to": self.date_to.isoformat() if self.date_to and not self.period else "",
            "period": self.period,
            "region": self.region.code if self.region else "",
            "country": self.country.code if self.country else "",
            "field": self.field.code if self.field else "",
            "org_type": self.org_type,
        }
        return {name: value for name, value in values.items() if value}

    def query_string(self):
        return urlencode(self.params())

    def start(self):
        """The aware datetime the period starts at, or None."""
        return _aware(self.date_from) if self.date_from else None

    def end(self):
        """The aware datetime just after the period (exclusive), or None."""
        return _aware(self.date_to + timedelta(days=1)) if self.date_to else None

    def countries(self):
        """The countries the region and country filters allow, as a queryset; None when any country is allowed."""
        countries = Country.objects.all()
        if self.region:
            region = self.region
            countries = countries.filter(Q(region=region) | Q(subregion=region) | Q(groups=region))
        if self.country:
            countries = countries.filter(pk=self.country.pk)
        return countries if (self.region or self.country) else None

    def field_ids(self):
        """The chosen field and everything below it."""
        if not self.field:
            return None
        ids, frontier = {self.field.pk}, [self.field.pk]
        while frontier:
            frontier = list(TechnologyField.objects.filter(parent__in=frontier).values_list("pk", flat=True))
            ids.update(frontier)
        return ids

    def describe(self):
        """The filters in words, for page headings and CSV files."""
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"published {self.date_from or '…'} to {self.date_to or 'today'}")
        for label, value in (("region", self.region), ("country", self.country), ("field", self.field)):
            if value:
                parts.append(f"{label}: {value.name}")
        if self.org_type:
            parts.append(f"organisation type: {Organisation.Type(self.org_type).label}")
        return "; ".join(parts) or "all listings, all time"


def _aware(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class FilterForm(forms.Form):
    """The filter panel; ``from`` and ``to`` are Python keywords, so the fields are added by name."""

    period = forms.ChoiceField(label="Period", choices=PERIODS, required=False)
    region = forms.ChoiceField(label="Region", required=False)
    country = forms.ChoiceField(label="Country", required=False)
    field = forms.ChoiceField(label="Field", required=False)
    org_type = forms.ChoiceField(label="Organisation type", required=False,
                                 choices=[("", "Any type"), *Organisation.Type.choices])

    def __init__(self, data=None):
        super().__init__(data)
        date_widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields["from"] = forms.DateField(label="From", required=False, widget=date_widget,
                                              error_messages={"invalid": "Enter the start date as YYYY-MM-DD."})
        self.fields["to"] = forms.DateField(label="To", required=False, widget=date_widget,
                                            error_messages={"invalid": "Enter the end date as YYYY-MM-DD."})
        self.fields["region"].choices = [("", "All regions")] + [
            (code, name) for code, name in Region.objects.filter(kind=Region.Kind.REGION).values_list("code", "name")
        ] + [(code, name) for code, name in Region.objects.exclude(kind=Region.Kind.REGION).values_list("code", "name")]
        self.fields["country"].choices = [("", "All countries"), *Country.objects.values_list("code", "name")]
        self.fields["field"].choices = [("", "All fields")] + [
            (code, f"{code} {name}")
            for code, name in TechnologyField.objects.filter(parent__isnull=True).values_list("code", "name")
        ]
        code = (data or {}).get("field", "")
        if code and code not in dict(self.fields["field"].choices) and TechnologyField.objects.filter(
                code=code).exists():  # a sub-field: the API and links may name one, the menu lists top levels
            self.fields["field"].choices = [*self.fields["field"].choices, (code, code)]
        for name in ("region", "country", "field"):
            self.fields[name].error_messages["invalid_choice"] = f"Unknown {name} “%(value)s”: it was ignored."
        self.fields["period"].error_messages["invalid_choice"] = "Unknown period “%(value)s”: it was ignored."
        self.fields["org_type"].error_messages["invalid_choice"] = (
            "Unknown organisation type “%(value)s”: it was ignored.")
        self.order_fields(["period", "from", "to", "region", "country", "field", "org_type"])

    def clean(self):
        data = super().clean()
        for name in ("from", "to"):
            day = data.get(name)
            if day and not (EARLIEST <= day <= LATEST):
                self.add_error(name, f"Dates must lie between {EARLIEST} and {LATEST}: it was ignored.")
        if data.get("from") and data.get("to") and data["from"] > data["to"]:
            self.add_error(None, "The start date is after the end date: the dates were ignored.")
            data.pop("from", None)
            data.pop("to", None)
        return data


def parse(params, today=None):
    """``Filters`` from GET parameters; ``errors`` lists (parameter, message) for values that were ignored."""
    values = {name: (params.get(name) or "").strip() for name in PARAMETERS}
    values["country"] = values["country"].upper()
    form = FilterForm(values)
    form.is_valid()
    data = form.cleaned_data
    errors = [(None if name == "__all__" else name, message)
              for name, messages in form.errors.items() for message in messages]
    today = today or timezone.localdate()
    period = data.get("period") or ""
    date_from, date_to = data.get("from"), data.get("to")
    if period and not (date_from or date_to):
        date_from, date_to = period_bounds(period, today)
    else:
        period = ""
    return Filters(
        date_from=date_from,
        date_to=date_to,
        period=period,
        region=Region.objects.filter(code=data["region"]).first() if data.get("region") else None,
        country=Country.objects.filter(code=data["country"]).first() if data.get("country") else None,
        field=TechnologyField.objects.filter(code=data["field"]).first() if data.get("field") else None,
        org_type=data.get("org_type") or "",
        errors=errors,
    ), form
