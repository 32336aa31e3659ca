"""The demo dataset: volume, coverage, accounts, idempotence and search."""

import re

import pytest
from django.conf import global_settings
from django.core.management import call_command
from django.db.models import Count

from verdex.accounts.models import User
from verdex.catalog.models import Expert, Need, Source, Status, Technology
from verdex.connections.models import Connection, ConnectionEvent
from verdex.demo import services
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import TechnologyField

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for this module and remove it afterwards.

    The rows are committed outside the per-test transactions, so the teardown
    must delete them or they would leak into other apps' tests.
    """
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        services.remove_demo()


def test_volumes_meet_the_minimums(demo):
    assert Technology.objects.count() >= 320
    assert Need.objects.count() >= 70
    assert Expert.objects.count() >= 45
    assert Organisation.objects.count() >= 45


def test_organisations_span_35_countries_on_every_continent(demo):
    countries = Organisation.objects.values_list("country__region__name", flat=True)
    assert {"Africa", "Americas", "Asia", "Europe", "Oceania"} <= set(countries)
    assert Organisation.objects.values("country").distinct().count() >= 35
    assert set(Organisation.objects.values_list("org_type", flat=True)) == set(Organisation.Type.values)
    assert Organisation.objects.filter(is_partner=True).exists()


def test_technologies_come_from_at_least_35_countries(demo):
    assert Technology.objects.values("developed_in").distinct().count() >= 35


def test_every_top_level_field_has_three_published_technologies(demo):
    roots = TechnologyField.objects.filter(depth=0)
    assert roots.count() == 16
    for root in roots:
        published = Technology.objects.filter(status=Status.PUBLISHED, fields__root=root).distinct()
        assert published.count() >= 3, root.code
    assert not Technology.objects.filter(fields__depth=0).exists(), "assign level-1 codes"


def test_titles_are_unique_and_text_is_real(demo):
    titles = list(Technology.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles))
    for model in (Technology, Need, Expert):
        assert not model.objects.filter(description__icontains="lorem").exists()
    for description in Technology.objects.values_list("description", flat=True):
        words = len(re.sub(r"<[^>]+>", " ", description).split())
        assert 60 <= words <= 200, description[:80]


def test_patented_technologies_have_patent_numbers(demo):
    patented = Technology.objects.filter(ip_status=Technology.IPStatus.PATENTED)
    assert patented.exists()
    pattern = re.compile(r"^(EP\d{7}B1|US\d{8}B2|CN\d{9}B|JP\d{7}B2|KR10\d{7}B1|WO20\d{8}A1)$")
    for numbers in patented.values_list("patent_numbers", flat=True):
        assert all(pattern.match(n.strip()) for n in numbers.split(",")), numbers


def test_source_mix_and_moderation_queue(demo):
    sources = dict(Technology.objects.values_list("source").annotate(n=Count("pk")))
    assert sources[Source.USER] > sources[Source.PARTNER] > 0
    assert sources[Source.PATENT] > 0
    assert not Technology.objects.exclude(source=Source.USER).filter(external_id="").exists()
    assert Technology.objects.filter(status=Status.SUBMITTED).exists()
    assert Technology.objects.filter(status=Status.DRAFT).exists()
    rejected = Technology.objects.filter(status=Status.REJECTED)
    assert rejected.exists() and not rejected.filter(rejection_reason="").exists()


def test_publication_dates_spread_over_30_months(demo):
    dates = Technology.objects.filter(status=Status.PUBLISHED).values_list("published_at", flat=True)
    months = {(d.year, d.month) for d in dates}
    assert len(months) >= 20


def test_listings_published_over_a_year_ago_are_marked_not_confirmed(demo):
    from verdex.catalog.models import stale_before

    published = Technology.objects.filter(status=Status.PUBLISHED)
    old = published.filter(published_at__lt=stale_before())
    assert old.exists() and not old.filter(confirmed_current=True).exists()
    assert published.filter(confirmed_current=True).exists()


def test_connections_cover_every_stage_with_events(demo):
    stages = set(Connection.objects.values_list("stage", flat=True))
    assert stages == {"requested", "accepted", "declined", "in_discussion", "agreement",
                      "deployed", "closed"}
    assert Connection.objects.count() >= 40
    # Outcomes are confirmed by both sides, so that the demo's statistics show them.
    assert not Connection.objects.filter(stage="agreement", agreement_confirmed_at=None).exists()
    assert not Connection.objects.filter(stage="deployed", deployment_confirmed_at=None).exists()
    assert not Connection.objects.filter(events__isnull=True).exists()
    assert ConnectionEvent.objects.filter(to_stage="requested").count() == Connection.objects.count()


@pytest.mark.parametrize("email", [services.DEMO_EMAIL, services.MODERATOR_EMAIL,
                                   services.ADMIN_EMAIL])
def test_demo_accounts_can_log_in(demo, client, settings, email):
    # The demo was hashed with the real hashers, before the fast test hasher was set.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    assert client.login(email=email, password=services.DEMO_PASSWORD)


def test_other_demo_users_cannot_log_in(demo):
    contacts = User.objects.filter(email__endswith=".example").exclude(
        email__in=services.DEMO_ACCOUNTS)
    assert contacts.exists()
    assert not any(user.has_usable_password() for user in contacts)


def test_roles_of_the_demo_accounts(demo):
    assert User.objects.get(email=services.MODERATOR_EMAIL).is_moderator
    assert User.objects.get(email=services.MODERATOR_EMAIL).is_staff
    assert User.objects.get(email=services.ADMIN_EMAIL).is_superuser
    demo_user = User.objects.get(email=services.DEMO_EMAIL)
    assert not demo_user.is_moderator
    assert demo_user.emailaddress_set.get().verified
    assert demo_user.technologys.exists() and demo_user.bookmarks.exists()


def test_running_twice_does_not_duplicate(demo):
    before = [m.objects.count() for m in (Technology, Need, Expert, Organisation, User)]
    call_command("load_demo", verbosity=0)
    assert [m.objects.count() for m in (Technology, Need, Expert, Organisation, User)] == before


def test_keyword_search_finds_demo_listings(demo):
    assert Technology.objects.filter(status="published").search("biogas").count() >= 3
    assert Need.objects.filter(status="published").search("milk").count() >= 1
    assert Expert.objects.filter(status="published").search("mangrove").count() >= 1


def test_reset_replaces_the_demo_rows(demo):
    old_pks = set(Technology.objects.values_list("pk", flat=True))
    call_command("load_demo", reset=True, verbosity=0)
    assert Technology.objects.count() == len(old_pks)
    assert not old_pks & set(Technology.objects.values_list("pk", flat=True))
    assert Technology.objects.filter(status="published").search("flow battery").count() >= 2
