from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("", views.index, name="index"),
    path("impact/", views.impact, name="impact"),
    path("staff/", views.staff, name="staff"),
    path("csv/<slug:name>.csv", views.figure_csv, name="csv"),
]
