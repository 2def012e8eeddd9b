from modeltranslation.translator import TranslationOptions, register

from .models import Commitment, Milestone, Recommendation


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("title", "theme", "text", "addressees")


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("ar",)


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("ar",)
