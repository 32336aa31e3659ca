"""Fixtures shared by every app's tests: people, organisations and listings.

They create real rows through the real services, so tests exercise the same
code paths as the site.
"""

import itertools

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Permission

from verdex.accounts.models import User
from verdex.catalog import services as catalog_services
from verdex.catalog.models import Expert, Need, Status, Technology
from verdex.organisations.models import Membership, Organisation
from verdex.search import keyword_index, listing_index, signals, vector_index
from verdex.taxonomy.models import Country, TechnologyField

_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def make_user(db):
    def make(email=None, password="a-Long-passw0rd", verified=True, **extra):
        email = email or f"user{next(_serial)}@example.org"
        user = User.objects.create_user(email=email, password=password, **extra)
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        return user

    return make


@pytest.fixture
def member(make_user):
    return make_user(email="member@example.org", display_name="Mira Member")


@pytest.fixture
def other_member(make_user):
    return make_user(email="other@example.org", display_name="Otto Other")


@pytest.fixture
def moderator(make_user):
    user = make_user(email="moderator@example.org", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="moderate_listings"))
    return User.objects.get(pk=user.pk)  # fresh instance: permission cache is per object


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(
        name="Sunfield Energy", org_type=Organisation.Type.SME, country=Country.objects.get(code="KE")
    )


@pytest.fixture
def org_admin(make_user, organisation):
    user = make_user(email="admin@sunfield.example")
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    return user


def _publish(listing, status, moderator_user):
    if status == Status.DRAFT:
        return listing
    catalog_services.transition(listing=listing, action="submit", by=listing.owner)
    if status == Status.PUBLISHED:
        catalog_services.transition(listing=listing, action="publish", by=moderator_user)
    listing.refresh_from_db()
    return listing


def _listing_factory(model, default_fields, defaults, member, make_user):
    """A function creating ``model`` listings through the real services.

    ``defaults`` is a callable so that reference rows are read inside the test's
    database; a staff user to publish with is made on first need.
    """
    staff = None

    def make(owner=None, status=Status.PUBLISHED, fields=default_fields, **values):
        nonlocal staff
        if staff is None:
            staff = make_user(is_staff=True, is_superuser=True)
        data = {**defaults(), **values}
        listing = catalog_services.save_listing(
            listing=model(**data), by=owner or member,
            m2m={"fields": TechnologyField.objects.filter(code__in=fields)},
        )
        return _publish(listing, status, staff)

    return make


@pytest.fixture
def make_technology(db, member, make_user):
    return _listing_factory(Technology, ("Y02E10",), lambda: dict(
        title="Solar-powered drip irrigation kit",
        summary="A low-pressure drip irrigation kit driven by a small solar pump.",
        description="<p>Smallholder farms save water and diesel.</p>",
        trl=8,
        developed_in=Country.objects.get(code="KE"),
        ip_status=Technology.IPStatus.PATENTED,
    ), member, make_user)


@pytest.fixture
def make_need(db, member, make_user):
    return _listing_factory(Need, ("Y02A20",), lambda: dict(
        title="Clean drinking water for rural schools",
        description="<p>Schools in arid districts need safe water without grid power.</p>",
        country=Country.objects.get(code="TZ"),
    ), member, make_user)


@pytest.fixture
def make_expert(db, member, make_user):
    return _listing_factory(Expert, ("Y02E10",), lambda: dict(
        title="Off-grid solar systems engineer",
        full_name="Amina Otieno",
        description="<p>Twelve years designing mini-grids in East Africa.</p>",
        country=Country.objects.get(code="KE"),
    ), member, make_user)


@pytest.fixture(autouse=True)
def _fresh_search_indexes(settings, tmp_path, monkeypatch):
    # The test database is rolled back between tests without signals, so a
    # vector or listing index loaded by an earlier test must not be reused,
    # and each test has a keyword index of its own (built from its database
    # on the first search); processes a test starts inherit it.
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    monkeypatch.setenv("SEARCH_INDEX_DIR", str(settings.SEARCH_INDEX_DIR))
    vector_index.forget_all()
    listing_index.forget_all()
    keyword_index.forget()
    yield
    vector_index.forget_all()
    listing_index.forget_all()
    keyword_index.forget()


@pytest.fixture(autouse=True)
def _keyword_index_follows_writes(request, monkeypatch):
    """Run the keyword index's on-commit jobs at once: test transactions never commit.

    A listing saved in a test is then in the keyword index as it would be
    after its request committed, as it was in modelsearch's FTS5 table. Tests
    of the on-commit path itself are marked ``keyword_jobs_on_commit``.
    """
    if request.node.get_closest_marker("keyword_jobs_on_commit") is None:
        monkeypatch.setattr(signals, "on_commit", lambda callback: callback())


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block so that the jobs queued on commit (embedding, matching) run at its end.

    Test transactions never commit; this runs the on-commit callbacks, i.e. the
    real signal -> job path, with jobs inline under pytest.
    """
    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "keyword_jobs_on_commit: keyword index jobs wait for the (captured) commit, as on the site")


def pytest_collection_modifyitems(items):
    """Every transactional test must restore the migrations' reference data it flushes.

    A transactional test empties the database when it ends; without
    ``serialized_rollback`` the next one finds no countries, sites or content
    types (or, after Django re-creates a few, fails restoring them). The order
    of tests decides which one breaks, so refuse the mark outright.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)")
