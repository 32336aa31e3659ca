from django.urls import path

from . import views

app_name = "catalog"

_PREFIXES = {"technology": "technologies", "need": "needs", "expert": "experts"}

urlpatterns = [
    pattern
    for kind, prefix in _PREFIXES.items()
    for pattern in (
        path(f"{prefix}/new/", views.listing_create, {"kind": kind}, name=f"{kind}_create"),
        path(f"{prefix}/<int:pk>/", views.listing_detail, {"kind": kind}, name=f"{kind}_detail"),
        path(f"{prefix}/<int:pk>/edit/", views.listing_edit, {"kind": kind}, name=f"{kind}_edit"),
    )
] + [
    path("technologies/<int:pk>/images/", views.technology_image_add, name="technology_image_add"),
    path("technologies/<int:pk>/images/<int:image_pk>/", views.technology_image, name="technology_image"),
    path(
        "technologies/<int:pk>/images/<int:image_pk>/delete/",
        views.technology_image_delete, name="technology_image_delete",
    ),
    path(
        "technologies/<int:pk>/attachments/",
        views.technology_attachment_add, name="technology_attachment_add",
    ),
    path(
        "technologies/<int:pk>/attachments/<int:attachment_pk>/",
        views.technology_attachment_download, name="technology_attachment_download",
    ),
    path(
        "technologies/<int:pk>/attachments/<int:attachment_pk>/delete/",
        views.technology_attachment_delete, name="technology_attachment_delete",
    ),
    path(
        "listings/<slug:kind>/suggestions/",
        views.classification_suggestions, name="classification_suggestions",
    ),
    # Before the transition pattern, which would otherwise take "bookmark" for an action.
    path("listings/<slug:kind>/<int:pk>/bookmark/", views.bookmark, name="bookmark"),
    path("listings/still-current/<str:token>/", views.still_current, name="still_current"),
    path("listings/<slug:kind>/<int:pk>/<slug:action>/", views.listing_transition, name="transition"),
]
