from django.apps import AppConfig


class WebConfig(AppConfig):
    """Helpers for the apps' views; an app only so that it can connect the page cache's
    invalidation when the site starts."""

    name = "web"

    def ready(self):
        from web.page_cache import connect_invalidation

        connect_invalidation()
