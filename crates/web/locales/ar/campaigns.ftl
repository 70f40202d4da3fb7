# الحملات وأهدافها.
problem-outcome-date = اذكر تاريخ الوصول إلى النتيجة.
field-phase = المرحلة
field-items = عناصر الخطة
field-indicators = المؤشرات
field-goals = الغايات
field-goals-ar = الغايات بالعربية
field-goals-en = الغايات بالإنجليزية
field-goals-fr = الغايات بالفرنسية
field-goals-es = الغايات بالإسبانية
field-end = النهاية
field-demands = المطالب
field-outcome = النتيجة
field-outcome-date = تاريخ النتيجة
field-evidence = الدليل
nav-campaigns = الحملات
campaigns-title = الحملات
campaigns-new = حملة جديدة
campaigns-edit = تعديل الحملة
campaigns-empty = لا توجد حملة مطابقة.
campaigns-period = الفترة
campaigns-plan = في الخطة
campaigns-indicator = مؤشر
campaigns-targets = الجهات المستهدفة
campaigns-wins-over-time = المكاسب عبر الزمن
campaigns-wins = مكسوبة كليًا أو جزئيًا
campaigns-losses = خاسرة
campaigns-today = اليوم
campaigns-markdown-hint = ماركداون: **غامق**، *مائل*، قوائم، روابط.
campaigns-won-count = { $count ->
    [zero] لا مكاسب
    [one] مكسب واحد
    [two] مكسبان
    [few] { $count } مكاسب
    [many] { $count } مكسبًا
   *[other] { $count } مكسب
}
campaigns-lost-count = { $count ->
    [zero] لا خسائر
    [one] خسارة واحدة
    [two] خسارتان
    [few] { $count } خسائر
    [many] { $count } خسارة
   *[other] { $count } خسارة
}
campaigns-open-count = { $count ->
    [zero] لا شيء مفتوح
    [one] واحدة مفتوحة
    [two] اثنتان مفتوحتان
    [few] { $count } مفتوحة
    [many] { $count } مفتوحة
   *[other] { $count } مفتوحة
}
campaign-kind-media = إعلامية
campaign-kind-advocacy = مناصرة
campaign-kind-legal = قانونية
campaign-kind-economic = اقتصادية (مقاطعة، سحب استثمارات)
campaign-kind-grassroots = قاعدية
campaign-phase-upcoming = قادمة
campaign-phase-running = جارية
campaign-phase-ended = منتهية
targets-new = جهة مستهدفة جديدة
targets-edit = تعديل الجهة المستهدفة
targets-empty = لا توجد جهة مستهدفة بعد.
targets-evidence-link = الدليل
targets-outcome-date-hint = مطلوب عندما تكون النتيجة مكسوبة كليًا أو جزئيًا أو خاسرة.
target-kind-company = شركة
target-kind-institution = مؤسسة
target-kind-government = جهة حكومية
target-kind-other = أخرى
outcome-open = مفتوحة
outcome-won = مكسوبة
outcome-partial = مكسوبة جزئيًا
outcome-lost = خاسرة
# المحتوى وترجماته.
problem-translation-move = تنتقل الترجمة من المسودة إلى المراجعة فالاعتماد فالنشر بهذا الترتيب؛ هذا التغيير غير ممكن من حالتها الحالية.
field-body = النص
field-channel = القناة
field-state = الحالة
field-assignee = المترجم
field-source-lang = لغة المصدر
content-title = المحتوى
content-new = محتوى جديد
content-edit = تعديل المحتوى
content-empty = لا يوجد محتوى بعد.
content-translations = الترجمات
content-no-languages = ليست للحملة لغة أخرى للترجمة إليها.
content-outdated = قديمة
content-outdated-hint = تغيّر المصدر بعد اعتماد هذه الترجمة: راجعها.
content-late = متأخرة
content-source = المصدر
content-source-hint = تغيير العنوان أو النص يجعل الترجمات المعتمدة والمنشورة قديمة.
content-translation-into = الترجمة إلى
content-change-state = تغيير الحالة
content-write = الكتابة والإسناد
content-kind-social_post = منشور على وسائل التواصل
content-kind-article = مقال
content-kind-press_release = بيان صحفي
content-kind-video_script = نص فيديو
content-kind-newsletter = نشرة
content-kind-fact_sheet = ورقة حقائق
content-kind-other = أخرى
channel-website = الموقع الإلكتروني
channel-x = إكس
channel-instagram = إنستغرام
channel-facebook = فيسبوك
channel-tiktok = تيك توك
channel-youtube = يوتيوب
channel-telegram = تيليغرام
channel-whatsapp = واتساب
channel-newsletter = النشرة
channel-press = الصحافة
translation-missing = غير موجودة
translation-draft = مسودة
translation-in_review = قيد المراجعة
translation-approved = معتمدة
translation-published = منشورة
# مصفوفة الترجمة وترجماتي.
matrix-title = مصفوفة الترجمة
matrix-missing = { $count ->
    [zero] لا ترجمات ناقصة
    [one] ترجمة واحدة ناقصة
    [two] ترجمتان ناقصتان
    [few] { $count } ترجمات ناقصة
    [many] { $count } ترجمة ناقصة
   *[other] { $count } ترجمة ناقصة
}
matrix-late = { $count ->
    [zero] لا تأخير
    [one] واحدة متأخرة
    [two] اثنتان متأخرتان
    [few] { $count } متأخرة
    [many] { $count } متأخرة
   *[other] { $count } متأخرة
}
matrix-outdated = { $count ->
    [zero] لا ترجمات قديمة
    [one] واحدة قديمة
    [two] اثنتان قديمتان
    [few] { $count } قديمة
    [many] { $count } قديمة
   *[other] { $count } قديمة
}
mine-title = ترجماتي
mine-hint = الترجمات المسندة إليك التي لم تُنشر بعد، الأقرب موعدًا أولًا.
mine-empty = لا شيء مسند إليك.
# جدول النشر والوصول.
field-url = رابط المنشور
field-impressions = مرات الظهور
field-engagements = التفاعلات
field-clicks = النقرات
field-publication = المنشور
schedule-title = جدول النشر
schedule-empty = لا شيء مجدول بعد.
schedule-add = جدولة منشور
schedule-reach = الوصول
schedule-published-link = منشور
schedule-scheduled = مجدول
reach-import-title = استيراد أرقام الوصول
reach-import-hint = ملف CSV فيه عمود publication (معرّف المنشور) وأيّ من impressions وengagements وclicks. خلية واحدة خاطئة تعني أن لا شيء يُستورد. ابدأ من قائمة المنشورات:
reach-import-download = تنزيل منشورات الحملة (CSV)
reach-import-refused = لم يُستورد شيء. صحّح هذه الخلايا ثم استورد الملف مجددًا:
reach-import-line = السطر
reach-import-column = العمود
reach-import-problem = المشكلة
reach-import-file = ملف CSV
reach-import-submit = استيراد
# الروزنامة التحريرية.
editorial-title = الروزنامة التحريرية
editorial-month = شهر
editorial-week = أسبوع
editorial-previous = السابق
editorial-next = التالي
editorial-day-0 = الاثنين
editorial-day-1 = الثلاثاء
editorial-day-2 = الأربعاء
editorial-day-3 = الخميس
editorial-day-4 = الجمعة
editorial-day-5 = السبت
editorial-day-6 = الأحد
