# الفعاليات والندوات الافتراضية.
field-description-ar = الوصف بالعربية
field-description-en = الوصف بالإنجليزية
field-description-fr = الوصف بالفرنسية
field-description-es = الوصف بالإسبانية
field-interpretation = الترجمة الفورية إلى
field-speakers = المتحدثون
field-capacity = عدد المقاعد
field-registration-opens = بدء التسجيل
field-registration-closes = انتهاء التسجيل
field-tz = عرض الأوقات بتوقيت
field-organiser = تنظّمه (الاسم)
nav-events = الفعاليات
events-title = الفعاليات
events-new = فعالية جديدة
events-edit = تعديل الفعالية
events-empty = لا توجد فعاليات.
events-upcoming = القادمة
events-past = السابقة
events-later = فعاليات لاحقة
events-earlier = فعاليات سابقة
events-when = الموعد
events-where = المكان
events-times-in = الأوقات معروضة بتوقيت
events-own-zone = بتوقيتها المحلي:
events-online = عبر الإنترنت
events-link-hidden = رابط الانضمام متاح للأعضاء المسجلين دخولهم وللمشاركين المسجلين.
events-organisers = المنظمون
events-organised-by = تنظّمه
events-all-organisers = كل الجهات المنظِّمة
events-show-in-zone = عرض
events-where-hint = أدخل رابطًا على الإنترنت، أو بلدًا (مع مدينة أو عنوان)، أو كليهما.
events-visibility-hint = عامة: يراها الجميع ويمكنهم التسجيل. الشبكة: للمستخدمين المسجلين دخولهم فقط.
events-capacity-hint = اتركه فارغًا لعدم تحديد عدد.
events-registration-hint = بتوقيت الفعالية. إذا تُرك فارغًا: التسجيل مفتوح من الآن حتى نهاية الفعالية.
event-kind-seminar = ندوة
event-kind-webinar = ندوة عبر الإنترنت
event-kind-workshop = ورشة عمل
event-kind-conference = مؤتمر
event-kind-protest = احتجاج
event-kind-vigil = وقفة
event-kind-meeting = اجتماع
problem-registration-closed = التسجيل في هذه الفعالية غير مفتوح.
problem-already-registered = هذا العنوان مسجّل بالفعل في هذه الفعالية. تحتوي رسالة التأكيد على رابط لعرض التسجيل أو إلغائه.
field-attended = حضر
field-consent = الموافقة
field-registration = التسجيل
events-register = سجّل
events-join-waiting = انضم إلى قائمة الانتظار
events-full-waiting = اكتمل عدد المقاعد: يمكنك الانضمام إلى قائمة الانتظار وستحصل على مقعد بالترتيب عندما يلغي أحدهم تسجيله.
events-mail-language = لغة رسائلنا
events-consent = أوافق على أن يحتفظ المنظمون باسمي وبريدي الإلكتروني وبلدي لمراسلتي بشأن هذه الفعالية، ثم يحذفوها بعدها.
events-registration-closed = التسجيل غير مفتوح.
events-places-left = { $count ->
    [0] لم يبقَ أي مقعد
    [zero] لم يبقَ أي مقعد
    [one] بقي مقعد واحد
    [two] بقي مقعدان
    [few] بقيت { $count } مقاعد
    [many] بقي { $count } مقعدًا
   *[other] بقي { $count } مقعد
}
events-registered-count = { $count ->
    [0] لا أحد مسجّل
    [zero] لا أحد مسجّل
    [one] مسجّل واحد
    [two] مسجّلان
    [few] { $count } مسجّلين
    [many] { $count } مسجّلًا
   *[other] { $count } مسجّل
}
events-waiting-count = { $count ->
    [0] لا أحد في الانتظار
    [zero] لا أحد في الانتظار
    [one] واحد في الانتظار
    [two] اثنان في الانتظار
    [few] { $count } في الانتظار
    [many] { $count } في الانتظار
   *[other] { $count } في الانتظار
}
registrations-attended-count = { $count ->
    [0] لم يحضر أحد
    [zero] لم يحضر أحد
    [one] حضر واحد
    [two] حضر اثنان
    [few] حضر { $count }
    [many] حضر { $count }
   *[other] حضر { $count }
}
registration-title = تسجيلك
registration-event = الفعالية
registration-cancelled-notice = تم إلغاء تسجيلك.
registration-keep-link = احتفظ بعنوان هذه الصفحة: إنه رابطك إلى هذا التسجيل.
registration-cancel = إلغاء تسجيلي
registration-status-registered = مسجّل، ولك مقعد
registration-status-waiting = على قائمة الانتظار
registration-status-cancelled = ملغى
registrations-title = التسجيلات
registrations-csv = تنزيل بصيغة CSV
registrations-empty = لم يسجّل أحد بعد.
registrations-at = تاريخ التسجيل
registrations-save-attendance = حفظ الحضور
events-clashes = تعارضات محتملة
events-clashes-hint = هذه الفعاليات موجّهة إلى الجمهور نفسه وتقع في حدود 30 دقيقة من هذه الفعالية. قد يرغب منظموها في تغيير موعدها أو دمجها.
events-clash-shared = المشترك:
calendar-name = فعاليات تضامن
calendar-feed = رابط التقويم (iCalendar)
calendar-add = أضف إلى تقويمي (.ics)
calendar-private-feed = أنشئ رابط تقويمي الخاص
calendar-private-feed-hint = الرابط الخاص يضيف أيضًا فعاليات الشبكة إلى تطبيق التقويم لديك. إنشاء رابط جديد يوقف الرابط القديم.
calendar-private-feed-once = هذا رابط تقويمك الخاص. انسخه الآن إلى تطبيق التقويم لديك: لن يُعرض إلا مرة واحدة. احتفظ به لنفسك.
events-cancel = إلغاء الفعالية
events-cancelled = ملغاة
events-cancelled-notice = هذه الفعالية ملغاة.
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
calendar-title = التقويم المشترك
calendar-month = شهر
calendar-week = أسبوع
calendar-list = قائمة
calendar-previous = السابق
calendar-next = التالي
