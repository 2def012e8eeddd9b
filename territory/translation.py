from modeltranslation.translator import TranslationOptions, register

from .models import Body, Commune


@register(Commune)
class CommuneTranslation(TranslationOptions):
    fields = ("name", "cercle")


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("name",)
