from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from taata_portal.models import Body, Commune, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "role", "body", "language", "is_active", "is_demo")
    list_filter = ("role", "language", "is_active", "is_demo")
    list_select_related = ("body",)
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("Portal"), {"fields": ("role", "body", "language", "is_demo")}),
    )
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (
        (_("Portal"), {"fields": ("role", "body", "language")}),
    )


@admin.register(Commune)
class CommuneAdmin(TabbedTranslationAdmin):
    list_display = ("code", "name", "kind", "cercle", "name_uncertain")
    list_filter = ("kind", "name_uncertain")
    search_fields = ("code", "name_ar", "name_fr", "name_en")


@admin.register(Body)
class BodyAdmin(TabbedTranslationAdmin):
    list_display = ("slug", "name", "kind", "commune")
    list_filter = ("kind",)
    list_select_related = ("commune",)
    search_fields = ("slug", "name_ar", "name_fr", "name_en")
