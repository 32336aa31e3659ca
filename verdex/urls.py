import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from verdex.core.health import healthz, livez

urlpatterns = [
    path("", include("verdex.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("verdex.accounts.urls")),
    path("organisations/", include("verdex.organisations.urls")),
    path("", include("verdex.catalog.urls")),
    path("search/", include("verdex.search.urls")),
    path("moderation/", include("verdex.moderation.urls")),
    path("connections/", include("verdex.connections.urls")),
    path("statistics/", include("verdex.stats.urls")),
    path("matches/", include("verdex.matching.urls")),
    path("imports/", include("verdex.imports.urls")),
    path("api/", include("verdex.api.urls")),
    path("exports/", include("verdex.exports.urls")),
    path("", include("verdex.notifications.urls")),
    path("feeds/", include("verdex.exports.feed_urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("livez", livez, name="livez"),
]

if settings.DEBUG:
    # Technology images and documents are left out: catalog views serve them
    # after checking that the visitor may see the technology.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?!technologies/)(?P<path>.*)$",
            serve, {"document_root": settings.MEDIA_ROOT},
        )
    ]
