# Événements et séminaires en ligne.
field-description-ar = Description en arabe
field-description-en = Description en anglais
field-description-fr = Description en français
field-description-es = Description en espagnol
field-interpretation = Interprétation vers
field-speakers = Intervenants
field-capacity = Places
field-registration-opens = Ouverture des inscriptions
field-registration-closes = Clôture des inscriptions
field-tz = Afficher les heures en
field-organiser = Organisé par (nom)
nav-events = Événements
events-title = Événements
events-new = Nouvel événement
events-edit = Modifier l’événement
events-empty = Aucun événement.
events-upcoming = À venir
events-past = Passés
events-later = Événements suivants
events-earlier = Événements précédents
events-when = Quand
events-where = Où
events-times-in = Heures affichées en
events-own-zone = Dans son propre fuseau :
events-online = En ligne
events-link-hidden = Le lien de connexion est réservé aux membres connectés et aux personnes inscrites.
events-organisers = Organisateurs
events-organised-by = Organisé par
events-all-organisers = tous les organisateurs
events-show-in-zone = Afficher
events-where-hint = Indiquez un lien en ligne, un pays (avec une ville ou une adresse), ou les deux.
events-visibility-hint = Public : tout le monde voit l’événement et peut s’inscrire. Réseau : utilisateurs connectés uniquement.
events-capacity-hint = Laisser vide pour ne pas limiter.
events-registration-hint = Dans le fuseau horaire de l’événement. Vide : inscriptions ouvertes dès maintenant jusqu’à la fin de l’événement.
event-kind-seminar = Séminaire
event-kind-webinar = Webinaire
event-kind-workshop = Atelier
event-kind-conference = Conférence
event-kind-protest = Manifestation
event-kind-vigil = Veillée
event-kind-meeting = Réunion
problem-registration-closed = les inscriptions à cet événement ne sont pas ouvertes.
problem-already-registered = cette adresse est déjà inscrite à cet événement. La confirmation contient un lien pour voir ou annuler l’inscription.
field-attended = Présent
field-consent = Consentement
field-registration = Inscription
events-register = S’inscrire
events-join-waiting = Rejoindre la liste d’attente
events-full-waiting = L’événement est complet : vous pouvez rejoindre la liste d’attente et recevrez une place, dans l’ordre, quand quelqu’un se désiste.
events-mail-language = Langue de nos e-mails
events-consent = J’accepte que les organisateurs conservent mon nom, mon adresse e-mail et mon pays pour m’écrire au sujet de cet événement, puis les effacent.
events-registration-closed = Les inscriptions ne sont pas ouvertes.
events-places-left = { $count ->
    [0] Plus aucune place
    [one] { $count } place restante
   *[other] { $count } places restantes
}
events-registered-count = { $count ->
    [0] Aucun inscrit
    [one] { $count } inscrit
   *[other] { $count } inscrits
}
events-waiting-count = { $count ->
    [0] personne en attente
    [one] { $count } en attente
   *[other] { $count } en attente
}
registrations-attended-count = { $count ->
    [0] aucun présent
    [one] { $count } présent
   *[other] { $count } présents
}
registration-title = Votre inscription
registration-event = Événement
registration-cancelled-notice = Votre inscription est annulée.
registration-keep-link = Gardez l’adresse de cette page : c’est votre lien vers cette inscription.
registration-cancel = Annuler mon inscription
registration-status-registered = Inscrit, avec une place
registration-status-waiting = Sur la liste d’attente
registration-status-cancelled = Annulée
registrations-title = Inscriptions
registrations-csv = Télécharger en CSV
registrations-empty = Personne ne s’est encore inscrit.
registrations-at = Inscrit le
registrations-save-attendance = Enregistrer les présences
events-clashes = Chevauchements possibles
events-clashes-hint = Ces événements pour le même public sont à moins de 30 minutes de celui-ci. Leurs organisateurs voudront peut-être les déplacer ou les fusionner.
events-clash-shared = En commun :
calendar-name = Événements Tadamun
calendar-feed = Flux d’agenda (iCalendar)
calendar-add = Ajouter à mon agenda (.ics)
calendar-private-feed = Créer mon lien d’agenda privé
calendar-private-feed-hint = Un lien privé apporte aussi les événements du réseau dans votre application d’agenda. En créer un nouveau désactive l’ancien.
calendar-private-feed-once = Voici votre lien d’agenda privé. Copiez-le maintenant dans votre application d’agenda : il n’est montré qu’une fois. Gardez-le pour vous.
events-cancel = Annuler l’événement
events-cancelled = Annulé
events-cancelled-notice = Cet événement est annulé.
weekday-1 = lun.
weekday-2 = mar.
weekday-3 = mer.
weekday-4 = jeu.
weekday-5 = ven.
weekday-6 = sam.
weekday-7 = dim.
calendar-title = Agenda commun
calendar-month = Mois
calendar-week = Semaine
calendar-list = Liste
calendar-previous = Précédent
calendar-next = Suivant
