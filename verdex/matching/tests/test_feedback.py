"""Useful / Not useful on a suggestion: who may give it, bad input, changes of mind, the export."""

import csv
import io
import json

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.matching.models import Match, MatchFeedback

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(source, target):
    return reverse("matching:feedback", args=[source.kind, source.pk, target.kind, target.pk])


def test_visitors_must_log_in_and_nothing_is_saved(client, irrigation):
    response = client.post(_url(irrigation["need"], irrigation["drip"]), {"useful": "yes"})

    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not MatchFeedback.objects.exists()


def test_get_is_not_allowed(client, other_member, irrigation):
    client.force_login(other_member)
    assert client.get(_url(irrigation["need"], irrigation["drip"])).status_code == 405


def test_csrf_token_is_required(other_member, irrigation):
    client = Client(enforce_csrf_checks=True)
    client.force_login(other_member)

    response = client.post(_url(irrigation["need"], irrigation["drip"]), {"useful": "yes"})

    assert response.status_code == 403
    assert not MatchFeedback.objects.exists()


def test_invalid_value_answers_400_naming_the_field(client, other_member, irrigation):
    client.force_login(other_member)

    for data in ({"useful": "maybe"}, {}):
        response = client.post(_url(irrigation["need"], irrigation["drip"]), data, **HTMX)
        assert response.status_code == 400
        assert "Useful: Choose “Useful” or “Not useful”." in response.content.decode()
    assert not MatchFeedback.objects.exists()


def test_htmx_feedback_is_saved_with_the_suggestion_as_shown_and_can_change(client, other_member, irrigation):
    need, drip = irrigation["need"], irrigation["drip"]
    match = Match.objects.get(need=need, technology=drip)
    client.force_login(other_member)

    response = client.post(_url(need, drip), {"useful": "yes"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Thank you, saved." in html
    assert 'value="yes" class="small"\n            aria-pressed="true"' in html
    feedback = MatchFeedback.objects.get()
    assert (feedback.user, feedback.need, feedback.technology, feedback.useful) == (other_member, need, drip, True)
    assert feedback.source_kind == "need" and feedback.score == match.need_score
    assert feedback.reasons == match.reasons

    client.post(_url(drip, need), {"useful": "no"}, **HTMX)

    feedback = MatchFeedback.objects.get()  # still one per user and pair
    assert feedback.useful is False and feedback.source_kind == "technology"
    assert feedback.score == match.offer_score


def test_without_javascript_feedback_redirects_back(client, other_member, irrigation):
    need, drip = irrigation["need"], irrigation["drip"]
    client.force_login(other_member)
    back = reverse("matching:suggestions", args=["need", need.pk])

    response = client.post(_url(need, drip), {"useful": "no", "next": back})
    assert response.status_code == 302 and response["Location"] == back

    response = client.post(_url(need, drip), {"useful": "no", "next": "https://evil.example/"})
    assert response["Location"] == back

    page = client.get(back).content.decode()
    assert 'value="no" class="small"\n            aria-pressed="true"' in page


def test_feedback_on_unpublished_or_unmatched_kinds_answers_404(
    client, other_member, member, irrigation, make_technology, make_expert
):
    draft = make_technology(owner=member, status=Status.DRAFT)
    expert = make_expert()
    client.force_login(other_member)

    assert client.post(_url(irrigation["need"], draft), {"useful": "yes"}).status_code == 404
    assert client.post(_url(irrigation["drip"], expert), {"useful": "yes"}).status_code == 404
    assert not MatchFeedback.objects.exists()


def test_export_writes_one_row_per_verdict(client, other_member, member, irrigation, tmp_path):
    need, drip = irrigation["need"], irrigation["drip"]
    client.force_login(other_member)
    client.post(_url(need, drip), {"useful": "yes"}, **HTMX)
    client.force_login(member)
    client.post(_url(drip, need), {"useful": "no"}, **HTMX)

    out = io.StringIO()
    call_command("export_match_feedback", stdout=out)

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(row["source_kind"], row["target_kind"], row["useful"]) for row in rows] == [
        ("need", "technology", "yes"), ("technology", "need", "no"),
    ]
    assert rows[0]["source_id"] == str(need.pk) and rows[0]["target_id"] == str(drip.pk)
    assert json.loads(rows[0]["reasons"])["phrases"][0] == "drip irrigation"
    assert float(rows[0]["score"]) > 0 and rows[0]["date"]

    path = tmp_path / "feedback.csv"
    call_command("export_match_feedback", output=str(path), stderr=io.StringIO())
    with path.open(newline="", encoding="utf-8") as handle:
        assert list(csv.DictReader(handle)) == rows
