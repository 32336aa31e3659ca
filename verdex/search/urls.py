from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("technologies/", views.browse, {"kind": "technology"}, name="technologies"),
    path("needs/", views.browse, {"kind": "need"}, name="needs"),
    path("experts/", views.browse, {"kind": "expert"}, name="experts"),
    path("organisations/", views.browse, {"kind": "organisation"}, name="organisations"),
]
