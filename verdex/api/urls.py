from django.urls import path
from django.views.generic import RedirectView

from . import views
from .api import api

app_name = "api"

urlpatterns = [
    path("v1/", api.urls),
    path("docs", RedirectView.as_view(pattern_name="api:v1:openapi-view"), name="docs"),
    path("docs/", RedirectView.as_view(pattern_name="api:v1:openapi-view")),
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
