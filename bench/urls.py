"""The portal's URLs plus a bare Django view: the baseline every page is compared with."""

from django.http import HttpResponse
from django.urls import path

from taata_portal.urls import urlpatterns as portal


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *portal]
