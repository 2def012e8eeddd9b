"""Words a resident writes for the same thing: broken plurals and their singulars, the way a
reader means them when searching feedback ("المياه" finds "الماء"). Arabic light stemming joins
sound plurals and attached particles (الجماعات، بالجماعة); broken plurals change the word's
inside, so no stemmer joins them: this list does, for the vocabulary of a commune's services.

Each entry: the word a search means, then the forms that mean the same. Written as people write
them; text.search_keys reduces both sides the same way.
"""

CIVIC_WORDS: dict[str, tuple[str, ...]] = {
    "ماء": ("مياه", "الميه"),
    "بئر": ("آبار", "ابار"),
    "ساقية": ("سواقي",),
    "خطارة": ("خطارات",),
    "طريق": ("طرق", "طرقات"),
    "شارع": ("شوارع",),
    "زنقة": ("أزقة", "زنقات"),
    "قنطرة": ("قناطر",),
    "مدرسة": ("مدارس",),
    "قسم": ("أقسام",),
    "تلميذ": ("تلاميذ",),
    "معلم": ("معلمين",),
    "مستشفى": ("مستشفيات",),
    "مستوصف": ("مستوصفات",),
    "طبيب": ("أطباء",),
    "دواء": ("أدوية",),
    "مريض": ("مرضى",),
    "مسجد": ("مساجد",),
    "حي": ("أحياء",),
    "دوار": ("دواوير",),
    "قرية": ("قرى",),
    "منزل": ("منازل",),
    "بيت": ("بيوت",),
    "سكن": ("مساكن",),
    "مصباح": ("مصابيح",),
    "عمود": ("أعمدة",),
    "سوق": ("أسواق",),
    "حانوت": ("حوانيت",),
    "نخلة": ("نخيل", "نخل"),
    "واحة": ("واحات",),
    "أرض": ("أراضي", "أراض"),
    "طفل": ("أطفال",),
    "شاب": ("شباب",),
    "امرأة": ("نساء", "نسوة", "المرأة"),
    "رجل": ("رجال",),
    "شيخ": ("شيوخ",),
    "جمعية": ("جمعيات",),
    "مشروع": ("مشاريع",),
    "برنامج": ("برامج",),
    "ملعب": ("ملاعب",),
    "حافلة": ("حافلات",),
    "نفاية": ("نفايات", "أزبال", "زبل"),
    "وثيقة": ("وثائق",),
    "شهادة": ("شواهد", "شهادات"),
    "موظف": ("موظفين", "موظفون"),
    "مكتب": ("مكاتب",),
    "سيارة": ("سيارات",),
    "كهرباء": ("الضو", "ضوء"),
}

# Words a light stemmer would wrongly fold into one of the above: kept as they are.
KEPT_AS_WRITTEN = frozenset({"طريقة", "طرائق", "سماء", "بيتا", "شباك"})
