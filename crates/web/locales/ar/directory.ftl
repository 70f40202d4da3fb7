# الدليل: أسماء المنظمات ومجالات عملها ولغاتها؛ الأشخاص؛ الاستيراد.
field-focus = مجال العمل
field-language = لغة العمل
field-focus-areas = مجالات العمل
field-languages = لغات العمل
field-name-lang = لغة الاسم
field-name-ar = الاسم بالعربية
field-name-en = الاسم بالإنجليزية
field-name-fr = الاسم بالفرنسية
field-name-es = الاسم بالإسبانية
organisations-name-in = الاسم باللغة:
organisations-other-names = الاسم بلغات أخرى (إن اختلف)
problem-code = استخدم حروفًا لاتينية صغيرة وأرقامًا وشرطات (مثل land-rights).
focus-title = مجالات العمل
focus-intro = قائمة التحالف لما تعمل عليه المنظمات. إعادة تسمية مجال تُبقيه على كل منظمة، وحذفه يزيله عنها.
focus-name = الاسم
focus-organisations = المنظمات
focus-change = تعديل
focus-new = إضافة مجال عمل
focus-code-hint = رمز قصير لا يتغير، بحروف لاتينية صغيرة وأرقام وشرطات: land-rights.
focus-link = مجالات العمل
nav-people = الأشخاص
people-title = الأشخاص
people-new = إضافة شخص
people-edit = تعديل بيانات الشخص
people-empty = لا يوجد أشخاص للعرض.
people-affiliations = المنظمات
people-pseudonym = اسم مستعار
people-pseudonym-note = يستخدم هذا الشخص اسمًا مستعارًا: لا يرى اسمه الحقيقي وبيانات الاتصال به إلا المنسّقون.
people-pseudonym-hint = للأشخاص المعرّضين للخطر: لا يرى غير المنسّقين إلا الاسم المستعار، ولا يمكنهم إيجاده باسمه الحقيقي.
people-real-name = الاسم الحقيقي
people-contacts = الاتصال
people-consent = الموافقة على التواصل
people-no-consent = لا موافقة مسجّلة
people-not-public = ليس شخصية عامة
people-restricted-hint = الأشخاص المقيّدون لا يراهم إلا المنسّقون والمشرفون.
figure-journalist = صحفي
figure-academic = أكاديمي
figure-artist = فنان
figure-elected_official = مسؤول منتخب
figure-lawyer = محامٍ
figure-religious_leader = قائد ديني
figure-athlete = رياضي
figure-other = شخصية عامة أخرى
consent-contact = يمكن التواصل معه
consent-newsletter = النشرة الإخبارية
consent-events = الدعوات إلى الفعاليات
consent-all = كل المراسلات
field-display-name = الاسم
field-pseudonymous = إظهار الاسم المستعار فقط
field-alias = الاسم المستعار
field-public-figure = شخصية عامة
field-phone = الهاتف
field-signal = سيغنال
field-other-contact = وسيلة أخرى
field-consent-scope = الموافقة
field-consent-date = تاريخ الموافقة
field-roles = الدور
field-organisations = المنظمة
problem-phone = استخدم الأرقام والمسافات و + - ( ) فقط.
import-title = استيراد المنظمات
import-intro = ارفع جدولًا بالمنظمات محفوظًا بصيغة CSV. سترى ما سيُنشأ وما فيه خطأ وما هو موجود أصلًا قبل حفظ أي شيء.
import-accepts-encodings = ملف CSV أو نص مفصول بعلامات الجدولة، من Excel أو LibreOffice أو Google Sheets أو CiviCRM أو Action Network: بترميز UTF-8 (مع BOM أو بدونه) أو UTF-16 أو Windows-1252، بفواصل أو فواصل منقوطة أو علامات جدولة.
import-accepts-columns = صف لكل منظمة فيه على الأقل عمود للاسم وعمود للبلد؛ يمكن أن تكون العناوين بأي حالة أحرف وبالعربية أو الإنجليزية أو الفرنسية أو الإسبانية. الملف المُصدَّر من تضامن يُستورد كما كان.
import-accepts-countries = البلدان برموز من حرفين (KE) أو بأسمائها بالعربية أو الإنجليزية أو الفرنسية أو الإسبانية.
import-accepts-preview = تُعرض الصفوف التي فيها مشكلة مع رقم سطرها وتُستبعد؛ لا يُحفظ شيء قبل أن تؤكّد.
import-preview = معاينة
import-preview-of = معاينة الملف
import-valid = منظمات جديدة ستُنشأ
import-errors = صفوف فيها مشكلة
import-duplicates = صفوف موجودة في الدليل
import-read-as = قُرئ بصيغة
import-ignored = أعمدة لم تُقرأ
import-commit = { $count ->
    [zero] لا شيء للاستيراد
    [one] استيراد منظمة واحدة
    [two] استيراد منظمتين
    [few] استيراد { $count } منظمات
    [many] استيراد { $count } منظمةً
   *[other] استيراد { $count } منظمة
}
import-created = { $count ->
    [zero] لم تُنشأ أي منظمة.
    [one] أُنشئت منظمة واحدة.
    [two] أُنشئت منظمتان.
    [few] أُنشئت { $count } منظمات.
    [many] أُنشئت { $count } منظمةً.
   *[other] أُنشئت { $count } منظمة.
}
import-sample = أولى المنظمات التي ستُنشأ
import-sample-done = أولى المنظمات التي أُنشئت
import-line = السطر
import-problem = المشكلة
import-exists = موجودة أصلًا
import-repeats = يكرّر السطر
import-another = استيراد ملف آخر
field-file = الملف
error-too-large = الطلب كبير جدًا: { $max } ميغابايت على الأكثر.
error-import-empty = الملف فارغ.
error-import-encoding = تعذّرت قراءة نص الملف؛ احفظه بصيغة CSV UTF-8 وحاول مجددًا.
error-import-missing-column = لا يحتوي الملف على عمود «{ $column }».
error-import-csv = تعذّرت قراءة الملف بصيغة CSV ابتداءً من السطر { $line }.
