# The slot finder.
problem-time = use a time such as 09:00.
problem-times-out-of-order = this time must come after the one before it.
field-countries = Countries
field-wake-from = Earliest local start
field-wake-to = Latest local end
field-zone = Show times in
field-working-days = Working days only (each country's own weekend left out)
slots-title = Find a time across time zones
slots-intro = Name the countries or the region you want to reach, how long the meeting lasts and the days to search. Each country counts as many times as the coalition has member and partner organisations there; the best times are those when most of them are within waking hours.
slots-countries-hint = Codes or names, separated by commas (for example KE, GB, MY).
slots-find = Find times
slots-audience = Who is counted
slots-no-audience = None of these countries has a known time zone.
slots-weight = { $count ->
    [one] 1 organisation
   *[other] { $count } organisations
}
slots-zones = { $count ->
    [one] 1 time zone
   *[other] { $count } time zones
}
slots-best = Best times
slots-none = No time in this range suits anyone: widen the dates or the waking hours.
slots-times-in = Times in
slots-start = Start
slots-score = Within waking hours
slots-partly = only part of the country within waking hours
slots-outside = outside waking hours
slots-overview = Day by hour
slots-overview-intro = The share of the audience within waking hours for a meeting starting at each full hour.
slots-day = Day
