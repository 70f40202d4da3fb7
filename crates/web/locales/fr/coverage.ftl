# Couverture : la carte de la présence de la coalition et les objectifs d'expansion.
nav-coverage = Couverture
coverage-title = Couverture et expansion
coverage-caption = Organisations par pays. Survolez ou sélectionnez un pays pour voir son nombre.
coverage-legend = { $range } organisations
coverage-by-region = Par région et sous-région
coverage-members = Membres
coverage-partners = Partenaires
coverage-prospects = En cours d'approche
coverage-countries-with-member = Pays avec un membre
coverage-targets = Objectifs d'expansion
coverage-no-targets = Aucun objectif d'expansion pour l'instant.
coverage-progress = { $count ->
    [one] { $count } à ce jour
   *[other] { $count } à ce jour
}
coverage-days-left = { $count ->
    [one] { $count } jour restant
   *[other] { $count } jours restants
}
coverage-deadline-passed = l'échéance est passée
coverage-gaps = { $count ->
    [0] Chaque pays de la région a un membre
    [one] { $count } pays sans membre pour l'instant
   *[other] { $count } pays sans membre pour l'instant
}
coverage-new-target = Ajouter un objectif d'expansion
shade-present = Membres et partenaires
shade-members = Membres
shade-partners = Partenaires
shade-prospects = En cours d'approche (prospect, contacté, engagé)
counted-members = organisations membres
counted-partners = organisations partenaires
counted-members_partners = organisations membres et partenaires
field-status = Statut
field-counts = Ce qui est compté
field-target = Nombre visé
field-deadline = Échéance
