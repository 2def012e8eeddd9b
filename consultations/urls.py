from django.urls import path

from consultations import views

urlpatterns = [
    path("communes/<str:code>/", views.commune_detail, name="commune_detail"),
]
