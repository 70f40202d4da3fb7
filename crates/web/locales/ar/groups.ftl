# مجموعات العمل والاجتماعات وسجل التوصيات.
problem-date-time = استخدم تاريخًا ووقتًا مثل 2026-03-10T18:00.
problem-time-skipped = هذا الوقت لا يوجد في تلك المنطقة الزمنية (تقديم الساعة للتوقيت الصيفي)؛ اختر وقتًا آخر.
problem-time-ambiguous = هذا الوقت يتكرر مرتين في تلك المنطقة الزمنية (تأخير الساعة)؛ اختر وقتًا آخر.
problem-link-or-place = أدخل رابطًا للاجتماع عبر الإنترنت أو مكانًا أو كليهما.
problem-status-move = لا يمكن تغيير الحالة على هذا النحو من الحالة الحالية.
problem-already-planned = بند المتابعة هذا أصبح بالفعل إجراءً في خطة.
field-mandate = التفويض
field-mandate-ar = التفويض بالعربية
field-mandate-en = التفويض بالإنجليزية
field-mandate-fr = التفويض بالفرنسية
field-mandate-es = التفويض بالإسبانية
field-lead = المسؤول
field-regions = المناطق
field-people = الأشخاص
field-users = حسابات المستخدمين
field-duration = المدة (بالدقائق)
field-link = الرابط عبر الإنترنت
field-place = المكان
field-group = مجموعة العمل
field-agenda = جدول الأعمال
field-minutes = المحضر
field-decisions = القرارات
field-text = النص
field-text-lang = لغة النص
field-text-ar = النص بالعربية
field-text-en = النص بالإنجليزية
field-text-fr = النص بالفرنسية
field-text-es = النص بالإسبانية
field-theme = المحور
field-reason = السبب
field-meeting = الاجتماع المصدر
field-unlinked = لا شيء مرتبط
field-stale-days = أيام بلا تقدم
field-from = من
field-to = إلى
nav-groups = مجموعات العمل
nav-meetings = الاجتماعات
nav-recommendations = التوصيات
groups-title = مجموعات العمل
groups-new = مجموعة عمل جديدة
groups-edit = تعديل مجموعة العمل
groups-empty = لا توجد مجموعة عمل بعد.
groups-members = الأعضاء
groups-member-count = { $count ->
    [0] لا أعضاء
    [zero] لا أعضاء
    [one] عضو واحد
    [two] عضوان
    [few] { $count } أعضاء
    [many] { $count } عضوًا
   *[other] { $count } عضو
}
groups-translations = الترجمات
groups-actions = إجراءات الخطة التي تتولاها
groups-no-actions = لا تتولى هذه المجموعة أي بند في خطة بعد.
meetings-title = الاجتماعات
meetings-new = اجتماع جديد
meetings-edit = تعديل الاجتماع
meetings-empty = لا اجتماعات.
meetings-upcoming = القادمة
meetings-past = السابقة
meetings-when = الموعد
meetings-your-zone = الأوقات بحسب منطقتك الزمنية:
meetings-minutes-count = { $count ->
    [0] لا دقائق
    [zero] لا دقائق
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
meetings-attendees = الحضور
meetings-action-items = بنود المتابعة
meetings-no-actions = لا بنود متابعة بعد.
meetings-add-action = إضافة بند متابعة
meetings-in-plan = إجراء في خطة
meetings-to-plan = المبادرة التي يتبع لها
meetings-make-action = تحويله إلى إجراء في الخطة
meetings-where-hint = أدخل رابطًا عبر الإنترنت أو مكانًا أو كليهما.
meetings-one-per-line = بند واحد في كل سطر.
meetings-minutes-hint = صيغة ماركداون: # عناوين، **غامق**، _مائل_، - قوائم، [روابط](https://…). تُعرض شيفرة HTML نصًا.
meeting-kind-consultative = اجتماع تشاوري
meeting-kind-workshop = ورشة عمل
meeting-kind-group_meeting = اجتماع مجموعة عمل
recs-title = التوصيات
recs-one = توصية
recs-new = توصية جديدة
recs-edit = تعديل التوصية
recs-empty = لا توجد توصية مطابقة.
recs-none = لا شيء.
recs-unlinked = معتمدة بلا أي بند مرتبط
recs-unlinked-hint = معتمدة أو قيد التنفيذ، لكن لا يتولى تنفيذها أي بند في خطة بعد.
recs-stale = بلا تقدم مؤخرًا
recs-stale-hint = معتمدة أو قيد التنفيذ، ولم يتغير وضعها ولم يُربط بها بند جديد ولم يتغير أي بند مرتبط بها ولم يُسجَّل قياس جديد لمؤشراتها خلال عدد الأيام المحدد أعلاه.
recs-last-activity = آخر نشاط
recs-change-status = تغيير الحالة
recs-reason-hint = مطلوب عند التخلي عنها.
recs-items = بنود الخطة التي تنفذها
recs-no-items = لا بنود مرتبطة بعد.
recs-link = ربط بند من الخطة
recs-unlink = إلغاء الربط
recs-history = السجل
recs-when = الوقت
recs-by = بواسطة
rec-status-proposed = مقترحة
rec-status-adopted = معتمدة
rec-status-in_progress = قيد التنفيذ
rec-status-implemented = منفذة
rec-status-dropped = متروكة
rec-theme-media = الإعلام
rec-theme-legal = القانون
rec-theme-economic = الاقتصاد
rec-theme-grassroots = العمل الشعبي
rec-theme-expansion = التوسع الجغرافي
rec-theme-coordination = التنسيق
rec-theme-other = أخرى
