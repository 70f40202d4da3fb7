# Events and virtual seminars.
field-description-ar = Description in Arabic
field-description-en = Description in English
field-description-fr = Description in French
field-description-es = Description in Spanish
field-interpretation = Interpretation into
field-speakers = Speakers
field-capacity = Places
field-registration-opens = Registration opens
field-registration-closes = Registration closes
field-tz = Show times in
field-organiser = Organised by (name)
nav-events = Events
events-title = Events
events-new = New event
events-edit = Edit event
events-empty = No event.
events-upcoming = Upcoming
events-past = Past
events-later = Later events
events-earlier = Earlier events
events-when = When
events-where = Where
events-times-in = Times are shown in
events-own-zone = In its own time zone:
events-online = Online
events-link-hidden = The link to join is for signed-in members and registered participants.
events-organisers = Organisers
events-organised-by = Organised by
events-all-organisers = all organisers
events-show-in-zone = Show
events-where-hint = Give an online link, a country (with a city or address), or both.
events-visibility-hint = Public: anyone can see the event and register. Network: signed-in users only.
events-capacity-hint = Leave empty for no limit.
events-registration-hint = In the event's time zone. Empty: registration is open from now until the event ends.
event-kind-seminar = Seminar
event-kind-webinar = Webinar
event-kind-workshop = Workshop
event-kind-conference = Conference
event-kind-protest = Protest
event-kind-vigil = Vigil
event-kind-meeting = Meeting
problem-registration-closed = registration for this event is not open.
problem-already-registered = this address is already registered for this event. The confirmation has a link to see or cancel the registration.
field-attended = Attended
field-consent = Consent
field-registration = Registration
events-register = Register
events-join-waiting = Join the waiting list
events-full-waiting = The event is full: you can join the waiting list and will get a place, in order, when someone cancels.
events-mail-language = Language of our e-mails
events-consent = I agree that the organisers keep my name, e-mail address and country to write to me about this event, and delete them afterwards.
events-registration-closed = Registration is not open.
events-places-left = { $count ->
    [0] No place left
    [one] { $count } place left
   *[other] { $count } places left
}
events-registered-count = { $count ->
    [0] Nobody registered
    [one] { $count } registered
   *[other] { $count } registered
}
events-waiting-count = { $count ->
    [0] nobody waiting
    [one] { $count } waiting
   *[other] { $count } waiting
}
registrations-attended-count = { $count ->
    [0] nobody attended
    [one] { $count } attended
   *[other] { $count } attended
}
registration-title = Your registration
registration-event = Event
registration-cancelled-notice = Your registration is cancelled.
registration-keep-link = Keep this page's address: it is your link to this registration.
registration-cancel = Cancel my registration
registration-status-registered = Registered, with a place
registration-status-waiting = On the waiting list
registration-status-cancelled = Cancelled
registrations-title = Registrations
registrations-csv = Download as CSV
registrations-empty = Nobody has registered yet.
registrations-at = Registered at
registrations-save-attendance = Save attendance
events-clashes = Possible clashes
events-clashes-hint = These events for the same audience are within 30 minutes of this one. Their organisers may want to move or merge them.
events-clash-shared = In common:
calendar-name = Tadamun events
calendar-feed = Calendar feed (iCalendar)
calendar-add = Add to my calendar (.ics)
calendar-private-feed = Make my private calendar link
calendar-private-feed-hint = A private link also brings the network's events into your calendar application. Making a new one stops the old one.
calendar-private-feed-once = Here is your private calendar link. Copy it into your calendar application now: it is shown only once. Keep it to yourself.
events-cancel = Cancel the event
events-cancelled = Cancelled
events-cancelled-notice = This event is cancelled.
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
calendar-title = Shared calendar
calendar-month = Month
calendar-week = Week
calendar-list = List
calendar-previous = Previous
calendar-next = Next
