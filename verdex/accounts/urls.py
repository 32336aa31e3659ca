from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("my-data.json", views.my_data, name="my_data"),
    path("delete/", views.delete_account, name="delete"),
]
