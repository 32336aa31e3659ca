from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/bell/", views.bell, name="bell"),
    path("notifications/<int:pk>/read/", views.mark_read, name="mark_read"),
    path("notifications/read-all/", views.mark_all_read, name="mark_all_read"),
    path("notifications/preferences/", views.preferences, name="preferences"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("saved-searches/", views.saved_searches, name="saved_searches"),
    path("saved-searches/new/", views.save_search, name="save_search"),
    path("saved-searches/<int:pk>/", views.update_saved_search, name="update_saved_search"),
    path("saved-searches/<int:pk>/delete/", views.delete_saved_search, name="delete_saved_search"),
    path("saved-searches/<int:pk>/results/", views.saved_search_results, name="saved_search_results"),
]
