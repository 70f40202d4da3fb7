app-name = Tadamun
footer-text = Tadamun — acción coordinada y mesurada para una coalición solidaria.

## Navigation
nav-skip = Saltar al contenido
nav-label = Principal
nav-home = Inicio
nav-organisations = Organizaciones
nav-users = Usuarios
nav-audit = Registro de auditoría
nav-login = Iniciar sesión
nav-logout = Cerrar sesión
nav-language = Idioma

## Home
home-title = La coalición de un vistazo
home-lead = Los planes, grupos de trabajo, campañas y eventos de la red, en un solo lugar.
home-organisations-count = { $count ->
    [0] Todavía no tiene ninguna organización visible.
    [one] Tiene una organización visible.
   *[other] Tiene { $count } organizaciones visibles.
}
home-login-hint = Inicie sesión para ver los registros de la red y contribuir.

## Signing in
login-title = Iniciar sesión
login-submit = Entrar
login-failed = La dirección de correo electrónico o la contraseña no son correctas.

## Errors
error-not-found = Esta página no existe o no tiene permiso para verla.
error-unauthorized = Inicie sesión primero, por favor.
error-forbidden = Su rol no lo permite.
error-internal = Algo ha fallado por nuestra parte. El error ha quedado registrado; inténtelo de nuevo.
error-malformed = No se pudo leer la solicitud
error-too-many-attempts = { $seconds ->
    [one] Demasiados intentos fallidos. Inténtelo de nuevo dentro de un segundo.
   *[other] Demasiados intentos fallidos. Inténtelo de nuevo dentro de { $seconds } segundos.
}

## Validation problems
problem-required = este campo es obligatorio.
problem-too-long = { $max ->
    [one] como máximo un carácter.
   *[other] como máximo { $max } caracteres.
}
problem-email = no es una dirección de correo electrónico.
problem-password-too-short = { $min ->
    [one] al menos un carácter.
   *[other] al menos { $min } caracteres.
}
problem-password-common = esta contraseña es demasiado fácil de adivinar.
problem-password-contains-email = la contraseña no debe contener el nombre de usuario de su correo electrónico.
problem-password-wrong = la contraseña actual no es correcta.
problem-role = elija administrador, coordinador, miembro o lector.
problem-language = elija uno de los idiomas de la interfaz.
problem-time-zone = no es una zona horaria conocida (por ejemplo, Africa/Nairobi).
problem-visibility = elija público, red o restringido.
problem-country = use un código de país de dos letras (por ejemplo, KE).
problem-url = use una dirección que empiece por https:// o http://.
problem-unknown-value = este valor no es conocido.
problem-taken = este valor ya lo usa otro registro.
problem-cursor = este cursor no lo ha generado este servidor; empiece desde la primera página.
problem-out-of-range = use un número entre { $min } y { $max }.
problem-self-lockout = no puede quitarse su propio rol de administrador ni su acceso.

## Field names
field-email = Correo electrónico
field-password = Contraseña
field-name = Nombre
field-lang = Idioma
field-time-zone = Zona horaria
field-current-password = Contraseña actual
field-new-password = Nueva contraseña
field-label = Etiqueta
field-role = Rol
field-organisation = Organización
field-active = Activo
field-country = País
field-city = Ciudad
field-website = Sitio web
field-description = Descripción
field-visibility = Visibilidad
field-entity = Tipo de registro
field-id = ID
field-limit = Límite
field-groups = Grupos de trabajo
field-view = Vista
field-cursor = Cursor

## Common words
saved = Guardado.
save = Guardar
edit = Editar
delete = Eliminar
revoke = Revocar
created = Creado
last-used = Último uso
actions = Acciones
yes = Sí
no = No
none = Ninguna
all = Todos
filter = Filtrar
next-page = Página siguiente

## Roles
role-admin = Administrador
role-coordinator = Coordinador
role-member = Miembro
role-viewer = Lector

## Visibility
visibility-public = Público
visibility-network = Red
visibility-restricted = Restringido

## Account
account-title = Su cuenta
account-profile = Perfil
account-lang-browser = Según mi navegador
account-password = Contraseña
account-password-hint = Al menos 10 caracteres. Unas cuantas palabras fáciles de recordar funcionan bien.
account-password-change = Cambiar la contraseña
account-tokens = Tokens de API
account-tokens-hint = Un token permite que un programa use la API en su nombre. Revóquelo cuando ya no lo necesite.
account-token-once = Copie este token ahora. No se volverá a mostrar.
account-token-create = Crear token

## Users
users-title = Usuarios
users-new = Añadir un usuario
users-edit = Editar usuario

## Organisations
organisations-title = Organizaciones
organisations-new = Añadir una organización
organisations-edit = Editar organización
organisations-empty = No hay ninguna organización que mostrar.

## Audit log
audit-title = Registro de auditoría
audit-when = Cuándo
audit-who = Quién
audit-what = Qué
audit-change = Cambios
audit-details = Detalles
audit-before = Antes
audit-after = Después
action-create = Creación
action-update = Modificación
action-delete = Eliminación
entity-user = Usuario
entity-organisation = Organización
entity-api_token = Token de API

## Two-factor sign-in
login-code-title = Código de su aplicación de autenticación
login-code-hint = Abra la aplicación de autenticación en su teléfono e introduzca los seis dígitos que muestra para Tadamun.
login-code-submit = Continuar
login-expired = El inicio de sesión tardó demasiado. Vuelva a iniciar sesión.
field-code = Código
problem-code-wrong = este código no es correcto o ya se usó; espere al siguiente.
two-factor-title = Verificación en dos pasos
two-factor-on = Activada: para iniciar sesión se necesita su contraseña y un código de su aplicación de autenticación.
two-factor-off = Desactivada. Actívela para que una contraseña robada no baste para abrir su cuenta.
two-factor-setup = Configurar una aplicación de autenticación
two-factor-setup-hint = Escanee este código con una aplicación de autenticación (como Aegis, FreeOTP o Google Authenticator) o introduzca en ella la clave de abajo. Después escriba los seis dígitos que muestra la aplicación.
two-factor-qr = Código QR para configurar la aplicación de autenticación
two-factor-secret = Clave:
two-factor-open-app = Abrir en una aplicación de autenticación de este dispositivo
two-factor-enable = Activar
two-factor-disable = Desactivar
two-factor-disable-hint = Para desactivarla, confirme con su contraseña y un código actual.
two-factor-reset = Desactivar la verificación en dos pasos de este usuario

## Countries and regions
search = Buscar
choose = Elegir…
field-region = Región

## Outreach pipeline
nav-outreach = Contactos
field-kind = Tipo
field-stage = Etapa
field-note = Nota
field-owner = Seguimiento de
field-next-step = Próximo paso
field-next-step-due = Fecha del próximo paso
field-days = Días sin cambios
problem-stage-move = este cambio no es posible desde la etapa actual.
problem-date = use una fecha como 2026-06-30.
error-conflict = Otra persona cambió esto al mismo tiempo. Recargue la página e inténtelo de nuevo.
kind-ngo = ONG
kind-grassroots = Grupo de base
kind-union = Sindicato
kind-student = Grupo estudiantil
kind-faith = Grupo religioso
kind-media = Medio de comunicación
kind-legal = Organización jurídica
kind-academic = Institución académica
kind-party = Partido político
kind-other = Otro
stage-prospect = Prospecto
stage-contacted = Contactada
stage-engaged = Comprometida
stage-member = Miembro
stage-partner = Socia
stage-declined = Declinó
stage-inactive = Inactiva
organisations-duplicate = Ya existe una organización con este nombre en este país:
organisations-force = Crearla de todos modos
outreach-title = Seguimiento de contactos
outreach-funnel-now = Dónde están las organizaciones ahora
outreach-conversion = Paso de una etapa a otra
outreach-median-days = Mediana de días en cada etapa
outreach-stalled = Estancadas
outreach-mine = Mis próximos pasos
outreach-waiting = Espera
outreach-days-since = { $count ->
    [one] un día en esta etapa
   *[other] { $count } días en esta etapa
}
outreach-history = Historial de etapas
outreach-move = Cambiar de etapa
outreach-follow-up = Seguimiento
outreach-nobody = Nadie
error-duplicate = Ya existe una organización con este nombre en este país. Envíe de nuevo con force=true para crearla de todos modos.

## Exports
export-csv = Exportar en CSV (hoja de cálculo)
export-json = Exportar en JSON

## Selectores de organizaciones y personas
picker-find = Buscar
picker-find-label = Buscar por nombre
picker-hint = Escriba parte de un nombre y pulse Buscar; los resultados aparecen arriba, listos para marcar. Los ya marcados se mantienen.
picker-nothing-found = Nada coincide con estas palabras. Pruebe con menos palabras o más cortas.
picker-kind-group = Grupo de trabajo
picker-kind-organisation = Organización
picker-kind-person = Persona
