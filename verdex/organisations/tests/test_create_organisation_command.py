"""manage.py create_organisation: a scripted set-up of an organisation, its admin and the staff-only flags."""

import pytest
from django.core.management import CommandError, call_command

from verdex.accounts.models import User
from verdex.organisations.models import Membership, Organisation

pytestmark = pytest.mark.django_db


def test_creates_the_organisation_with_a_new_admin_and_both_flags():
    call_command("create_organisation", "Green Grid Partners", "--type", "ngo", "--country", "ke",
                 "--admin-email", "admin@greengrid.example", "--partner", "--publishes-without-review")

    organisation = Organisation.objects.get(name="Green Grid Partners")
    assert (organisation.org_type, organisation.country_id) == ("ngo", "KE")
    assert organisation.is_partner and organisation.publishes_without_review
    admin = User.objects.get(email="admin@greengrid.example")
    assert not admin.has_usable_password()
    assert Membership.objects.get(organisation=organisation, user=admin).role == Membership.Role.ADMIN


def test_an_existing_account_becomes_admin_and_flags_default_to_off(make_user):
    person = make_user(email="lead@solar.example")

    call_command("create_organisation", "Solar Co-op", "--type", "sme", "--country", "TZ",
                 "--admin-email", "LEAD@solar.example")

    organisation = Organisation.objects.get(name="Solar Co-op")
    assert not organisation.is_partner and not organisation.publishes_without_review
    assert list(organisation.memberships.values_list("user", "role")) == [(person.pk, Membership.Role.ADMIN)]
    assert User.objects.count() == 1


@pytest.mark.parametrize("arguments, message", [
    (["--country", "XX", "--admin-email", "a@b.example"], "--country: unknown country code 'XX'"),
    (["--country", "KE", "--admin-email", "not an email"], "Enter a valid email address."),
])
def test_bad_input_is_refused_and_nothing_is_written(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_organisation", "Wind Works", "--type", "sme", *arguments)

    assert not Organisation.objects.exists() and not User.objects.exists()


def test_a_second_organisation_of_the_same_name_is_refused():
    call_command("create_organisation", "Wind Works", "--type", "sme", "--country", "KE", "--admin-email", "a@b.example")

    with pytest.raises(CommandError, match="already exists"):
        call_command("create_organisation", "wind works", "--type", "sme", "--country", "KE",
                     "--admin-email", "c@d.example")
    assert Organisation.objects.count() == 1
