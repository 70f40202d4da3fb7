search-title = Recherche
search-label = Rechercher dans la coalition
search-placeholder = Rechercher…
search-button = Rechercher
search-hint = Tapez des mots pour trouver organisations, personnes, groupes de travail, recommandations, éléments de plan, campagnes et contenus, dans toutes les langues. Le dernier mot peut n’être que le début d’un mot.
search-by-kind = Résultats par type
search-more = Plus de résultats de ce type
search-found =
    { $count ->
        [0] Aucun résultat.
        [one] Un résultat.
       *[other] { $count } résultats.
    }
search-broad =
    { $count ->
       *[other] Ces mots figurent dans plus de { $count } entrées : voici les plus récemment modifiées. Ajoutez un mot pour affiner la recherche.
    }
search-kind-organisation = Organisations
search-kind-person = Personnes
search-kind-group = Groupes de travail
search-kind-recommendation = Recommandations
search-kind-plan_item = Éléments de plan
search-kind-campaign = Campagnes
search-kind-content = Contenus
field-q = Mots à chercher
