search-title = Búsqueda
search-label = Buscar en la coalición
search-placeholder = Buscar…
search-button = Buscar
search-hint = Escriba palabras para encontrar organizaciones, personas, grupos de trabajo, recomendaciones, elementos del plan, campañas y contenidos, en cualquier idioma. La última palabra puede ser solo el comienzo de una palabra.
search-by-kind = Resultados por tipo
search-more = Más resultados de este tipo
search-found =
    { $count ->
        [0] Ningún resultado.
        [one] Un resultado.
       *[other] { $count } resultados.
    }
search-broad =
    { $count ->
       *[other] Estas palabras aparecen en más de { $count } entradas: se muestran las modificadas más recientemente. Añada una palabra para afinar la búsqueda.
    }
search-kind-organisation = Organizaciones
search-kind-person = Personas
search-kind-group = Grupos de trabajo
search-kind-recommendation = Recomendaciones
search-kind-plan_item = Elementos del plan
search-kind-campaign = Campañas
search-kind-content = Contenidos
field-q = Palabras que buscar
