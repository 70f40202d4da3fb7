# Cobertura: el mapa de la presencia de la coalición y los objetivos de expansión.
nav-coverage = Cobertura
coverage-title = Cobertura y expansión
coverage-caption = Organizaciones por país. Pase el cursor o seleccione un país para ver su número.
coverage-legend = { $range } organizaciones
coverage-by-region = Por región y subregión
coverage-members = Miembros
coverage-partners = Socias
coverage-prospects = En acercamiento
coverage-countries-with-member = Países con un miembro
coverage-targets = Objetivos de expansión
coverage-no-targets = Todavía no hay objetivos de expansión.
coverage-progress = { $count ->
    [one] { $count } hasta ahora
   *[other] { $count } hasta ahora
}
coverage-days-left = { $count ->
    [one] queda { $count } día
   *[other] quedan { $count } días
}
coverage-deadline-passed = el plazo ha vencido
coverage-gaps = { $count ->
    [0] Todos los países de la región tienen un miembro
    [one] { $count } país sin miembro todavía
   *[other] { $count } países sin miembro todavía
}
coverage-new-target = Añadir un objetivo de expansión
shade-present = Miembros y socias
shade-members = Miembros
shade-partners = Socias
shade-prospects = En acercamiento (prospecto, contactada, comprometida)
counted-members = organizaciones miembro
counted-partners = organizaciones socias
counted-members_partners = organizaciones miembro y socias
field-status = Estado
field-counts = Qué se cuenta
field-target = Número objetivo
field-deadline = Plazo
