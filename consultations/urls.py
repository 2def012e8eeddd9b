from django.urls import path

from consultations.views import commune

urlpatterns = [
    path("communes/<str:code>/", commune.commune_detail, name="commune_detail"),
]
