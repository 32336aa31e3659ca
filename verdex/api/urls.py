from django.urls import path, re_path
from django.views.generic import RedirectView

from . import views
from .api import api, unknown_endpoint

app_name = "api"

urlpatterns = [
    # The API root has no resource; django-ninja would answer it with an HTML 404.
    path("v1/", unknown_endpoint),
    path("v1/", api.urls),
    # After the API's own routes: whatever they do not match under v1/.
    re_path(r"^v1/(?P<path>.*)$", unknown_endpoint),
    path("docs", RedirectView.as_view(pattern_name="api:v1:openapi-view"), name="docs"),
    path("docs/", RedirectView.as_view(pattern_name="api:v1:openapi-view")),
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
