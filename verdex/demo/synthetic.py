"""Synthetic published listings for benchmarks, built from the demo content.

Each row recombines fragments of the hand-written content (concepts, variant
wording, places, features) with a random generator seeded per row, so row
``synthetic-<n>`` always gets the same text for the same seed. Rows are marked
``source=partner`` and ``external_id=synthetic-<n>``: generating again skips
the ids that exist, and ``clear`` removes exactly these rows.
"""

import random
from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from modelsearch.models import IndexEntry
from tqdm import tqdm

from verdex.accounts.models import User
from verdex.catalog.models import (
    Bookmark,
    Expert,
    Need,
    Source,
    Status,
    Technology,
    TechnologyAttachment,
    TechnologyImage,
    TRLGroup,
    trl_group_of,
)
from verdex.connections.models import Connection
from verdex.moderation.models import AuditEntry, Report
from verdex.taxonomy.models import Arrangement, Benefit, Country, Language, TechnologyField

from . import content
from .indexing import NewRowIndexer
from .services import DEFAULT_ARRANGEMENTS, HISTORY_DAYS, _patent_numbers

PREFIX = "synthetic-"
OWNER_DOMAIN = "synthetic.verdex.example"
OWNER_COUNT = 100

TITLE_PATTERNS = [
    "{base}",
    "{adjective} {base_lower}",
    "{base} for {place}",
    "{base}, {edition}",
    "{adjective} {base_lower} for {place}",
]
ADJECTIVES = [
    "Compact", "Modular", "Low-cost", "Containerised", "Community-scale", "Industrial",
    "Next-generation", "Rugged", "Lightweight", "High-efficiency", "Open-design", "Retrofit",
]
EDITIONS = [
    "pilot edition", "village scale", "utility scale", "second generation", "mobile version",
    "cold-climate version", "tropical version", "small-farm version", "urban version",
]
PLACE_SENTENCES = [
    "<p>This version was adapted for conditions in {place} and tested with local partners.</p>",
    "<p>Field experience comes from installations around {place}.</p>",
    "<p>The team is looking for partners to replicate the results from {place}.</p>",
    "<p>First deployed near {place}, it has since been offered to other regions.</p>",
]
NEED_OPENINGS = [
    "<p>We are based in {place} and are looking for proven solutions.</p>",
    "<p>This need comes from a programme in {place}.</p>",
    "<p>Our team in {place} would welcome proposals from technology owners.</p>",
]


def generate(*, technologies=0, needs=0, experts=0, batch_size=5000, seed=0, index=True,
             show_progress=True):
    """Create missing synthetic listings ``synthetic-1`` … ``synthetic-N`` per kind."""
    if connection.vendor == "sqlite":
        # The default 2 MB page cache thrashes once the listing indexes outgrow
        # it, which roughly halves the insert rate beyond a few hundred thousand rows.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")
    fragments = _Fragments(seed)
    owners = _ensure_owners()
    created = {}
    for model, count, build in (
        (Technology, technologies, fragments.technology),
        (Need, needs, fragments.need),
        (Expert, experts, fragments.expert),
    ):
        if not count:
            continue
        indexer = NewRowIndexer(model) if index else None
        created[model] = _create_rows(model, count, build, owners, batch_size, indexer, show_progress)
    return {model._meta.verbose_name_plural: n for model, n in created.items()}


def clear(*, show_progress=True):
    """Delete every synthetic listing, its index entries and the synthetic owners."""
    deleted = {}
    with transaction.atomic():
        for model in tqdm((Technology, Need, Expert), desc="Removing synthetic listings",
                          disable=not show_progress):
            rows = _synthetic(model)
            pks = rows.values("pk")
            content_type = ContentType.objects.get_for_model(model)
            for referencing in (Connection, Bookmark, Report, AuditEntry):
                referencing.objects.filter(content_type=content_type, object_id__in=pks).delete()
            if model is Technology:
                TechnologyImage.objects.filter(technology__in=pks).delete()
                TechnologyAttachment.objects.filter(technology__in=pks).delete()
            for field in model._meta.many_to_many:
                field.remote_field.through.objects.filter(
                    **{f"{field.m2m_field_name()}__in": pks}).delete()
            # _raw_delete issues one DELETE instead of loading every row to
            # send signals; the index entries are removed explicitly here.
            entries = IndexEntry.objects.filter(
                content_type=content_type,
                object_id__in=rows.annotate(text_pk=Cast("pk", CharField())).values("text_pk"),
            )
            entries._raw_delete(entries.db)
            deleted[model._meta.verbose_name_plural] = rows._raw_delete(rows.db)
        User.objects.filter(email__endswith=f"@{OWNER_DOMAIN}").delete()
    return deleted


def _synthetic(model):
    # The explicit external_id != "" repeats the condition of the partial unique
    # index on (source, external_id), which lets SQLite use that index.
    return (model.objects.filter(source=Source.PARTNER).exclude(external_id="")
            .filter(external_id__startswith=PREFIX).order_by())


def _ensure_owners():
    existing = list(User.objects.filter(email__endswith=f"@{OWNER_DOMAIN}").order_by("pk"))
    if len(existing) >= OWNER_COUNT:
        return existing
    rng = random.Random(OWNER_COUNT)
    first_names = [p.contact.split()[0] for p in content.ORGANISATIONS]
    last_names = [e.full_name.split()[-1] for e in content.EXPERTS]
    taken = {user.email for user in existing}
    countries = {code: Country.objects.get(code=code) for code in
                 {org.country for org in content.ORGANISATIONS}}
    country_codes = sorted(countries)
    new = []
    for n in range(1, OWNER_COUNT + 1):
        email = f"owner-{n:03d}@{OWNER_DOMAIN}"
        if email not in taken:
            first, last = rng.choice(first_names), rng.choice(last_names)
            new.append(User(username=email, email=email, first_name=first, last_name=last,
                            display_name=f"{first} {last}", password=make_password(None),
                            country=countries[rng.choice(country_codes)]))
    User.objects.bulk_create(new)
    return existing + new


def _create_rows(model, count, build, owners, batch_size, indexer, show_progress):
    """Insert the missing rows in batches, each indexed with its batch; returns how many."""
    now = timezone.now()
    created = 0
    with tqdm(total=count, desc=f"Creating {model._meta.verbose_name_plural}", unit="rows",
              disable=not show_progress) as progress:
        for start in range(1, count + 1, batch_size):
            numbers = range(start, min(start + batch_size, count + 1))
            wanted = {f"{PREFIX}{n}": n for n in numbers}
            existing = set(_synthetic(model).filter(external_id__in=list(wanted))
                           .values_list("external_id", flat=True))
            rows, relations = [], []
            for external_id, n in wanted.items():
                if external_id in existing:
                    continue
                row, m2m = build(n, owners, now)
                row.external_id = external_id
                rows.append(row)
                relations.append(m2m)
            if rows:
                with transaction.atomic():
                    with _dates_as_given(model):
                        model.objects.bulk_create(rows)
                    _insert_relations(model, rows, relations)
                    if indexer:
                        indexer.add(rows)
                created += len(rows)
            progress.update(len(numbers))
    return created


@contextmanager
def _dates_as_given(model):
    """Let bulk_create write the generated created/updated dates, spread like real history.

    auto_now and auto_now_add would stamp "now" on every row; updating the
    dates afterwards cost more than the insert itself. The command runs alone
    in its process, so switching the flags off for the insert is safe.
    """
    stamped = [field for field in model._meta.concrete_fields
               if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)]
    flags = [(field.auto_now, field.auto_now_add) for field in stamped]
    for field in stamped:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, (auto_now, auto_now_add) in zip(stamped, flags):
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _insert_relations(model, rows, relations):
    """Write many-to-many rows with executemany: model instances would dominate the run time."""
    by_field = {}
    for row, m2m in zip(rows, relations):
        for name, ids in m2m.items():
            by_field.setdefault(name, []).extend((row.pk, target) for target in dict.fromkeys(ids))
    with connection.cursor() as cursor:
        for name, pairs in by_field.items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source_column = through._meta.get_field(field.m2m_field_name()).column
            target_column = through._meta.get_field(field.m2m_reverse_field_name()).column
            table = connection.ops.quote_name(through._meta.db_table)
            cursor.executemany(
                f"INSERT INTO {table} ({connection.ops.quote_name(source_column)}, "
                f"{connection.ops.quote_name(target_column)}) VALUES (%s, %s)",
                pairs,
            )


class _Fragments:
    """Pieces of the demo content, resolved to database ids once."""

    def __init__(self, seed):
        self.seed = seed
        self.fields = dict(TechnologyField.objects.values_list("code", "pk"))
        self.benefits = dict(Benefit.objects.values_list("slug", "pk"))
        self.arrangements = dict(Arrangement.objects.values_list("slug", "pk"))
        self.languages = set(Language.objects.values_list("code", flat=True))
        self.concepts = content.TECHNOLOGY_CONCEPTS
        self.needs = content.NEEDS
        self.experts = content.EXPERTS
        self.country_names = dict(Country.objects.values_list("code", "name"))
        self.places = [(org.city, org.country) for org in content.ORGANISATIONS]
        self.countries = sorted({code for _, code in self.places}
                                | {c for e in content.EXPERTS for c in e.serves.split()})
        self.first_names = [e.full_name.split()[0] for e in content.EXPERTS] + \
            [org.contact.split()[0] for org in content.ORGANISATIONS]
        self.last_names = [e.full_name.split()[-1] for e in content.EXPERTS] + \
            [org.contact.split()[-1] for org in content.ORGANISATIONS]

    def _rng(self, n):
        # One generator per row: row n has the same text whatever the batch size,
        # and another --seed gives a different but repeatable data set.
        return random.Random(n * 1_000_003 + self.seed)

    def _dates(self, rng, now):
        published = now - timedelta(days=HISTORY_DAYS * (1 - rng.random() ** 0.5),
                                    seconds=rng.randint(0, 86399))
        created = published - timedelta(days=rng.randint(1, 30))
        return created, published, min(now, published + timedelta(days=rng.choice([0, 0, 7, 60])))

    def _place(self, rng):
        city, code = rng.choice(self.places)
        return city, code, f"{city}, {self.country_names[code]}"

    def technology(self, n, owners, now):
        rng = self._rng(n)
        concept = rng.choice(self.concepts)
        variant, other = rng.choice(concept.variants), rng.choice(concept.variants)
        city, code, place = self._place(rng)
        base = variant.title
        title = rng.choice(TITLE_PATTERNS).format(
            base=base, base_lower=base[0].lower() + base[1:], adjective=rng.choice(ADJECTIVES),
            place=city, edition=rng.choice(EDITIONS),
        )
        features = rng.sample(concept.features, k=rng.randint(2, len(concept.features)))
        trl = rng.randint(3, 9) if rng.random() < 0.8 else rng.randint(1, 9)
        ip = rng.choice(["patented", "pending", "know_how", "open"])
        created, published, updated = self._dates(rng, now)
        available = [code, *rng.sample(self.countries, k=rng.randint(0, 3))]
        row = Technology(
            title=title[:200], owner=rng.choice(owners), status=Status.PUBLISHED,
            source=Source.PARTNER, published_at=published, created_at=created, updated_at=updated,
            summary=f"{variant.summary} Adapted for use in {place}.",
            description=(
                f"{other.note}{concept.about}<ul>"
                + "".join(f"<li>{feature}</li>" for feature in features)
                + "</ul>" + rng.choice(PLACE_SENTENCES).format(place=place)
            ),
            benefits_other=concept.benefits_other, trl=trl, trl_group=trl_group_of(trl),
            developed_in_id=code, ip_status=ip, patent_numbers=_patent_numbers(f"{title}{n}", code, ip),
            record_type=concept.record,
        )
        m2m = {
            "fields": [self.fields[c] for c in concept.fields],
            "sdgs": list(concept.sdgs),
            "benefits": [self.benefits[b] for b in concept.benefits],
            "available_in": available,
            "availability": [self.arrangements[a] for a in DEFAULT_ARRANGEMENTS[ip]],
        }
        return row, m2m

    def need(self, n, owners, now):
        rng = self._rng(n)
        spec = rng.choice(self.needs)
        city, code, place = self._place(rng)
        created, published, updated = self._dates(rng, now)
        row = Need(
            title=f"{spec.title} ({city})"[:200], owner=rng.choice(owners), status=Status.PUBLISHED,
            source=Source.PARTNER, published_at=published, created_at=created, updated_at=updated,
            description=rng.choice(NEED_OPENINGS).format(place=place) + spec.description,
            country_id=code, location=city, budget=spec.budget, timeline=spec.timeline,
            desired_trl_group=spec.maturity or rng.choice([g.value for g in TRLGroup]),
        )
        m2m = {
            "fields": [self.fields[c] for c in spec.fields],
            "sdgs": list(spec.sdgs),
            "desired_arrangements": [self.arrangements[a] for a in spec.arrangements],
        }
        return row, m2m

    def expert(self, n, owners, now):
        rng = self._rng(n)
        spec = rng.choice(self.experts)
        city, code, place = self._place(rng)
        created, published, updated = self._dates(rng, now)
        full_name = f"{rng.choice(self.first_names)} {rng.choice(self.last_names)}"
        row = Expert(
            title=spec.headline, full_name=full_name, owner=rng.choice(owners),
            status=Status.PUBLISHED, source=Source.PARTNER, published_at=published,
            created_at=created, updated_at=updated, country_id=code,
            description=f"<p>Based in {place}.</p>{spec.description}",
            availability=spec.availability,
        )
        m2m = {
            "fields": [self.fields[c] for c in spec.fields],
            "languages": [c for c in spec.languages.split() if c in self.languages],
            "countries_served": [code, *spec.serves.split()],
        }
        return row, m2m
