# El buscador de horarios.
problem-time = use una hora como 09:00.
problem-times-out-of-order = esta hora debe ser posterior a la anterior.
field-countries = Países
field-wake-from = Inicio local más temprano
field-wake-to = Fin local más tardío
field-zone = Mostrar las horas en
field-working-days = Solo días laborables (sin el fin de semana de cada país)
slots-title = Buscar un horario entre zonas horarias
slots-intro = Indique los países o la región que quiere reunir, cuánto dura la reunión y los días en que buscar. Cada país cuenta tantas veces como organizaciones miembro y asociadas tiene allí la coalición; los mejores horarios son aquellos en que la mayoría está en horas de vigilia.
slots-countries-hint = Códigos o nombres, separados por comas (por ejemplo KE, GB, MY).
slots-find = Buscar
slots-audience = A quién se cuenta
slots-no-audience = Ninguno de estos países tiene una zona horaria conocida.
slots-weight = { $count ->
    [one] { $count } organización
   *[other] { $count } organizaciones
}
slots-zones = { $count ->
    [one] { $count } zona horaria
   *[other] { $count } zonas horarias
}
slots-best = Mejores horarios
slots-none = Ningún horario de este periodo conviene a nadie: amplíe las fechas o las horas de vigilia.
slots-times-in = Horas en
slots-start = Inicio
slots-score = En horas de vigilia
slots-partly = solo una parte del país está en horas de vigilia
slots-outside = fuera de las horas de vigilia
slots-overview = Día por hora
slots-overview-intro = La parte del público en horas de vigilia para una reunión que empiece a cada hora en punto.
slots-day = Día
