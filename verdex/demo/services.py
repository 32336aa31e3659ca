"""Loading and removing the hand-written demo dataset.

Everything is written with bulk_create inside one transaction, so a load is
all-or-nothing and takes seconds. bulk_create skips ``save()`` and signals,
so this module does by hand what they would do: it computes ``trl_group``,
back-dates the auto-now timestamps with bulk_update, writes the audit trail
and adds the listings to the search index.

Demo rows are recognised by their owners: the users whose e-mail addresses
the content defines (see ``demo_user_emails``).
"""

import random
import re
import unicodedata
from collections import defaultdict
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from verdex.accounts.models import User
from verdex.catalog.models import (
    Bookmark,
    Expert,
    Need,
    Source,
    Status,
    Technology,
    stale_before,
    trl_group_of,
)
from verdex.connections.models import AgreementType, Connection, ConnectionEvent, DeclineReason, Stage
from verdex.moderation.models import AuditEntry, Report
from verdex.organisations.models import Invitation, Membership, Organisation
from verdex.taxonomy.models import SDG, Arrangement, Benefit, Country, Language, TechnologyField

from . import content
from .content.connections import REQUEST_MESSAGES, STAGE_NOTES
from .indexing import index_listings

DEMO_PASSWORD = "verdex-demo"
DEMO_EMAIL = "demo@verdex.example"
MODERATOR_EMAIL = "moderator@verdex.example"
ADMIN_EMAIL = "admin@verdex.example"
DEMO_ORGANISATION = "sunfield"  # the demo account is this organisation's contact
EXPERT_DOMAIN = "experts.verdex.example"
INVENTOR_DOMAIN = "inventors.verdex.example"
HISTORY_DAYS = 912  # about 30 months of publication history
SEED = 20240601

# Patent offices by the applicant's country, for plausible publication numbers.
EUROPEAN_PATENT_COUNTRIES = set("AT BE CH CZ DE DK ES FI FR GB GR IE IT NL NO PL PT SE TR".split())

# The only demo users with a usable password (documented in the command's help).
DEMO_ACCOUNTS = (DEMO_EMAIL, MODERATOR_EMAIL, ADMIN_EMAIL)

# How many connections end in each stage; the order interleaves the stages.
CONNECTION_STAGES = (
    [Stage.REQUESTED] * 8 + [Stage.ACCEPTED] * 6 + [Stage.IN_DISCUSSION] * 8
    + [Stage.AGREEMENT] * 6 + [Stage.DEPLOYED] * 5 + [Stage.DECLINED] * 4 + [Stage.CLOSED] * 3
)
STAGE_PATHS = {
    Stage.REQUESTED: [Stage.REQUESTED],
    Stage.ACCEPTED: [Stage.REQUESTED, Stage.ACCEPTED],
    Stage.IN_DISCUSSION: [Stage.REQUESTED, Stage.ACCEPTED, Stage.IN_DISCUSSION],
    Stage.AGREEMENT: [Stage.REQUESTED, Stage.ACCEPTED, Stage.IN_DISCUSSION, Stage.AGREEMENT],
    Stage.DEPLOYED: [Stage.REQUESTED, Stage.ACCEPTED, Stage.IN_DISCUSSION, Stage.AGREEMENT,
                     Stage.DEPLOYED],
    Stage.DECLINED: [Stage.REQUESTED, Stage.DECLINED],
    Stage.CLOSED: [Stage.REQUESTED, Stage.ACCEPTED, Stage.CLOSED],
}
DEFAULT_ARRANGEMENTS = {
    "patented": ("licence", "technical-assistance"),
    "pending": ("licence", "collaboration"),
    "know_how": ("sale", "technical-assistance"),
    "open": ("free", "technical-assistance"),
}
OFFER_PHRASES = {
    "licence": "a licence",
    "sale": "outright sale",
    "joint-venture": "a joint venture",
    "collaboration": "joint R&D",
    "distribution": "distribution partnerships",
    "free": "free use",
    "technical-assistance": "technical assistance",
}
MATURITY_SENTENCES = {
    "research": "It is at research stage (TRL {trl}).",
    "development": "It is at prototype stage (TRL {trl}), validated in the laboratory or in "
                   "pilot tests.",
    "demonstration": "It has been demonstrated in real operating conditions (TRL {trl}).",
    "commercial": "It is commercially available and in regular use (TRL {trl}).",
}


def demo_is_loaded():
    return User.objects.filter(email=DEMO_EMAIL).exists()


def demo_user_emails():
    emails = set(DEMO_ACCOUNTS)
    emails.update(_contact_email(org) for org in content.ORGANISATIONS)
    emails.update(f"{_email_local(i.name)}@{INVENTOR_DOMAIN}" for i in content.INVENTORS)
    emails.update(f"{_email_local(e.full_name)}@{EXPERT_DOMAIN}" for e in content.EXPERTS)
    return emails


def demo_organisation_names():
    return {org.name for org in content.ORGANISATIONS}


def load_demo(*, show_progress=True):
    """Write the demo dataset and index it; returns counts of what was created."""
    with transaction.atomic():
        loader = _Loader(now=timezone.now())
        counts = loader.load()
        for model, rows in loader.listings.items():
            index_listings(model, model.objects.filter(pk__in=[row.pk for row in rows]),
                           show_progress=show_progress)
    return counts


def remove_demo():
    """Delete every demo row: listings, their history, organisations and users."""
    with transaction.atomic():
        users = User.objects.filter(email__in=demo_user_emails())
        organisations = Organisation.objects.filter(name__in=demo_organisation_names())
        for model in (Technology, Need, Expert):
            listings = model.objects.filter(Q(owner__in=users) | Q(organisation__in=organisations))
            content_type = ContentType.objects.get_for_model(model)
            pks = list(listings.values_list("pk", flat=True))
            for referencing in (Connection, Bookmark, Report, AuditEntry):
                referencing.objects.filter(content_type=content_type, object_id__in=pks).delete()
            # Deleted one by one through the ORM so modelsearch drops their index entries.
            listings.delete()
        Connection.objects.filter(Q(requester__in=users) | Q(owner__in=users)).delete()
        Invitation.objects.filter(organisation__in=organisations).delete()
        Membership.objects.filter(Q(user__in=users) | Q(organisation__in=organisations)).delete()
        organisations.delete()
        users.delete()


class _Loader:
    def __init__(self, now):
        self.now = now
        self.rng = random.Random(SEED)
        self.countries = {c.code: c for c in Country.objects.all()}
        self.fields = {f.code: f for f in TechnologyField.objects.all()}
        self.sdgs = {s.number: s for s in SDG.objects.all()}
        self.benefits = {b.slug: b for b in Benefit.objects.all()}
        self.arrangements = {a.slug: a for a in Arrangement.objects.all()}
        self.languages = set(Language.objects.values_list("code", flat=True))
        self.org_specs = {org.key: org for org in content.ORGANISATIONS}
        self.listings = {}
        self.audit = []

    def load(self):
        self._create_organisations()
        self._create_users()
        self._create_memberships()
        self.listings[Technology] = self._create_technologies()
        self.listings[Need] = self._create_needs()
        self.listings[Expert] = self._create_experts()
        self._write_audit_trail()
        connections = self._create_connections()
        bookmarks = self._create_bookmarks()
        return {
            "organisations": len(self.organisations),
            "users": len(self.users_by_email),
            "technologies": len(self.listings[Technology]),
            "needs": len(self.listings[Need]),
            "experts": len(self.listings[Expert]),
            "connections": connections,
            "bookmarks": bookmarks,
        }

    # Dates ---------------------------------------------------------------

    def _publication_date(self):
        # The square root skews towards recent months, so growth charts rise.
        days_ago = HISTORY_DAYS * (1 - self.rng.random() ** 0.5)
        return self.now - timedelta(days=days_ago, minutes=self.rng.randint(0, 1440))

    def _dates(self, status):
        published = self._publication_date()
        created = published - timedelta(days=self.rng.randint(1, 21), hours=self.rng.randint(0, 23))
        updated = min(self.now, published + timedelta(days=self.rng.choice([0, 0, 3, 20, 90])))
        if status in (Status.PUBLISHED, Status.UNPUBLISHED):
            return created, updated, published
        # Listings still in the workflow were started recently.
        created = self.now - timedelta(days=self.rng.randint(2, 60))
        return created, min(self.now, created + timedelta(days=self.rng.randint(0, 3))), None

    # Organisations and people --------------------------------------------

    def _create_organisations(self):
        taken = set(Organisation.objects.values_list("slug", flat=True))
        organisations = []
        for spec in content.ORGANISATIONS:
            slug = slugify(spec.name)[:200]
            while slug in taken:
                slug = f"{slug}-demo"
            taken.add(slug)
            organisations.append(Organisation(
                name=spec.name, slug=slug, org_type=spec.org_type,
                country=self.countries[spec.country], website=f"https://www.{_domain(spec)}",
                description=spec.description, is_partner=spec.partner,
                publishes_without_review=spec.partner,
            ))
        Organisation.objects.bulk_create(organisations)
        for organisation in organisations:
            organisation.created_at = self.now - timedelta(days=HISTORY_DAYS + self.rng.randint(10, 400))
        Organisation.objects.bulk_update(organisations, ["created_at"])
        self.organisations = {spec.key: org for spec, org in zip(content.ORGANISATIONS, organisations)}

    def _create_users(self):
        usable = make_password(DEMO_PASSWORD)
        joined = self.now - timedelta(days=HISTORY_DAYS + 30)
        people = []  # (email, display name, job title, country, languages, flags)
        for spec in content.ORGANISATIONS:
            people.append((_contact_email(spec), spec.contact, spec.job_title, spec.country,
                           spec.languages, {}))
        people += [
            (MODERATOR_EMAIL, "Morgan Reyes", "Listing moderator", "CH", "en fr es",
             {"is_staff": True}),
            (ADMIN_EMAIL, "Alex Admin", "Site administrator", "CH", "en fr",
             {"is_staff": True, "is_superuser": True}),
        ]
        for inventor in content.INVENTORS:
            people.append((f"{_email_local(inventor.name)}@{INVENTOR_DOMAIN}", inventor.name,
                           "Independent inventor", inventor.country, inventor.languages,
                           {"bio": inventor.bio}))
        for profile in content.EXPERTS:
            people.append((f"{_email_local(profile.full_name)}@{EXPERT_DOMAIN}", profile.full_name,
                           profile.headline[:120], profile.country, profile.languages, {}))
        users = []
        for email, name, job_title, country, languages, flags in people:
            first, _, last = name.partition(" ")
            users.append(User(
                username=email, email=email, display_name=name, first_name=first[:150],
                last_name=last[:150], job_title=job_title, country=self.countries[country],
                password=usable if email in DEMO_ACCOUNTS else make_password(None),
                date_joined=joined + timedelta(days=self.rng.randint(0, HISTORY_DAYS)), **flags,
            ))
        User.objects.bulk_create(users)
        User.languages.through.objects.bulk_create([
            User.languages.through(user_id=user.pk, language_id=code)
            for user, person in zip(users, people) for code in person[4].split()
            if code in self.languages
        ])
        EmailAddress.objects.bulk_create([
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        ])
        self.users_by_email = {user.email: user for user in users}
        moderator = self.users_by_email[MODERATOR_EMAIL]
        moderator.user_permissions.add(Permission.objects.get(codename="moderate_listings"))
        self.moderator = moderator
        self.contacts = {spec.key: self.users_by_email[_contact_email(spec)]
                         for spec in content.ORGANISATIONS}
        self.inventors = {i.key: self.users_by_email[f"{_email_local(i.name)}@{INVENTOR_DOMAIN}"]
                          for i in content.INVENTORS}
        self.inventor_countries = {i.key: i.country for i in content.INVENTORS}

    def _create_memberships(self):
        memberships = [
            Membership(organisation=self.organisations[key], user=user, role=Membership.Role.ADMIN)
            for key, user in self.contacts.items()
        ]
        for profile in content.EXPERTS:
            if profile.organisation:
                memberships.append(Membership(
                    organisation=self.organisations[profile.organisation],
                    user=self.users_by_email[f"{_email_local(profile.full_name)}@{EXPERT_DOMAIN}"],
                    role=Membership.Role.MEMBER,
                ))
        Membership.objects.bulk_create(memberships)

    # Listings ------------------------------------------------------------

    def _owner_of(self, key):
        """(owner, organisation or None, country code) for an organisation or inventor key."""
        if key in self.organisations:
            return self.contacts[key], self.organisations[key], self.org_specs[key].country
        return self.inventors[key], None, self.inventor_countries[key]

    def _create_technologies(self):
        rows, m2m = [], []
        partner_serial = defaultdict(int)
        for concept in content.TECHNOLOGY_CONCEPTS:
            for variant in concept.variants:
                owner, organisation, country = self._owner_of(variant.owner)
                spec = self.org_specs.get(variant.owner)
                created, updated, published = self._dates(variant.status)
                patents = _patent_numbers(variant.title, country, variant.ip)
                source, external_id, record_type = Source.USER, "", concept.record
                if spec and spec.partner:
                    partner_serial[spec.key] += 1
                    source, external_id = Source.PARTNER, f"{spec.key}-{partner_serial[spec.key]:04d}"
                elif variant.ip == "patented" and spec and spec.org_type in ("university", "research"):
                    source, external_id = Source.PATENT, patents.split(",")[0]
                    record_type = Technology.RecordType.PATENT
                arrangements = variant.avail or DEFAULT_ARRANGEMENTS[variant.ip]
                available = [country, *variant.where.split()]
                rows.append(Technology(
                    title=variant.title, owner=owner, organisation=organisation,
                    status=variant.status, rejection_reason=variant.reason, source=source,
                    external_id=external_id, published_at=published, summary=variant.summary,
                    description=self._technology_description(concept, variant, arrangements, available),
                    benefits_other=concept.benefits_other, trl=variant.trl,
                    trl_group=trl_group_of(variant.trl), developed_in=self.countries[country],
                    ip_status=variant.ip, patent_numbers=patents, record_type=record_type,
                    website=f"https://www.{_domain(spec)}" if spec and self.rng.random() < 0.5 else "",
                    created_at=created, updated_at=updated,
                ))
                m2m.append((concept, variant, arrangements, available))
        self._bulk_create_backdated(Technology, rows)
        through = Technology.fields.through, Technology.sdgs.through, Technology.benefits.through
        fields, sdgs, benefits, countries, availability = [], [], [], [], []
        for row, (concept, variant, arrangements, available) in zip(rows, m2m):
            fields += [through[0](technology_id=row.pk, technologyfield_id=self.fields[c].pk)
                       for c in concept.fields]
            sdgs += [through[1](technology_id=row.pk, sdg_id=n) for n in concept.sdgs]
            benefits += [through[2](technology_id=row.pk, benefit_id=self.benefits[b].pk)
                         for b in concept.benefits]
            countries += [Technology.available_in.through(technology_id=row.pk, country_id=code)
                          for code in dict.fromkeys(available)]
            availability += [Technology.availability.through(
                technology_id=row.pk, arrangement_id=self.arrangements[slug].pk)
                for slug in arrangements]
        for batch in (fields, sdgs, benefits, countries, availability):
            type(batch[0]).objects.bulk_create(batch)
        return rows

    def _technology_description(self, concept, variant, arrangements, available):
        features = "".join(f"<li>{feature}</li>" for feature in concept.features)
        names = [self.countries[code].name for code in dict.fromkeys(available)]
        offers = [OFFER_PHRASES[slug] for slug in arrangements]
        maturity = MATURITY_SENTENCES[trl_group_of(variant.trl)].format(trl=variant.trl)
        return (
            f"{variant.note}{concept.about}<ul>{features}</ul>"
            f"<p>{maturity} The owner offers {_join(offers)}, for deployment in {_join(names)}.</p>"
        )

    def _create_needs(self):
        rows = []
        for spec in content.NEEDS:
            owner, organisation, country = self._owner_of(spec.owner)
            created, updated, published = self._dates(spec.status)
            rows.append(Need(
                title=spec.title, owner=owner, organisation=organisation, status=spec.status,
                rejection_reason=spec.reason, published_at=published, description=spec.description,
                country=self.countries[spec.country or country], location=spec.location,
                desired_trl_group=spec.maturity, budget=spec.budget, timeline=spec.timeline,
                created_at=created, updated_at=updated,
            ))
        self._bulk_create_backdated(Need, rows)
        Need.fields.through.objects.bulk_create([
            Need.fields.through(need_id=row.pk, technologyfield_id=self.fields[code].pk)
            for row, spec in zip(rows, content.NEEDS) for code in spec.fields
        ])
        Need.sdgs.through.objects.bulk_create([
            Need.sdgs.through(need_id=row.pk, sdg_id=number)
            for row, spec in zip(rows, content.NEEDS) for number in spec.sdgs
        ])
        Need.desired_arrangements.through.objects.bulk_create([
            Need.desired_arrangements.through(need_id=row.pk, arrangement_id=self.arrangements[slug].pk)
            for row, spec in zip(rows, content.NEEDS) for slug in spec.arrangements
        ])
        return rows

    def _create_experts(self):
        rows = []
        for spec in content.EXPERTS:
            created, updated, published = self._dates(spec.status)
            rows.append(Expert(
                title=spec.headline, full_name=spec.full_name,
                owner=self.users_by_email[f"{_email_local(spec.full_name)}@{EXPERT_DOMAIN}"],
                organisation=self.organisations.get(spec.organisation), status=spec.status,
                published_at=published, description=spec.description,
                availability=spec.availability, country=self.countries[spec.country],
                created_at=created, updated_at=updated,
            ))
        self._bulk_create_backdated(Expert, rows)
        Expert.fields.through.objects.bulk_create([
            Expert.fields.through(expert_id=row.pk, technologyfield_id=self.fields[code].pk)
            for row, spec in zip(rows, content.EXPERTS) for code in spec.fields
        ])
        Expert.languages.through.objects.bulk_create([
            Expert.languages.through(expert_id=row.pk, language_id=code)
            for row, spec in zip(rows, content.EXPERTS) for code in spec.languages.split()
            if code in self.languages
        ])
        Expert.countries_served.through.objects.bulk_create([
            Expert.countries_served.through(expert_id=row.pk, country_id=code)
            for row, spec in zip(rows, content.EXPERTS) for code in spec.serves.split()
        ])
        return rows

    def _bulk_create_backdated(self, model, rows):
        # bulk_create stamps auto_now(_add) fields with the current time, on the
        # instances too, so the intended dates are put back afterwards.
        dates = [(row.created_at, row.updated_at) for row in rows]
        model.objects.bulk_create(rows)
        for row, (created, updated) in zip(rows, dates):
            row.created_at, row.updated_at = created, updated
        model.objects.bulk_update(rows, ["created_at", "updated_at"], batch_size=500)
        if hasattr(model, "confirmed_current"):
            # As send_freshness_reminders would have marked them (mark_stale_listings), without moving updated_at.
            cutoff = stale_before(self.now)
            model.objects.published().filter(
                Q(last_confirmed_at__lt=cutoff) | Q(last_confirmed_at=None, published_at__lt=cutoff)
            ).update(confirmed_current=False)

    # History -------------------------------------------------------------

    def _write_audit_trail(self):
        entries, stamps = [], []

        def add(listing, actor, action, from_status, to_status, at, reason=""):
            entries.append(AuditEntry(
                actor=actor, action=action, content_type=content_type, object_id=listing.pk,
                object_repr=str(listing)[:200], from_status=from_status, to_status=to_status,
                reason=reason,
            ))
            stamps.append(at)

        for model, rows in self.listings.items():
            content_type = ContentType.objects.get_for_model(model)
            for listing in rows:
                add(listing, listing.owner, "create", "", Status.DRAFT, listing.created_at)
                if listing.status == Status.DRAFT:
                    continue
                submitted_at = listing.published_at or listing.updated_at
                partner = listing.organisation is not None and listing.organisation.publishes_without_review
                if partner and listing.status == Status.PUBLISHED:
                    add(listing, listing.owner, "auto-publish", Status.DRAFT, Status.PUBLISHED,
                        submitted_at)
                    continue
                add(listing, listing.owner, "submit", Status.DRAFT, Status.SUBMITTED,
                    submitted_at - timedelta(hours=self.rng.randint(2, 72)))
                if listing.status in (Status.PUBLISHED, Status.UNPUBLISHED):
                    add(listing, self.moderator, "publish", Status.SUBMITTED, Status.PUBLISHED,
                        submitted_at)
                if listing.status == Status.UNPUBLISHED:
                    add(listing, self.moderator, "unpublish", Status.PUBLISHED, Status.UNPUBLISHED,
                        listing.updated_at, listing.rejection_reason)
                if listing.status == Status.REJECTED:
                    add(listing, self.moderator, "reject", Status.SUBMITTED, Status.REJECTED,
                        listing.updated_at, listing.rejection_reason)
        AuditEntry.objects.bulk_create(entries, batch_size=500)
        for entry, at in zip(entries, stamps):
            entry.at = at
        AuditEntry.objects.bulk_update(entries, ["at"], batch_size=500)

    def _create_connections(self):
        published = {
            model: [row for row in rows if row.status == Status.PUBLISHED]
            for model, rows in self.listings.items()
        }
        needs_by_owner = defaultdict(list)
        for need in published[Need]:
            needs_by_owner[need.owner_id].append(need)
        demo_user = self.users_by_email[DEMO_EMAIL]
        demo_technologies = [t for t in published[Technology] if t.owner_id == demo_user.pk]
        others = [t for t in published[Technology] if t.owner_id != demo_user.pk]
        requesters = [user for key, user in self.contacts.items() if key != DEMO_ORGANISATION]

        pairs = []  # (requester, listing)
        # The demo account sees requests on both sides of its dashboard.
        for technology in demo_technologies[:5]:
            pairs.append((self.rng.choice(requesters), technology))
        for technology in self.rng.sample(others, 3):
            pairs.append((demo_user, technology))
        pairs.append((demo_user, self.rng.choice(published[Expert])))
        while len(pairs) < len(CONNECTION_STAGES):
            kind = self.rng.random()
            requester = self.rng.choice(requesters)
            if kind < 0.7:
                listing = self.rng.choice(others)
            elif kind < 0.85:
                listing = self.rng.choice(published[Need])
            else:
                listing = self.rng.choice(published[Expert])
            if listing.owner_id != requester.pk and (requester, listing) not in pairs:
                pairs.append((requester, listing))

        connections, paths = [], []
        for index, ((requester, listing), final_stage) in enumerate(zip(pairs, CONNECTION_STAGES)):
            organisation = next((o for k, o in self.organisations.items()
                                 if self.contacts[k].pk == requester.pk), None)
            message = REQUEST_MESSAGES[index % len(REQUEST_MESSAGES)].format(
                title=listing.title, org=organisation.name if organisation else requester.name)
            own_needs = needs_by_owner.get(requester.pk) if not isinstance(listing, Need) else None
            connections.append(Connection(
                requester=requester, owner=listing.owner,
                content_type=ContentType.objects.get_for_model(listing), object_id=listing.pk,
                listing_title=str(listing)[:200], message=message, stage=final_stage,
                about_need=self.rng.choice(own_needs) if own_needs else None,
                decline_reason=self.rng.choice([DeclineReason.NOT_IN_COUNTRY, DeclineReason.TOO_EARLY,
                                                DeclineReason.NO_CAPACITY])
                if final_stage == Stage.DECLINED else "",
                agreement_type=self.rng.choice([AgreementType.PILOT, AgreementType.LICENCE,
                                                AgreementType.SALE])
                if final_stage in (Stage.AGREEMENT, Stage.DEPLOYED) else "",
                # Demo outcomes are confirmed by both sides, so that they count in the statistics.
                agreement_confirmed_at=self.now if final_stage in (Stage.AGREEMENT, Stage.DEPLOYED) else None,
                deployment_confirmed_at=self.now if final_stage == Stage.DEPLOYED else None,
            ))
            paths.append(STAGE_PATHS[final_stage])
        Connection.objects.bulk_create(connections)

        events, event_times = [], []
        for connection, path in zip(connections, paths):
            at = self.now - timedelta(days=self.rng.randint(len(path) * 12, 420))
            connection.created_at = at
            previous = ""
            for stage in path:
                if stage == Stage.REQUESTED:
                    actor, note = connection.requester, connection.message
                else:
                    at += timedelta(days=self.rng.randint(1, 30), hours=self.rng.randint(0, 12))
                    owner_moves = stage in (Stage.ACCEPTED, Stage.DECLINED)
                    by_owner = owner_moves or self.rng.random() < 0.5
                    actor = connection.owner if by_owner else connection.requester
                    note = self.rng.choice(STAGE_NOTES[stage])
                events.append(ConnectionEvent(connection=connection, actor=actor,
                                              from_stage=previous, to_stage=stage, note=note))
                event_times.append(min(at, self.now))
                previous = stage
            connection.updated_at = min(at, self.now)
        ConnectionEvent.objects.bulk_create(events)
        for event, at in zip(events, event_times):
            event.at = at
        ConnectionEvent.objects.bulk_update(events, ["at"])
        Connection.objects.bulk_update(connections, ["created_at", "updated_at"])
        return len(connections)

    def _create_bookmarks(self):
        published = [(model, row) for model, rows in self.listings.items()
                     for row in rows if row.status == Status.PUBLISHED]
        content_types = {model: ContentType.objects.get_for_model(model) for model in self.listings}
        bookmarkers = [self.users_by_email[DEMO_EMAIL], *self.rng.sample(list(self.contacts.values()), 20)]
        bookmarks = set()
        for user in bookmarkers:
            for model, row in self.rng.sample(published, 6 if user.email == DEMO_EMAIL else 3):
                if row.owner_id != user.pk:
                    bookmarks.add((user.pk, content_types[model].pk, row.pk))
        Bookmark.objects.bulk_create([
            Bookmark(user_id=user, content_type_id=content_type, object_id=pk)
            for user, content_type, pk in sorted(bookmarks)
        ])
        return len(bookmarks)


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


_NOT_DECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})


def _email_local(name):
    folded = unicodedata.normalize("NFKD", name.lower().translate(_NOT_DECOMPOSED))
    return ".".join(re.findall(r"[a-z]+", folded.encode("ascii", "ignore").decode()))


def _domain(spec):
    return f"{spec.key}.example"


def _contact_email(spec):
    if spec.key == DEMO_ORGANISATION:
        return DEMO_EMAIL
    return f"{_email_local(spec.contact)}@{_domain(spec)}"


def _patent_numbers(title, country, ip_status):
    """Plausible, stable publication numbers for a patented or pending technology."""
    rng = random.Random(title)
    year = rng.randint(19, 24)
    international = f"WO20{year}{rng.randint(100000, 259999):06d}A1"
    if ip_status == "pending":
        return international
    if ip_status != "patented":
        return ""
    if country == "US":
        granted = [f"US{rng.randint(10_600_000, 12_100_000)}B2"]
    elif country == "CN":
        granted = [f"CN{rng.randint(108_000_000, 116_999_999)}B",
                   f"US{rng.randint(11_000_000, 12_100_000)}B2"]
    elif country == "JP":
        granted = [f"JP{rng.randint(6_500_000, 7_450_000)}B2"]
    elif country == "KR":
        granted = [f"KR10{rng.randint(2_000_000, 2_799_999)}B1"]
    elif country in EUROPEAN_PATENT_COUNTRIES:
        granted = [f"EP{rng.randint(3_000_000, 4_150_000)}B1"]
    else:
        granted = [international, f"US{rng.randint(10_600_000, 12_100_000)}B2"]
    return ", ".join(granted)
