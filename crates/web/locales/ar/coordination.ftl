# البحث عن موعد.
problem-time = اكتب وقتًا مثل 09:00.
problem-times-out-of-order = يجب أن يأتي هذا الوقت بعد الوقت الذي قبله.
field-countries = البلدان
field-wake-from = أبكر بداية بالتوقيت المحلي
field-wake-to = آخر نهاية بالتوقيت المحلي
field-zone = عرض الأوقات بتوقيت
field-working-days = أيام العمل فقط (باستثناء عطلة نهاية الأسبوع في كل بلد)
slots-title = البحث عن موعد يناسب مناطق زمنية مختلفة
slots-intro = اذكر البلدان أو المنطقة التي تريد الوصول إليها، ومدة الاجتماع، والأيام التي تبحث فيها. يُحسب كل بلد بعدد المنظمات الأعضاء والشريكة للائتلاف فيه؛ وأفضل المواعيد هي التي يكون فيها معظمها ضمن ساعات اليقظة.
slots-countries-hint = رموز أو أسماء، تفصل بينها فواصل (مثلًا KE, GB, MY).
slots-find = ابحث
slots-audience = من يُحسب
slots-no-audience = لا توجد منطقة زمنية معروفة لأي من هذه البلدان.
slots-weight = { $count ->
    [zero] لا منظمات
    [one] منظمة واحدة
    [two] منظمتان
    [few] { $count } منظمات
    [many] { $count } منظمة
   *[other] { $count } منظمة
}
slots-zones = { $count ->
    [zero] لا مناطق زمنية
    [one] منطقة زمنية واحدة
    [two] منطقتان زمنيتان
    [few] { $count } مناطق زمنية
    [many] { $count } منطقة زمنية
   *[other] { $count } منطقة زمنية
}
slots-best = أفضل المواعيد
slots-none = لا يناسب أي موعد في هذه الفترة أحدًا: وسّع التواريخ أو ساعات اليقظة.
slots-times-in = الأوقات بتوقيت
slots-start = البداية
slots-score = ضمن ساعات اليقظة
slots-partly = جزء من البلد فقط ضمن ساعات اليقظة
slots-outside = خارج ساعات اليقظة
slots-overview = يومًا بيوم وساعة بساعة
slots-overview-intro = نسبة الجمهور الذي يكون ضمن ساعات اليقظة لاجتماع يبدأ عند كل ساعة كاملة.
slots-day = اليوم
