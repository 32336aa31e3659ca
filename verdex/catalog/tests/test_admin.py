import pytest
from django.urls import reverse

from verdex.catalog.models import Bookmark, Status, TechnologyAttachment
from verdex.catalog.services import toggle_bookmark

from .conftest import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def test_admin_lists_and_opens_every_catalog_model(
    staff_client, other_member, make_technology, make_need, make_expert
):
    technology, need, expert = make_technology(), make_need(), make_expert()
    toggle_bookmark(user=other_member, listing=need)
    objects = {"technology": technology, "need": need, "expert": expert, "bookmark": Bookmark.objects.get()}
    for name in ["technology", "need", "expert", "technologyimage", "technologyattachment", "bookmark"]:
        listing_page = staff_client.get(reverse(f"admin:catalog_{name}_changelist"), {"q": "water"})
        assert listing_page.status_code == 200, name
        if name in objects:
            change_page = staff_client.get(reverse(f"admin:catalog_{name}_change", args=[objects[name].pk]))
            assert change_page.status_code == 200, name


def test_admin_refuses_a_non_pdf_attachment(staff_client, make_technology):
    technology = make_technology(status=Status.DRAFT)
    response = staff_client.post(reverse("admin:catalog_technologyattachment_add"), {
        "technology": technology.pk, "title": "Data sheet",
        "file": upload("sheet.pdf", b"MZ not a pdf"),
    })
    assert response.status_code == 200
    assert "file" in response.context["adminform"].form.errors
    assert not TechnologyAttachment.objects.exists()
