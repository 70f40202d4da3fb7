app-name = تضامن
footer-text = تضامن — عمل منسّق ومدروس من أجل تحالف تضامني.

## Navigation
nav-skip = الانتقال إلى المحتوى
nav-label = القائمة الرئيسية
nav-home = الرئيسية
nav-organisations = المنظمات
nav-users = المستخدمون
nav-audit = سجل التدقيق
nav-login = تسجيل الدخول
nav-logout = تسجيل الخروج
nav-language = اللغة

## Home
home-title = التحالف في لمحة
home-lead = خطط الشبكة ومجموعات عملها وحملاتها وفعالياتها، في مكان واحد.
home-organisations-count = { $count ->
    [0] لا تظهر لك أي منظمة حتى الآن.
    [zero] لا تظهر لك أي منظمة حتى الآن.
    [one] تظهر لك منظمة واحدة.
    [two] تظهر لك منظمتان.
    [few] تظهر لك { $count } منظمات.
    [many] تظهر لك { $count } منظمةً.
   *[other] تظهر لك { $count } منظمة.
}
home-login-hint = يُرجى تسجيل الدخول للاطلاع على سجلات الشبكة والمساهمة فيها.

## Signing in
login-title = تسجيل الدخول
login-submit = دخول
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.

## Errors
error-not-found = هذه الصفحة غير موجودة، أو لا يحق لك الاطلاع عليها.
error-unauthorized = يُرجى تسجيل الدخول أولًا.
error-forbidden = دورك لا يسمح بذلك.
error-internal = حدث خطأ من جهتنا، وقد سُجّل. يُرجى المحاولة مرة أخرى.
error-malformed = تعذّرت قراءة الطلب
error-too-many-attempts = { $seconds ->
    [zero] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد لحظات.
    [one] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد ثانية واحدة.
    [two] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد ثانيتين.
    [few] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $seconds } ثوانٍ.
    [many] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $seconds } ثانية.
   *[other] محاولات فاشلة كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $seconds } ثانية.
}

## Validation problems
problem-required = هذا الحقل مطلوب.
problem-too-long = { $max ->
    [zero] لا يُسمح بأي حرف.
    [one] حرف واحد على الأكثر.
    [two] حرفان على الأكثر.
    [few] { $max } أحرف على الأكثر.
    [many] { $max } حرفًا على الأكثر.
   *[other] { $max } حرف على الأكثر.
}
problem-email = هذا ليس عنوان بريد إلكتروني.
problem-password-too-short = { $min ->
    [zero] { $min } حرف على الأقل.
    [one] حرف واحد على الأقل.
    [two] حرفان على الأقل.
    [few] { $min } أحرف على الأقل.
    [many] { $min } حرفًا على الأقل.
   *[other] { $min } حرف على الأقل.
}
problem-password-common = كلمة المرور هذه سهلة التخمين جدًا.
problem-password-contains-email = يجب ألا تتضمن كلمة المرور اسم المستخدم في بريدك الإلكتروني.
problem-password-wrong = كلمة المرور الحالية غير صحيحة.
problem-role = اختر «مشرف» أو «منسّق» أو «عضو» أو «مُطّلع».
problem-language = اختر إحدى لغات الواجهة.
problem-time-zone = هذه ليست منطقة زمنية معروفة (مثل Africa/Nairobi).
problem-visibility = اختر «عام» أو «الشبكة» أو «مقيّد».
problem-country = استخدم رمز بلد من حرفين (مثل KE).
problem-url = استخدم عنوانًا يبدأ بـ https:// أو http://.
problem-unknown-value = هذه القيمة غير معروفة.
problem-taken = هذه القيمة مستخدمة بالفعل في سجل آخر.
problem-cursor = لم يُنشئ هذا الخادم هذا المؤشر؛ ابدأ من الصفحة الأولى.
problem-out-of-range = استخدم عددًا من { $min } إلى { $max }.
problem-self-lockout = لا يمكنك أن تسحب من نفسك دور المشرف أو صلاحية الوصول.

## Field names
field-email = البريد الإلكتروني
field-password = كلمة المرور
field-name = الاسم
field-lang = اللغة
field-time-zone = المنطقة الزمنية
field-current-password = كلمة المرور الحالية
field-new-password = كلمة المرور الجديدة
field-label = التسمية
field-role = الدور
field-organisation = المنظمة
field-active = نشط
field-country = البلد
field-city = المدينة
field-website = الموقع الإلكتروني
field-description = الوصف
field-visibility = مستوى الظهور
field-entity = نوع السجل
field-id = المعرّف
field-limit = الحد
field-groups = مجموعات العمل
field-view = العرض
field-cursor = المؤشر

## Common words
saved = تم الحفظ.
save = حفظ
edit = تعديل
delete = حذف
revoke = إبطال
created = تاريخ الإنشاء
last-used = آخر استخدام
actions = الإجراءات
yes = نعم
no = لا
none = لا شيء
all = الكل
filter = تصفية
next-page = الصفحة التالية

## Roles
role-admin = مشرف
role-coordinator = منسّق
role-member = عضو
role-viewer = مُطّلع

## Visibility
visibility-public = عام
visibility-network = الشبكة
visibility-restricted = مقيّد

## Account
account-title = حسابك
account-profile = الملف الشخصي
account-lang-browser = حسب إعدادات متصفحي
account-password = كلمة المرور
account-password-hint = 10 أحرف على الأقل. بضع كلمات يسهل عليك تذكّرها خيار جيد.
account-password-change = تغيير كلمة المرور
account-tokens = رموز API
account-tokens-hint = يتيح الرمز لبرنامجٍ استخدام واجهة API باسمك. يُرجى إبطاله عندما لا تعود بحاجة إليه.
account-token-once = انسخ هذا الرمز الآن، فلن يُعرض مرة أخرى.
account-token-create = إنشاء رمز

## Users
users-title = المستخدمون
users-new = إضافة مستخدم
users-edit = تعديل المستخدم

## Organisations
organisations-title = المنظمات
organisations-new = إضافة منظمة
organisations-edit = تعديل المنظمة
organisations-empty = لا توجد منظمات لعرضها.

## Audit log
audit-title = سجل التدقيق
audit-when = متى
audit-who = مَن
audit-what = ماذا
audit-change = التغيير
audit-details = التفاصيل
audit-before = قبل
audit-after = بعد
action-create = إنشاء
action-update = تعديل
action-delete = حذف
entity-user = مستخدم
entity-organisation = منظمة
entity-api_token = رمز API

## Two-factor sign-in
login-code-title = الرمز من تطبيق المصادقة
login-code-hint = افتح تطبيق المصادقة على هاتفك واكتب الأرقام الستة التي يعرضها لتضامن.
login-code-submit = متابعة
login-expired = استغرق تسجيل الدخول وقتًا طويلًا. يُرجى تسجيل الدخول من جديد.
field-code = الرمز
problem-code-wrong = هذا الرمز غير صحيح أو سبق استخدامه؛ انتظر الرمز التالي.
two-factor-title = التحقق بخطوتين
two-factor-on = مُفعَّل: يتطلب تسجيل الدخول كلمة المرور ورمزًا من تطبيق المصادقة.
two-factor-off = غير مُفعَّل. فعِّله حتى لا تكفي كلمة مرور مسروقة وحدها لفتح حسابك.
two-factor-setup = إعداد تطبيق المصادقة
two-factor-setup-hint = امسح هذا الرمز بتطبيق مصادقة (مثل Aegis أو FreeOTP أو Google Authenticator)، أو اكتب فيه المفتاح أدناه، ثم اكتب الأرقام الستة التي يعرضها التطبيق.
two-factor-qr = رمز QR لإعداد تطبيق المصادقة
two-factor-secret = المفتاح:
two-factor-open-app = فتح في تطبيق مصادقة على هذا الجهاز
two-factor-enable = تفعيل
two-factor-disable = إيقاف
two-factor-disable-hint = لإيقافه، أكِّد بكلمة المرور ورمز حالي.
two-factor-reset = إيقاف التحقق بخطوتين لهذا المستخدم

## Countries and regions
search = بحث
choose = اختر…
field-region = المنطقة

## Outreach pipeline
nav-outreach = التواصل
field-kind = النوع
field-stage = المرحلة
field-note = ملاحظة
field-owner = يتابعها
field-next-step = الخطوة التالية
field-next-step-due = موعد الخطوة التالية
field-days = أيام بلا تغيير
problem-stage-move = لا يمكن هذا الانتقال من المرحلة الحالية.
problem-date = استخدم تاريخًا مثل 2026-06-30.
error-conflict = غيّر شخص آخر هذا في اللحظة نفسها. أعد تحميل الصفحة وحاول مرة أخرى.
kind-ngo = منظمة غير حكومية
kind-grassroots = مجموعة قاعدية
kind-union = نقابة
kind-student = مجموعة طلابية
kind-faith = مجموعة دينية
kind-media = وسيلة إعلام
kind-legal = منظمة قانونية
kind-academic = مؤسسة أكاديمية
kind-party = حزب سياسي
kind-other = أخرى
stage-prospect = محتملة
stage-contacted = تم التواصل
stage-engaged = متفاعلة
stage-member = عضو
stage-partner = شريك
stage-declined = اعتذرت
stage-inactive = غير نشطة
organisations-duplicate = توجد منظمة بهذا الاسم في هذا البلد:
organisations-force = أنشئها على أي حال
outreach-title = مسار التواصل
outreach-funnel-now = أين تقف المنظمات الآن
outreach-conversion = الانتقال بين المراحل
outreach-median-days = وسيط الأيام في كل مرحلة
outreach-stalled = متوقفة
outreach-mine = خطواتي التالية
outreach-waiting = الانتظار
outreach-days-since = { $count ->
    [zero] أقل من يوم في هذه المرحلة
    [one] يوم واحد في هذه المرحلة
    [two] يومان في هذه المرحلة
    [few] { $count } أيام في هذه المرحلة
    [many] { $count } يومًا في هذه المرحلة
   *[other] { $count } يوم في هذه المرحلة
}
outreach-history = سجل المراحل
outreach-move = تغيير المرحلة
outreach-follow-up = المتابعة
outreach-nobody = لا أحد
error-duplicate = توجد منظمة بهذا الاسم في هذا البلد. أعد الإرسال مع force=true لإنشائها على أي حال.

## Exports
export-csv = تصدير بصيغة CSV (جدول بيانات)
export-json = تصدير بصيغة JSON

## منتقيات المنظمات والأشخاص
picker-find = بحث
picker-find-label = البحث بالاسم
picker-hint = اكتب جزءًا من الاسم واضغط «بحث»؛ تظهر النتائج أعلاه جاهزة للتحديد. ما حُدِّد من قبل يبقى محددًا.
picker-nothing-found = لا شيء يطابق هذه الكلمات. جرّب كلمات أقل أو أقصر.
picker-kind-group = فريق عمل
picker-kind-organisation = منظمة
picker-kind-person = شخص
