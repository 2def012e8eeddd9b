from modeltranslation.translator import TranslationOptions, register

from .models import Committee


@register(Committee)
class CommitteeTranslation(TranslationOptions):
    fields = ("name", "mandate")
    required_languages = ("ar",)
