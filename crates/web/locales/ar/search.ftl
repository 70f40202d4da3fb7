search-title = البحث
search-label = البحث في التحالف
search-placeholder = ابحث…
search-button = بحث
search-hint = اكتب كلمات لتجد المنظمات والأشخاص ومجموعات العمل والتوصيات وبنود الخطط والحملات والمحتوى، بأي لغة. يمكن أن تكون الكلمة الأخيرة بداية كلمة فقط.
search-by-kind = النتائج حسب النوع
search-more = مزيد من النتائج من هذا النوع
search-found =
    { $count ->
        [zero] لا نتائج.
        [one] نتيجة واحدة.
        [two] نتيجتان.
        [few] { $count } نتائج.
        [many] { $count } نتيجة.
       *[other] { $count } نتيجة.
    }
search-kind-organisation = المنظمات
search-kind-person = الأشخاص
search-kind-group = مجموعات العمل
search-kind-recommendation = التوصيات
search-kind-plan_item = بنود الخطط
search-kind-campaign = الحملات
search-kind-content = المحتوى
field-q = الكلمات المطلوبة
