# التغطية: خريطة حضور التحالف وأهداف التوسع الإقليمي.
nav-coverage = التغطية
coverage-title = التغطية والتوسع
coverage-caption = عدد المنظمات في كل بلد. مرّر المؤشر على بلد أو انتقل إليه لترى العدد.
coverage-legend = { $range } منظمة
coverage-by-region = حسب المنطقة والمنطقة الفرعية
coverage-members = الأعضاء
coverage-partners = الشركاء
coverage-prospects = قيد الاستقطاب
coverage-countries-with-member = بلدان فيها عضو
coverage-targets = أهداف التوسع
coverage-no-targets = لا توجد أهداف توسع بعد.
coverage-progress = { $count ->
    [zero] لا شيء حتى الآن
    [one] واحدة حتى الآن
    [two] اثنتان حتى الآن
    [few] { $count } حتى الآن
    [many] { $count } حتى الآن
   *[other] { $count } حتى الآن
}
coverage-days-left = { $count ->
    [zero] لم يبقَ أي يوم
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $count } أيام
    [many] بقي { $count } يومًا
   *[other] بقي { $count } يوم
}
coverage-deadline-passed = انقضى الموعد النهائي
coverage-gaps = { $count ->
    [0] في كل بلدان المنطقة عضو
    [zero] في كل بلدان المنطقة عضو
    [one] بلد واحد ليس فيه عضو بعد
    [two] بلدان ليس فيهما عضو بعد
    [few] { $count } بلدان ليس فيها عضو بعد
    [many] { $count } بلدًا ليس فيها عضو بعد
   *[other] { $count } بلد ليس فيها عضو بعد
}
coverage-new-target = إضافة هدف توسع
shade-present = الأعضاء والشركاء
shade-members = الأعضاء
shade-partners = الشركاء
shade-prospects = قيد الاستقطاب (مرشّحة، تم التواصل، متفاعلة)
counted-members = منظمات أعضاء
counted-partners = منظمات شريكة
counted-members_partners = منظمات أعضاء وشريكة
field-status = الحالة
field-counts = ما يُحتسب
field-target = العدد المستهدف
field-deadline = الموعد النهائي
