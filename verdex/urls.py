from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from verdex.core.health import healthz

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
    path("imports/", include("verdex.imports.urls")),
    path("api/", include("verdex.api.urls")),
    path("exports/", include("verdex.exports.urls")),
    path("feeds/", include("verdex.exports.feed_urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
