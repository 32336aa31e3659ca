from django.urls import re_path

from . import views

app_name = "exports"

urlpatterns = [
    re_path(
        r"^(?P<kind>technology|need|expert|organisation)\.(?P<fmt>csv|jsonld|json)$",
        views.download,
        name="download",
    ),
]
