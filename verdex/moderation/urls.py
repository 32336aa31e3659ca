from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("listings/<str:kind>/<int:pk>/<str:action>/", views.decide, name="decide"),
    path("report/<str:kind>/<int:pk>/", views.report, name="report"),
    path("reports/", views.reports, name="reports"),
    path("reports/<int:pk>/uphold/", views.handle_report, {"decision": "uphold"}, name="report_uphold"),
    path("reports/<int:pk>/dismiss/", views.handle_report, {"decision": "dismiss"}, name="report_dismiss"),
    path("audit/", views.audit, name="audit"),
    path("deleted/", views.deleted, name="deleted"),
    path("freshness/", views.freshness, name="freshness"),
]
