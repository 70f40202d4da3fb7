# Coverage: the map of the coalition's presence and regional expansion targets.
nav-coverage = Coverage
coverage-title = Coverage and expansion
coverage-caption = Organisations per country. Hover or focus a country to see its number.
coverage-legend = { $range } organisations
coverage-by-region = By region and sub-region
coverage-members = Members
coverage-partners = Partners
coverage-prospects = In the pipeline
coverage-countries-with-member = Countries with a member
coverage-targets = Expansion targets
coverage-no-targets = No expansion target yet.
coverage-progress = { $count ->
    [one] { $count } so far
   *[other] { $count } so far
}
coverage-days-left = { $count ->
    [one] { $count } day left
   *[other] { $count } days left
}
coverage-deadline-passed = the deadline has passed
coverage-gaps = { $count ->
    [0] Every country of the region has a member
    [one] { $count } country with no member yet
   *[other] { $count } countries with no member yet
}
coverage-new-target = Add an expansion target
shade-present = Members and partners
shade-members = Members
shade-partners = Partners
shade-prospects = In the pipeline (prospect, contacted, engaged)
counted-members = member organisations
counted-partners = partner organisations
counted-members_partners = member and partner organisations
field-status = Status
field-counts = What is counted
field-target = Target number
field-deadline = Deadline
