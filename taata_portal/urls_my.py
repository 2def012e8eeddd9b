from django.urls import path

from taata_portal.views import my

urlpatterns = [
    path("notifications/", my.notifications, name="my_notifications"),
    path("preferences/", my.preferences, name="my_preferences"),
]
