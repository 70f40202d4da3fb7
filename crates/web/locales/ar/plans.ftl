# الخطط والمؤشرات.
problem-number = استخدم رقمًا مثل 25 أو 3.5.
problem-dates-out-of-order = يجب أن يأتي هذا التاريخ بعد التاريخ الذي قبله.
problem-outside-parent = يقع هذا التاريخ خارج تواريخ البند الذي ينتمي إليه.
problem-parent-level = اختر بندًا أعلى بمستوى واحد بالضبط (تضم الخطة أهدافًا، والهدف مبادرات، والمبادرة إجراءات).
problem-rolled-up = الإجراءات وحدها لها نسبة إنجاز خاصة؛ أما غيرها فتُحسب من أجزائها.
problem-dependency-cycle = هذا يجعل الإجراء ينتظر نفسه.
problem-dependency-not-action = الإجراءات وحدها يمكن أن ينتظر بعضها بعضًا.
problem-starts-before-dependency = سيبدأ هذا الإجراء قبل موعد إنجاز الإجراء الذي ينتظره.
problem-target-direction = يجب أن يكون الهدف أعلى من خط الأساس عند الزيادة وأدنى منه عند النقصان.

nav-plans = الخطط
plans-title = الخطط
plans-new = خطة جديدة
plans-empty = لا توجد خطة بعد.
plans-mine = إجراءاتي
plans-mine-intro = الإجراءات المفتوحة التي تتولاها منظمتك أو مجموعات العمل التي تنتمي إليها أو سجلات الأشخاص التي تحمل بريدك الإلكتروني، الأقرب موعدًا أولًا.
plans-attention = تحتاج إلى متابعة
plans-attention-intro = البنود المتعثرة، أو التي تجاوزت موعدها ولم تُنجز أو تُلغَ، في كل الخطط.
plans-list-empty = لا شيء هنا.
plans-dates = التواريخ
plans-progress = التقدّم
plans-needs-attention = تحتاج إلى متابعة
plans-overdue = متأخر
plans-overdue-count = { $count ->
    [0] لا بند متأخرًا
    [zero] لا بند متأخرًا
    [one] بند واحد متأخر
    [two] بندان متأخران
    [few] { $count } بنود متأخرة
    [many] { $count } بندًا متأخرًا
   *[other] { $count } بند متأخر
}
plans-blocked-count = { $count ->
    [0] لا بند متعثرًا
    [zero] لا بند متعثرًا
    [one] بند واحد متعثر
    [two] بندان متعثران
    [few] { $count } بنود متعثرة
    [many] { $count } بندًا متعثرًا
   *[other] { $count } بند متعثر
}
plans-timeline = الجدول الزمني
plans-report = تقرير للطباعة
plans-csv = تصدير CSV
plans-details = تفاصيل الخطة
plans-add-objective = إضافة هدف
plans-add-child = إضافة بند تحت هذا البند
plans-tree = الأهداف والمبادرات والإجراءات
plans-tree-empty = لا شيء تحت هذا البند بعد.
plans-back-to-plan = العودة إلى الخطة
plans-under = جزء من
plans-children = الأجزاء
plans-update = تحديث التقدّم
plans-dependencies = الاعتماديات
plans-waits-for = يبدأ بعد انتهاء هذه
plans-waited-by = تبدأ هذه بعد انتهائه
plans-add-dependency = إضافة اعتمادية
plans-remove = إزالة
plans-delete = حذف هذا البند
plans-delete-hint = يحذف البند وكل ما تحته ومؤشراتها.
plans-edit-item = تعديل البند
plans-new-item = بند جديد
plans-other-titles = العنوان بلغات أخرى
plans-no-owner = لا أحد
plans-owner = المسؤول
plans-owner-groups = مجموعات العمل
plans-owner-organisations = المنظمات
plans-owner-people = الأشخاص
plans-weight-hint = مقدار احتسابه في تقدّم البند الأعلى، من 1 إلى 100، مقارنةً بالبنود الشقيقة.
plan-level-plan = خطة
plan-level-objective = هدف
plan-level-initiative = مبادرة
plan-level-action = إجراء
plan-status-not_started = لم يبدأ
plan-status-in_progress = قيد التنفيذ
plan-status-done = منجز
plan-status-blocked = متعثر
plan-status-cancelled = ملغى
report-as-of = الوضع بتاريخ
report-objectives = الأهداف
timeline-planned = التواريخ المخططة
timeline-today = اليوم
timeline-dependency = اعتمادية
timeline-as-table = البيانات نفسها في جدول
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

indicators-title = المؤشرات
indicators-one = مؤشر
indicators-empty = لا يوجد مؤشر بعد.
indicators-new = إضافة مؤشر
indicators-measures = يقيس
indicators-target = الهدف
indicators-latest = آخر قيمة
indicators-forecast = التوقّع
indicators-projected-value = القيمة المتوقعة في التاريخ المستهدف
indicators-projected-date = تاريخ بلوغ الهدف
indicators-chart = رسم القياسات
indicators-measurements = القياسات
indicators-trend = الاتجاه
indicators-no-measurements = لا يوجد قياس بعد.
indicators-add-measurement = تسجيل قياس
indicators-entered = أدخله
indicators-correct = تصحيح
indicators-corrected = مُصحَّح
indicators-delete = حذف هذا المؤشر
indicators-direction-increase = يجب أن يزيد
indicators-direction-decrease = يجب أن ينقص
indicators-rules = كيف يُحسب التقدّم والتوقّع
indicators-rule-progress = التقدّم هو نسبة المسافة بين خط الأساس والهدف التي قطعها آخر قياس، بين 0 و100 %.
indicators-rule-trend = الاتجاه هو الخط المستقيم الأنسب (بطريقة المربعات الصغرى) لخط الأساس وكل القياسات الحالية؛ ومنه القيمة المتوقعة في التاريخ المستهدف واليوم الذي يُبلغ فيه الهدف بهذه الوتيرة.
indicators-rule-on-track = على المسار: يبلغ الاتجاه الهدف في موعده، أو بلغه آخر قياس فعلًا.
indicators-rule-at-risk = { $count ->
   *[other] معرّض للخطر: يقطع الاتجاه { $count } % على الأقل من المسافة بحلول التاريخ المستهدف.
}
indicators-rule-off-track = خارج المسار: يقطع الاتجاه أقل من ذلك.
indicators-rule-not-enough = بيانات غير كافية: لا قياس بعد تاريخ خط الأساس.
indicators-rule-corrections = يحلّ التصحيح محل القياس في كل الحسابات؛ وتبقى القيمة المصحَّحة في السجل أدناه مشطوبة.
forecast-on_track = على المسار
forecast-at_risk = معرّض للخطر
forecast-off_track = خارج المسار
forecast-not_enough_data = بيانات غير كافية

field-level = المستوى
field-parent = جزء من
field-title = العنوان
field-title-lang = لغة العنوان
field-title-ar = العنوان بالعربية
field-title-en = العنوان بالإنجليزية
field-title-fr = العنوان بالفرنسية
field-title-es = العنوان بالإسبانية
field-owner-kind = نوع المسؤول
field-start = البداية
field-due = الموعد النهائي
field-weight = الوزن
field-percent = المنجز (%)
field-depends-on = ينتظر
field-unit = الوحدة
field-direction = الاتجاه
field-baseline = خط الأساس
field-baseline-date = تاريخ خط الأساس
field-target-date = التاريخ المستهدف
field-source = المصدر
field-responsible = المسؤول عن القياس
field-item = بند الخطة
field-date = التاريخ
field-value = القيمة
