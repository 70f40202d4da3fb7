app-name = Tadamun
footer-text = Tadamun — coordinated, measured action for a solidarity coalition.

## Navigation
nav-skip = Skip to content
nav-label = Main
nav-home = Home
nav-organisations = Organisations
nav-users = Users
nav-audit = Audit log
nav-login = Sign in
nav-logout = Sign out
nav-language = Language

## Home
home-title = The coalition at a glance
home-lead = Plans, working groups, campaigns and events of the network, in one place.
home-organisations-count = { $count ->
    [0] No organisation is visible to you yet.
    [one] One organisation is visible to you.
   *[other] { $count } organisations are visible to you.
}
home-login-hint = Sign in to see the network's records and to contribute.

## Signing in
login-title = Sign in
login-submit = Sign in
login-failed = The e-mail address or the password is not right.

## Errors
error-not-found = This page does not exist, or you may not see it.
error-unauthorized = Please sign in first.
error-forbidden = Your role does not allow this.
error-internal = Something went wrong on our side. It has been logged; please try again.
error-malformed = The request could not be read
error-too-many-attempts = { $seconds ->
    [one] Too many failed attempts. Try again in one second.
   *[other] Too many failed attempts. Try again in { $seconds } seconds.
}

## Validation problems
problem-required = this is required.
problem-too-long = { $max ->
    [one] at most one character.
   *[other] at most { $max } characters.
}
problem-email = this is not an e-mail address.
problem-password-too-short = { $min ->
    [one] at least one character.
   *[other] at least { $min } characters.
}
problem-password-common = this password is too easy to guess.
problem-password-contains-email = the password must not contain your e-mail name.
problem-password-wrong = the current password is not right.
problem-role = choose admin, coordinator, member or viewer.
problem-language = choose one of the interface languages.
problem-time-zone = this is not a known time zone (for example Africa/Nairobi).
problem-visibility = choose public, network or restricted.
problem-country = use a two-letter country code (for example KE).
problem-url = use an address starting with https:// or http://.
problem-unknown-value = this value is not known.
problem-taken = this is already used by another record.
problem-cursor = this cursor was not made by this server; start from the first page.
problem-out-of-range = use a number from { $min } to { $max }.
problem-self-lockout = you cannot remove your own admin role or access.

## Field names
field-email = E-mail
field-password = Password
field-name = Name
field-lang = Language
field-time-zone = Time zone
field-current-password = Current password
field-new-password = New password
field-label = Label
field-role = Role
field-organisation = Organisation
field-active = Active
field-country = Country
field-city = City
field-website = Website
field-description = Description
field-visibility = Visibility
field-entity = Record type
field-id = Id
field-limit = Limit
field-groups = Working groups
field-view = View
field-cursor = Cursor

## Common words
saved = Saved.
save = Save
edit = Edit
delete = Delete
revoke = Revoke
created = Created
last-used = Last used
actions = Actions
yes = Yes
no = No
none = None
all = All
filter = Filter
next-page = Next page

## Roles
role-admin = Admin
role-coordinator = Coordinator
role-member = Member
role-viewer = Viewer

## Visibility
visibility-public = Public
visibility-network = Network
visibility-restricted = Restricted

## Account
account-title = Your account
account-profile = Profile
account-lang-browser = As my browser says
account-password = Password
account-password-hint = At least 10 characters. A few words you can remember work well.
account-password-change = Change password
account-tokens = API tokens
account-tokens-hint = A token lets a program use the API as you. Revoke it when it is no longer needed.
account-token-once = Copy this token now. It will not be shown again.
account-token-create = Create token

## Users
users-title = Users
users-new = Add a user
users-edit = Edit user

## Organisations
organisations-title = Organisations
organisations-new = Add an organisation
organisations-edit = Edit organisation
organisations-empty = No organisation to show.

## Audit log
audit-title = Audit log
audit-when = When
audit-who = Who
audit-what = What
audit-change = Change
audit-details = Details
audit-before = Before
audit-after = After
action-create = Created
action-update = Changed
action-delete = Deleted
entity-user = User
entity-organisation = Organisation
entity-api_token = API token

## Two-factor sign-in
login-code-title = Code from your authenticator app
login-code-hint = Open the authenticator app on your phone and type the six digits it shows for Tadamun.
login-code-submit = Continue
login-expired = That sign-in took too long. Please sign in again.
field-code = Code
problem-code-wrong = this code is not right, or was already used; wait for the next one.
two-factor-title = Two-factor sign-in
two-factor-on = On: signing in needs your password and a code from your authenticator app.
two-factor-off = Off. Turn it on so that a stolen password alone cannot open your account.
two-factor-setup = Set up an authenticator app
two-factor-setup-hint = Scan this code with an authenticator app (such as Aegis, FreeOTP or Google Authenticator), or type the key below into it. Then type the six digits the app shows.
two-factor-qr = QR code for setting up the authenticator app
two-factor-secret = Key:
two-factor-open-app = Open in an authenticator app on this device
two-factor-enable = Turn on
two-factor-disable = Turn off
two-factor-disable-hint = To turn it off, confirm with your password and a current code.
two-factor-reset = Turn off two-factor sign-in for this user

## Countries and regions
search = Search
choose = Choose…
field-region = Region

## Outreach pipeline
nav-outreach = Outreach
field-kind = Kind
field-stage = Stage
field-note = Note
field-owner = Followed up by
field-next-step = Next step
field-next-step-due = Next step due
field-days = Days without change
problem-stage-move = this move is not possible from the current stage.
problem-date = use a date like 2026-06-30.
error-conflict = Someone else changed this at the same moment. Reload the page and try again.
kind-ngo = NGO
kind-grassroots = Grassroots group
kind-union = Trade union
kind-student = Student group
kind-faith = Faith group
kind-media = Media outlet
kind-legal = Legal organisation
kind-academic = Academic institution
kind-party = Political party
kind-other = Other
stage-prospect = Prospect
stage-contacted = Contacted
stage-engaged = Engaged
stage-member = Member
stage-partner = Partner
stage-declined = Declined
stage-inactive = Inactive
organisations-duplicate = An organisation with this name already exists in this country:
organisations-force = Create it anyway
outreach-title = Outreach pipeline
outreach-funnel-now = Where organisations stand now
outreach-conversion = Conversion between stages
outreach-median-days = Median days in each stage
outreach-stalled = Stalled
outreach-mine = My next steps
outreach-waiting = Waiting
outreach-days-since = { $count ->
    [one] one day in this stage
   *[other] { $count } days in this stage
}
outreach-history = Stage history
outreach-move = Change stage
outreach-follow-up = Follow-up
outreach-nobody = Nobody
error-duplicate = An organisation with this name already exists in this country. Send again with force=true to create it anyway.

## Exports
export-csv = Export as CSV (spreadsheet)
export-json = Export as JSON

## Pickers of organisations and people
picker-find = Find
picker-find-label = Find by name
picker-hint = Type part of a name and press Find; the matches appear above, ready to tick. Those already ticked stay.
picker-nothing-found = Nothing matches these words. Try fewer or shorter words.
picker-kind-group = Working group
picker-kind-organisation = Organisation
picker-kind-person = Person
