from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("<str:kind>/<int:pk>/", views.suggestions, name="suggestions"),
    path(
        "<str:kind>/<int:pk>/feedback/<str:target_kind>/<int:target_pk>/", views.feedback, name="feedback"
    ),
]
