from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from recommendations.models import Recommendation


@admin.register(Recommendation)
class RecommendationAdmin(TabbedTranslationAdmin):
    list_display = ("number", "title", "theme")
    search_fields = ("title_ar", "title_fr", "title_en", "text_ar")
