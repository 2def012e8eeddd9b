from modeltranslation.translator import TranslationOptions, register

from .models import Recommendation


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("title", "theme", "text", "addressees")
