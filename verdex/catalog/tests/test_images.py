"""Technology images are served by a view that checks who may see the technology."""

import importlib
import io

import pytest
from django.urls import Resolver404, clear_url_caches, resolve, reverse
from PIL import Image

import verdex.urls

from verdex.catalog import uploads
from verdex.catalog.models import Status

from .conftest import image_bytes, upload

pytestmark = pytest.mark.django_db


def add_picture(technology, name="pump.png", image_format="PNG"):
    return uploads.add_image(
        technology=technology, by=technology.owner,
        image=upload(name, image_bytes(image_format)), caption="The pump",
    )


def image_url(image):
    return reverse("catalog:technology_image", args=[image.technology_id, image.pk])


def body(response):
    return b"".join(response.streaming_content)


def test_owner_sees_the_image_of_a_draft(client, member, make_technology):
    image = add_picture(make_technology(status=Status.DRAFT))
    client.force_login(member)

    response = client.get(image_url(image))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]
    served = Image.open(io.BytesIO(body(response)))
    assert (served.format, served.tobytes()) == ("PNG", Image.open(io.BytesIO(image_bytes("PNG"))).tobytes())


def test_others_and_visitors_get_404_for_a_drafts_image(client, other_member, make_technology):
    image = add_picture(make_technology(status=Status.DRAFT))

    assert client.get(image_url(image)).status_code == 404
    client.force_login(other_member)
    assert client.get(image_url(image)).status_code == 404


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.REJECTED, Status.UNPUBLISHED])
def test_unpublished_images_are_hidden_from_others_but_not_from_moderators(
    client, other_member, moderator, make_technology, status
):
    image = add_picture(make_technology(status=status))
    client.force_login(other_member)
    assert client.get(image_url(image)).status_code == 404
    client.force_login(moderator)
    assert client.get(image_url(image)).status_code == 200


def test_published_image_is_shown_to_everyone_who_can_see_the_listing(client, other_member, make_technology):
    image = add_picture(make_technology(status=Status.PUBLISHED), name="field.jpg", image_format="JPEG")

    anonymous = client.get(image_url(image))
    assert anonymous.status_code == 200 and anonymous["Content-Type"] == "image/jpeg"
    client.force_login(other_member)
    assert client.get(image_url(image)).status_code == 200


def test_image_of_another_technology_answers_404(client, member, make_technology):
    image = add_picture(make_technology(status=Status.PUBLISHED))
    other = make_technology(status=Status.PUBLISHED, title="Evaporative clay cooler")
    client.force_login(member)

    response = client.get(reverse("catalog:technology_image", args=[other.pk, image.pk]))

    assert response.status_code == 404


def test_pages_link_the_checked_view_not_the_media_file(client, member, make_technology):
    technology = make_technology(status=Status.DRAFT)
    image = add_picture(technology)
    client.force_login(member)

    for page in (technology.get_absolute_url(), reverse("catalog:technology_edit", args=[technology.pk])):
        content = client.get(page).content.decode()
        assert f'src="{image_url(image)}"' in content
        assert image.image.url not in content


def test_development_media_serving_leaves_technology_files_out(settings):
    # Only a DEBUG site serves MEDIA_URL itself; load its URLs as such a site would.
    settings.DEBUG = True
    try:
        clear_url_caches()
        debug_urls = importlib.reload(verdex.urls)
        assert resolve("/media/logos/sunfield.png", urlconf=debug_urls).url_name is None
        with pytest.raises(Resolver404):
            resolve("/media/technologies/images/pump.png", urlconf=debug_urls)
        with pytest.raises(Resolver404):
            resolve("/media/technologies/attachments/sheet.pdf", urlconf=debug_urls)
    finally:
        settings.DEBUG = False
        importlib.reload(verdex.urls)
        clear_url_caches()
