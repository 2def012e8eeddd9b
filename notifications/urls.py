from django.urls import path

from notifications import views

urlpatterns = [
    path("notifications/", views.notifications, name="my_notifications"),
    path("preferences/", views.preferences, name="my_preferences"),
]
