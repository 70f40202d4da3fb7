# Le chercheur de créneaux.
problem-time = indiquez une heure comme 09:00.
problem-times-out-of-order = cette heure doit venir après la précédente.
field-countries = Pays
field-wake-from = Début local au plus tôt
field-wake-to = Fin locale au plus tard
field-zone = Afficher les heures en
field-working-days = Jours ouvrables seulement (sans le week-end de chaque pays)
slots-title = Trouver un horaire entre fuseaux horaires
slots-intro = Indiquez les pays ou la région à réunir, la durée de la réunion et les jours à explorer. Chaque pays compte autant de fois que la coalition y a d’organisations membres et partenaires ; les meilleurs horaires sont ceux où la plupart sont dans leurs heures de veille.
slots-countries-hint = Codes ou noms, séparés par des virgules (par exemple KE, GB, MY).
slots-find = Chercher
slots-audience = Qui est compté
slots-no-audience = Aucun de ces pays n’a de fuseau horaire connu.
slots-weight = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
slots-zones = { $count ->
    [one] { $count } fuseau horaire
   *[other] { $count } fuseaux horaires
}
slots-best = Meilleurs horaires
slots-none = Aucun horaire de cette période ne convient à personne : élargissez les dates ou les heures de veille.
slots-times-in = Heures en
slots-start = Début
slots-score = Dans les heures de veille
slots-partly = seule une partie du pays est dans ses heures de veille
slots-outside = hors des heures de veille
slots-overview = Jour par heure
slots-overview-intro = La part du public dans ses heures de veille pour une réunion commençant à chaque heure pleine.
slots-day = Jour
