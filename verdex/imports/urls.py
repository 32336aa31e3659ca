from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/<slug:slug>/", views.upload, name="upload"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/columns/", views.mapping, name="mapping"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/start/", views.start, name="start"),
    path("<int:pk>/resume/", views.resume, name="resume"),
    path("<int:pk>/rejected.csv", views.rejected, name="rejected"),
]
