from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from territory.models import Body, Commune


@admin.register(Commune)
class CommuneAdmin(TranslationAdmin):
    list_display = ("code", "name", "kind", "cercle", "name_uncertain")
    list_filter = ("kind", "name_uncertain")
    search_fields = ("code", "name_ar", "name_fr", "name_en")


@admin.register(Body)
class BodyAdmin(TranslationAdmin):
    list_display = ("slug", "name", "kind", "commune")
    list_filter = ("kind",)
    list_select_related = ("commune",)
    search_fields = ("slug", "name_ar", "name_fr", "name_en")
