# Campaigns and their targets.
problem-outcome-date = give the date the outcome was reached.
field-phase = Phase
field-items = Plan items
field-indicators = Indicators
field-goals = Goals
field-goals-ar = Goals in Arabic
field-goals-en = Goals in English
field-goals-fr = Goals in French
field-goals-es = Goals in Spanish
field-end = End
field-demands = Demands
field-outcome = Outcome
field-outcome-date = Date of the outcome
field-evidence = Evidence
nav-campaigns = Campaigns
campaigns-title = Campaigns
campaigns-new = New campaign
campaigns-edit = Edit campaign
campaigns-empty = No campaign matches.
campaigns-period = Period
campaigns-plan = In the plan
campaigns-indicator = Indicator
campaigns-targets = Targets
campaigns-wins-over-time = Wins over time
campaigns-wins = Won or partly won
campaigns-losses = Lost
campaigns-today = Today
campaigns-markdown-hint = Markdown: **bold**, *italic*, lists, links.
campaigns-won-count = { $count ->
    [one] { $count } won
   *[other] { $count } won
}
campaigns-lost-count = { $count ->
    [one] { $count } lost
   *[other] { $count } lost
}
campaigns-open-count = { $count ->
    [one] { $count } open
   *[other] { $count } open
}
campaign-kind-media = Media
campaign-kind-advocacy = Advocacy
campaign-kind-legal = Legal
campaign-kind-economic = Economic (boycott, divestment)
campaign-kind-grassroots = Grassroots
campaign-phase-upcoming = Upcoming
campaign-phase-running = Running
campaign-phase-ended = Ended
targets-new = New target
targets-edit = Edit target
targets-empty = No target yet.
targets-evidence-link = Evidence
targets-outcome-date-hint = Required when the outcome is won, partly won or lost.
target-kind-company = Company
target-kind-institution = Institution
target-kind-government = Government body
target-kind-other = Other
outcome-open = Open
outcome-won = Won
outcome-partial = Partly won
outcome-lost = Lost
# Content items and their translations.
problem-translation-move = a translation goes from draft to review, approval and publication in that order; this move is not possible from its current state.
field-body = Text
field-channel = Channel
field-state = State
field-assignee = Translator
field-source-lang = Source language
content-title = Content
content-new = New content item
content-edit = Edit content item
content-empty = No content yet.
content-translations = Translations
content-no-languages = The campaign has no other language to translate into.
content-outdated = Out of date
content-outdated-hint = The source changed after this translation was approved: revise it.
content-late = Late
content-source = Source
content-source-hint = Changing the title or text marks approved and published translations out of date.
content-translation-into = Translation into
content-change-state = Change state
content-write = Write and assign
content-kind-social_post = Social media post
content-kind-article = Article
content-kind-press_release = Press release
content-kind-video_script = Video script
content-kind-newsletter = Newsletter
content-kind-fact_sheet = Fact sheet
content-kind-other = Other
channel-website = Website
channel-x = X
channel-instagram = Instagram
channel-facebook = Facebook
channel-tiktok = TikTok
channel-youtube = YouTube
channel-telegram = Telegram
channel-whatsapp = WhatsApp
channel-newsletter = Newsletter
channel-press = Press
translation-missing = Missing
translation-draft = Draft
translation-in_review = In review
translation-approved = Approved
translation-published = Published
# The translation matrix and one's own translations.
matrix-title = Translation matrix
matrix-missing = { $count ->
    [one] { $count } translation missing
   *[other] { $count } translations missing
}
matrix-late = { $count ->
    [one] { $count } late
   *[other] { $count } late
}
matrix-outdated = { $count ->
    [one] { $count } out of date
   *[other] { $count } out of date
}
mine-title = My translations
mine-hint = Translations assigned to you that are not yet published, soonest due first.
mine-empty = Nothing is assigned to you.
# The publishing schedule and reach.
field-url = Published link
field-impressions = Impressions
field-engagements = Engagements
field-clicks = Clicks
field-publication = Publication
schedule-title = Publishing schedule
schedule-empty = Nothing scheduled yet.
schedule-add = Schedule a publication
schedule-reach = Reach
schedule-published-link = Published
schedule-scheduled = Scheduled
reach-import-title = Import reach figures
reach-import-hint = A CSV file with a publication column (its id) and any of impressions, engagements and clicks. One wrong cell and nothing is imported. Start from the list of publications:
reach-import-download = download the campaign's publications (CSV)
reach-import-refused = Nothing was imported. Correct these cells and import the file again:
reach-import-line = Line
reach-import-column = Column
reach-import-problem = Problem
reach-import-file = CSV file
reach-import-submit = Import
# The editorial calendar.
editorial-title = Editorial calendar
editorial-month = Month
editorial-week = Week
editorial-previous = ← Previous
editorial-next = Next →
editorial-day-0 = Monday
editorial-day-1 = Tuesday
editorial-day-2 = Wednesday
editorial-day-3 = Thursday
editorial-day-4 = Friday
editorial-day-5 = Saturday
editorial-day-6 = Sunday
