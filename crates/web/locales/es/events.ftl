# Eventos y seminarios en línea.
field-description-ar = Descripción en árabe
field-description-en = Descripción en inglés
field-description-fr = Descripción en francés
field-description-es = Descripción en español
field-interpretation = Interpretación a
field-speakers = Ponentes
field-capacity = Plazas
field-registration-opens = Apertura de inscripciones
field-registration-closes = Cierre de inscripciones
field-tz = Mostrar las horas en
field-organiser = Organizado por (nombre)
nav-events = Eventos
events-title = Eventos
events-new = Nuevo evento
events-edit = Editar evento
events-empty = Ningún evento.
events-upcoming = Próximos
events-past = Pasados
events-later = Eventos posteriores
events-earlier = Eventos anteriores
events-when = Cuándo
events-where = Dónde
events-times-in = Horas mostradas en
events-own-zone = En su propia zona horaria:
events-online = En línea
events-link-hidden = El enlace para unirse es para miembros con sesión iniciada y personas inscritas.
events-organisers = Organizadores
events-organised-by = Organizado por
events-all-organisers = todas las organizaciones
events-show-in-zone = Mostrar
events-where-hint = Indique un enlace en línea, un país (con ciudad o dirección), o ambos.
events-visibility-hint = Público: cualquiera ve el evento y puede inscribirse. Red: solo usuarios con sesión iniciada.
events-capacity-hint = Déjelo vacío para no limitar.
events-registration-hint = En la zona horaria del evento. Vacío: inscripciones abiertas desde ahora hasta el final del evento.
event-kind-seminar = Seminario
event-kind-webinar = Webinario
event-kind-workshop = Taller
event-kind-conference = Conferencia
event-kind-protest = Protesta
event-kind-vigil = Vigilia
event-kind-meeting = Reunión
problem-registration-closed = la inscripción a este evento no está abierta.
problem-already-registered = esta dirección ya está inscrita en este evento. La confirmación tiene un enlace para ver o cancelar la inscripción.
field-attended = Asistió
field-consent = Consentimiento
field-registration = Inscripción
events-register = Inscribirse
events-join-waiting = Unirse a la lista de espera
events-full-waiting = El evento está completo: puede unirse a la lista de espera y recibirá una plaza, por orden, cuando alguien cancele.
events-mail-language = Idioma de nuestros correos
events-consent = Acepto que los organizadores guarden mi nombre, correo y país para escribirme sobre este evento, y los borren después.
events-registration-closed = La inscripción no está abierta.
events-places-left = { $count ->
    [0] No quedan plazas
    [one] Queda { $count } plaza
   *[other] Quedan { $count } plazas
}
events-registered-count = { $count ->
    [0] Nadie inscrito
    [one] { $count } inscrito
   *[other] { $count } inscritos
}
events-waiting-count = { $count ->
    [0] nadie en espera
    [one] { $count } en espera
   *[other] { $count } en espera
}
registrations-attended-count = { $count ->
    [0] nadie asistió
    [one] { $count } asistió
   *[other] { $count } asistieron
}
registration-title = Su inscripción
registration-event = Evento
registration-cancelled-notice = Su inscripción está cancelada.
registration-keep-link = Guarde la dirección de esta página: es su enlace a esta inscripción.
registration-cancel = Cancelar mi inscripción
registration-status-registered = Inscrito, con plaza
registration-status-waiting = En la lista de espera
registration-status-cancelled = Cancelada
registrations-title = Inscripciones
registrations-csv = Descargar en CSV
registrations-empty = Nadie se ha inscrito todavía.
registrations-at = Inscrito el
registrations-save-attendance = Guardar asistencia
events-clashes = Posibles coincidencias
events-clashes-hint = Estos eventos para el mismo público están a menos de 30 minutos de este. Sus organizadores quizá quieran moverlos o unirlos.
events-clash-shared = En común:
calendar-name = Eventos de Tadamun
calendar-feed = Calendario (iCalendar)
calendar-add = Añadir a mi calendario (.ics)
calendar-private-feed = Crear mi enlace de calendario privado
calendar-private-feed-hint = Un enlace privado también lleva los eventos de la red a su aplicación de calendario. Crear uno nuevo desactiva el anterior.
calendar-private-feed-once = Este es su enlace de calendario privado. Cópielo ahora en su aplicación de calendario: solo se muestra una vez. No lo comparta.
events-cancel = Cancelar el evento
events-cancelled = Cancelado
events-cancelled-notice = Este evento está cancelado.
weekday-1 = lun.
weekday-2 = mar.
weekday-3 = mié.
weekday-4 = jue.
weekday-5 = vie.
weekday-6 = sáb.
weekday-7 = dom.
calendar-title = Calendario común
calendar-month = Mes
calendar-week = Semana
calendar-list = Lista
calendar-previous = Anterior
calendar-next = Siguiente
