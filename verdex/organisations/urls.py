from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("new/", views.create, name="create"),
    path("invitations/<str:token>/", views.accept_invite, name="accept_invite"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/invite/", views.invite, name="invite"),
    path("<slug:slug>/members/<int:pk>/role/", views.change_role, name="change_role"),
    path("<slug:slug>/members/<int:pk>/remove/", views.remove_member, name="remove_member"),
]
