"""Matches follow listings: the job after publishing, changing and withdrawing, and refresh_matches."""

import io

from django.core.management import call_command

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Status, Technology
from verdex.matching.models import Match
from verdex.matching.tasks import refresh_listing_matches
from verdex.organisations.models import Membership
from verdex.search.models import Embedding


def test_publishing_a_technology_adds_it_to_the_needs_it_answers(irrigation, make_technology, other_member,
                                                                  moderator, committed):
    need = irrigation["need"]
    with committed():
        technology = make_technology(
            owner=other_member, title="Gravity drip irrigation for vegetable farms", status=Status.SUBMITTED,
            summary="Drip irrigation lines fed by a raised tank; no pump, no grid power.", fields=("Y02A40",),
        )
    assert not Match.objects.filter(technology=technology).exists()  # under review: not matched

    with committed():
        catalog_services.transition(listing=technology, action="publish", by=moderator)

    match = Match.objects.get(need=need, technology=technology)
    assert match.need_score is not None and match.offer_score is not None  # both pages list it
    assert match.listed_for_need_at is not None
    assert "drip irrigation" in match.reasons["phrases"]


def test_unpublishing_removes_its_matches(irrigation, moderator, committed):
    drip = irrigation["drip"]
    assert Match.objects.filter(technology=drip).exists()

    with committed():
        catalog_services.transition(listing=drip, action="unpublish", by=moderator, reason="Outdated.")

    assert not Match.objects.filter(technology=drip).exists()
    assert Match.objects.filter(need=irrigation["need"]).exists()  # the need keeps its other matches


def test_changed_text_is_matched_again(irrigation, organisation, other_member, committed):
    organisation.publishes_without_review = True
    organisation.save()
    Membership.objects.create(organisation=organisation, user=other_member)
    drip = Technology.objects.get(pk=irrigation["drip"].pk)
    drip.organisation = organisation
    drip.title = "Solar water pump for vegetable farms"
    drip.summary = "A small solar pump lifts water from shallow wells."

    with committed():
        catalog_services.save_listing(listing=drip, by=other_member)

    assert Technology.objects.get(pk=drip.pk).status == Status.PUBLISHED
    reasons = Match.objects.get(need=irrigation["need"], technology=drip).reasons
    assert "drip irrigation" not in reasons["phrases"]


def test_the_job_embeds_a_listing_whose_vector_is_missing(irrigation):
    need = irrigation["need"]
    Embedding.objects.filter(object_id=need.pk, content_type__model="need").delete()
    Match.objects.all().delete()

    refresh_listing_matches.enqueue("need", need.pk)

    assert Embedding.objects.filter(object_id=need.pk, content_type__model="need").exists()
    assert Match.objects.get(need=need, technology=irrigation["drip"]).reasons["similarity"] is not None


def test_refresh_matches_rebuilds_every_listing_and_drops_stale_pairs(irrigation):
    need, drip, cooler = irrigation["need"], irrigation["drip"], irrigation["cooler"]
    Match.objects.all().delete()
    Technology.objects.filter(pk=cooler.pk).update(status=Status.UNPUBLISHED)  # as if its job had not run
    out = io.StringIO()

    call_command("refresh_matches", stdout=out, verbosity=0)

    assert Match.objects.get(need=need, technology=drip).need_score is not None
    assert not Match.objects.filter(technology=cooler).exists()
    assert "Needs: 1 matched" in out.getvalue()
    assert "Technologies: 3 matched" in out.getvalue()


def test_refresh_matches_removes_pairs_of_listings_no_longer_published(irrigation):
    cooler = irrigation["cooler"]
    assert Match.objects.filter(technology=cooler).exists()
    Technology.objects.filter(pk=cooler.pk).update(status=Status.ARCHIVED)
    out = io.StringIO()

    call_command("refresh_matches", "--kind", "expert", stdout=out, verbosity=0)

    assert not Match.objects.filter(technology=cooler).exists()
    assert "Removed" in out.getvalue()
