from django.urls import path

from . import views

app_name = "connections"

urlpatterns = [
    path("", views.connection_list, name="list"),
    path("new/<str:kind>/<int:pk>/", views.request_connection, name="request"),
    path("<int:pk>/", views.connection_detail, name="detail"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/message/", views.add_message, name="message"),
    path("<int:pk>/confirm/", views.answer_claim, {"answer": "confirm"}, name="confirm_outcome"),
    path("<int:pk>/dispute/", views.answer_claim, {"answer": "dispute"}, name="dispute_outcome"),
]
