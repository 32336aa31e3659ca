"""Facets: the filters of the browse pages and the counts shown beside them.

Each facet knows three things: which submitted values are valid (anything
else is dropped, so a hand-edited URL never reaches the database as a bad
value), how to filter by its values (several values of one facet are OR-ed),
and how to count the rows of a matched set per value.
"""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q

from .query import MAX_VALUE_LENGTH, MAX_VALUES_PER_FACET, FacetOption

# SQLite and PostgreSQL integers; a larger number cannot name a row.
_MAX_INTEGER = 2**31 - 1


class FacetFilter(Q):
    """One facet's selected values as a filter: a Q for the database, and the facet and
    values themselves for the in-process listing index (listing_index.rows_passing)."""

    def __init__(self, facet, model, values):
        super().__init__(facet.q(model, values))
        self.facet = facet
        self.values = list(values)


def _unique_strings(values):
    seen = []
    for value in values[:MAX_VALUES_PER_FACET]:
        value = str(value).strip()
        if value and len(value) <= MAX_VALUE_LENGTH and value not in seen:
            seen.append(value)
    return seen


class Facet:
    """A facet over ``path``, a lookup from the searched model to the value."""

    def __init__(self, name, label, path, *, many=False):
        self.name = name
        self.label = label
        self.path = path
        # Facets across a many-to-many relation filter through a subquery so
        # that a row with two matching values is neither doubled nor miscounted.
        self.many = many

    def clean(self, values):
        raise NotImplementedError

    def db_values(self, values):
        return values

    def index_values(self, values):
        """The selected values as the listing index holds them (the database's values of ``path``)."""
        return self.db_values(values)

    def q(self, model, values):
        lookup = {f"{self.path}__in": self.db_values(values)}
        if self.many:
            return Q(pk__in=model.objects.filter(**lookup).values("pk"))
        return Q(**lookup)

    def sql_counts(self, model, matched_ids):
        """{value: rows of ``model`` among ``matched_ids`` (a subquery) having it}, in SQL."""
        rows = (
            model.objects.filter(pk__in=matched_ids)
            .exclude(**{f"{self.path}__isnull": True})
            .values(self.path)
            .annotate(count=Count("pk", distinct=True))
            .order_by()
        )
        return {row[self.path]: row["count"] for row in rows}

    def options(self, counts, selected):
        """The options to show, from ``counts`` ({database value: count}) and the selected values."""
        raise NotImplementedError


class ChoiceFacet(Facet):
    """Values from a fixed list of choices, shown in the list's own order."""

    def __init__(self, name, label, path, choices, **kwargs):
        super().__init__(name, label, path, **kwargs)
        self.choices = dict(choices)

    def clean(self, values):
        return [value for value in _unique_strings(values) if value in self.choices]

    def options(self, counts, selected):
        return [
            FacetOption(value, label, counts.get(value, 0), value in selected)
            for value, label in self.choices.items()
            if counts.get(value) or value in selected
        ]


class BooleanFacet(ChoiceFacet):
    """A yes/no field offered as two options, e.g. partner organisations or not."""

    def __init__(self, name, label, path, *, yes_label, no_label):
        super().__init__(name, label, path, {"yes": yes_label, "no": no_label})

    def db_values(self, values):
        return [value == "yes" for value in values]

    def options(self, counts, selected):
        counts = {"yes" if value else "no": count for value, count in counts.items()}
        return [
            FacetOption(value, label, counts.get(value, 0), value in selected)
            for value, label in self.choices.items()
            if counts.get(value) or value in selected
        ]


class ModelFacet(Facet):
    """Values that are keys of reference rows (countries, fields, SDGs, ...).

    ``path`` reaches the reference row's ``key`` from the listing, and
    ``label_field`` is the reference row's name. ``reference`` limits which
    rows may be chosen (e.g. only top-level technology fields).
    """

    def __init__(self, name, label, path, *, model, key, label_field="name", reference=Q(),
                 by_key=False, label_template="{name}", **kwargs):
        super().__init__(name, label, path, **kwargs)
        self.model = model
        self.key = key
        self.label_field = label_field
        self.reference = reference
        self.by_key = by_key  # keep reference order (SDG 1, 2, ...) instead of most rows first
        self.label_template = label_template

    def _coerce(self, value):
        field = self.model._meta.get_field(self.key)
        try:
            coerced = field.to_python(value)
        except ValidationError:
            return None
        if isinstance(coerced, int) and not 0 <= coerced <= _MAX_INTEGER:
            return None
        return coerced

    def clean(self, values):
        wanted = []
        for value in _unique_strings(values):
            coerced = self._coerce(value)
            if coerced is not None and coerced not in wanted:
                wanted.append(coerced)
        if not wanted:
            return []
        found = set(
            self.model.objects.filter(self.reference, **{f"{self.key}__in": wanted})
            .values_list(self.key, flat=True)
        )
        return [str(key) for key in wanted if key in found]

    def index_values(self, values):
        return [self._coerce(value) for value in values]

    def _label(self, key, name):
        return self.label_template.format(key=key, name=name)

    def options(self, counts, selected):
        wanted = set(counts) | {self._coerce(value) for value in selected}
        names = dict(self.model.objects.filter(**{f"{self.key}__in": wanted})
                     .values_list(self.key, self.label_field))
        options = [
            FacetOption(str(key), self._label(key, names.get(key, key)), counts.get(key, 0),
                        str(key) in selected)
            for key in wanted
            if key is not None and (counts.get(key) or str(key) in selected)
        ]
        if self.by_key:
            options.sort(key=lambda option: self._coerce(option.value))
        else:
            options.sort(key=lambda option: (-option.count, option.label))
        return options
