# Campañas y sus objetivos.
problem-outcome-date = indica la fecha en que se alcanzó el resultado.
field-phase = Fase
field-items = Elementos del plan
field-indicators = Indicadores
field-goals = Metas
field-goals-ar = Metas en árabe
field-goals-en = Metas en inglés
field-goals-fr = Metas en francés
field-goals-es = Metas en español
field-end = Fin
field-demands = Demandas
field-outcome = Resultado
field-outcome-date = Fecha del resultado
field-evidence = Prueba
nav-campaigns = Campañas
campaigns-title = Campañas
campaigns-new = Nueva campaña
campaigns-edit = Editar campaña
campaigns-empty = Ninguna campaña coincide.
campaigns-period = Periodo
campaigns-plan = En el plan
campaigns-indicator = Indicador
campaigns-targets = Objetivos
campaigns-wins-over-time = Victorias en el tiempo
campaigns-wins = Ganados o ganados en parte
campaigns-losses = Perdidos
campaigns-today = Hoy
campaigns-markdown-hint = Markdown: **negrita**, *cursiva*, listas, enlaces.
campaigns-won-count = { $count ->
    [one] { $count } ganado
   *[other] { $count } ganados
}
campaigns-lost-count = { $count ->
    [one] { $count } perdido
   *[other] { $count } perdidos
}
campaigns-open-count = { $count ->
    [one] { $count } abierto
   *[other] { $count } abiertos
}
campaign-kind-media = Medios
campaign-kind-advocacy = Incidencia
campaign-kind-legal = Jurídica
campaign-kind-economic = Económica (boicot, desinversión)
campaign-kind-grassroots = De base
campaign-phase-upcoming = Próxima
campaign-phase-running = En curso
campaign-phase-ended = Terminada
targets-new = Nuevo objetivo
targets-edit = Editar objetivo
targets-empty = Aún no hay objetivos.
targets-evidence-link = Prueba
targets-outcome-date-hint = Obligatoria si el resultado es ganado, ganado en parte o perdido.
target-kind-company = Empresa
target-kind-institution = Institución
target-kind-government = Órgano de gobierno
target-kind-other = Otro
outcome-open = Abierto
outcome-won = Ganado
outcome-partial = Ganado en parte
outcome-lost = Perdido
# Contenidos y sus traducciones.
problem-translation-move = una traducción pasa de borrador a revisión, aprobación y publicación, en ese orden; este cambio no es posible desde su estado actual.
field-body = Texto
field-channel = Canal
field-state = Estado
field-assignee = Traductor o traductora
field-source-lang = Idioma de origen
content-title = Contenidos
content-new = Nuevo contenido
content-edit = Editar contenido
content-empty = Aún no hay contenidos.
content-translations = Traducciones
content-no-languages = La campaña no tiene otro idioma al que traducir.
content-outdated = Desactualizada
content-outdated-hint = El original cambió después de aprobarse esta traducción: revísala.
content-late = Con retraso
content-source = Original
content-source-hint = Cambiar el título o el texto deja desactualizadas las traducciones aprobadas y publicadas.
content-translation-into = Traducción al
content-change-state = Cambiar estado
content-write = Redactar y asignar
content-kind-social_post = Publicación en redes sociales
content-kind-article = Artículo
content-kind-press_release = Comunicado de prensa
content-kind-video_script = Guion de vídeo
content-kind-newsletter = Boletín
content-kind-fact_sheet = Hoja informativa
content-kind-other = Otro
channel-website = Sitio web
channel-x = X
channel-instagram = Instagram
channel-facebook = Facebook
channel-tiktok = TikTok
channel-youtube = YouTube
channel-telegram = Telegram
channel-whatsapp = WhatsApp
channel-newsletter = Boletín
channel-press = Prensa
translation-missing = Falta
translation-draft = Borrador
translation-in_review = En revisión
translation-approved = Aprobada
translation-published = Publicada
# La matriz de traducciones y las traducciones propias.
matrix-title = Matriz de traducciones
matrix-missing = { $count ->
    [one] falta { $count } traducción
   *[other] faltan { $count } traducciones
}
matrix-late = { $count ->
    [one] { $count } con retraso
   *[other] { $count } con retraso
}
matrix-outdated = { $count ->
    [one] { $count } desactualizada
   *[other] { $count } desactualizadas
}
mine-title = Mis traducciones
mine-hint = Las traducciones que tienes asignadas y aún no se han publicado, las más urgentes primero.
mine-empty = No tienes nada asignado.
# El calendario de publicación y el alcance.
field-url = Enlace publicado
field-impressions = Impresiones
field-engagements = Interacciones
field-clicks = Clics
field-publication = Publicación
schedule-title = Calendario de publicación
schedule-empty = Aún no hay nada programado.
schedule-add = Programar una publicación
schedule-reach = Alcance
schedule-published-link = Publicada
schedule-scheduled = Programada
reach-import-title = Importar el alcance
reach-import-hint = Un archivo CSV con una columna publication (su identificador) y cualquiera de impressions, engagements y clicks. Con una sola celda errónea no se importa nada. Parte de la lista de publicaciones:
reach-import-download = descargar las publicaciones de la campaña (CSV)
reach-import-refused = No se importó nada. Corrige estas celdas e importa el archivo de nuevo:
reach-import-line = Línea
reach-import-column = Columna
reach-import-problem = Problema
reach-import-file = Archivo CSV
reach-import-submit = Importar
# El calendario editorial.
editorial-title = Calendario editorial
editorial-month = Mes
editorial-week = Semana
editorial-previous = ← Anterior
editorial-next = Siguiente →
editorial-day-0 = lunes
editorial-day-1 = martes
editorial-day-2 = miércoles
editorial-day-3 = jueves
editorial-day-4 = viernes
editorial-day-5 = sábado
editorial-day-6 = domingo
