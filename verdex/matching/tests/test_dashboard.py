"""The need owner's dashboard: new matching technologies until the need's suggestions are viewed."""

from django.urls import reverse

from verdex.catalog.models import Status

DASHBOARD = "/me/"


def _new_matches_section(client):
    html = client.get(DASHBOARD).content.decode()
    start = html.index('id="section-new-matches"')
    return html[start:html.index("</section>", start)]


def test_new_matches_appear_until_the_owner_views_them(client, member, irrigation, make_technology, other_member,
                                                       committed):
    client.force_login(member)  # the need's owner

    section = _new_matches_section(client)
    assert "Solar-powered drip irrigation kit" in section
    assert "Drip irrigation for smallholder vegetable farms" in section

    client.get(reverse("matching:suggestions", args=["need", irrigation["need"].pk]), HTTP_HX_REQUEST="true")

    section = _new_matches_section(client)
    assert "Solar-powered drip irrigation kit" not in section
    assert "No new technologies match your published needs" in section

    with committed():
        make_technology(owner=other_member, title="Drip irrigation tape for vegetable farms", fields=("Y02A40",),
                        summary="Thin-walled drip irrigation tape for smallholder farms.")

    section = _new_matches_section(client)
    assert "Drip irrigation tape for vegetable farms" in section
    assert "Solar-powered drip irrigation kit" not in section


def test_others_do_not_see_the_needs_matches_and_viewing_does_not_mark_them_seen(client, member, other_member,
                                                                                  irrigation):
    client.force_login(other_member)
    assert "Solar-powered drip irrigation kit" not in _new_matches_section(client)
    client.get(reverse("matching:suggestions", args=["need", irrigation["need"].pk]))

    client.force_login(member)
    assert "Solar-powered drip irrigation kit" in _new_matches_section(client)


def test_unpublished_needs_have_no_new_matches(client, member, irrigation):
    type(irrigation["need"]).objects.filter(pk=irrigation["need"].pk).update(status=Status.UNPUBLISHED)
    client.force_login(member)

    assert "No new technologies match your published needs" in _new_matches_section(client)
