from django.urls import path

from recommendations.views import pages

urlpatterns = [
    path("", pages.home, name="home"),
    path(
        "recommendations/<int:number>/",
        pages.recommendation_detail,
        name="recommendation_detail",
    ),
]
