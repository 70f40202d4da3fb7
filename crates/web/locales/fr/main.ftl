app-name = Tadamun
footer-text = Tadamun — une action coordonnée et mesurée pour une coalition solidaire.

## Navigation
nav-skip = Aller au contenu
nav-label = Principal
nav-home = Accueil
nav-organisations = Organisations
nav-users = Utilisateurs
nav-audit = Journal d’audit
nav-login = Se connecter
nav-logout = Se déconnecter
nav-language = Langue

## Home
home-title = La coalition en un coup d’œil
home-lead = Les plans, groupes de travail, campagnes et événements du réseau, réunis en un seul endroit.
home-organisations-count = { $count ->
    [0] Aucune organisation ne vous est encore visible.
    [one] Une organisation vous est visible.
   *[other] { $count } organisations vous sont visibles.
}
home-login-hint = Connectez-vous pour consulter les données du réseau et y contribuer.

## Signing in
login-title = Connexion
login-submit = Se connecter
login-failed = L’adresse e-mail ou le mot de passe est incorrect.

## Errors
error-not-found = Cette page n’existe pas, ou vous n’avez pas le droit de la consulter.
error-unauthorized = Veuillez d’abord vous connecter.
error-forbidden = Votre rôle ne le permet pas.
error-internal = Un problème est survenu de notre côté. Il a été consigné ; veuillez réessayer.
error-malformed = La requête n’a pas pu être lue
error-too-many-attempts = { $seconds ->
    [one] Trop de tentatives échouées. Réessayez dans une seconde.
   *[other] Trop de tentatives échouées. Réessayez dans { $seconds } secondes.
}

## Validation problems
problem-required = ce champ est obligatoire.
problem-too-long = { $max ->
    [one] un caractère au maximum.
   *[other] { $max } caractères au maximum.
}
problem-email = ce n’est pas une adresse e-mail.
problem-password-too-short = { $min ->
    [one] au moins un caractère.
   *[other] au moins { $min } caractères.
}
problem-password-common = ce mot de passe est trop facile à deviner.
problem-password-contains-email = le mot de passe ne doit pas contenir l’identifiant de votre adresse e-mail.
problem-password-wrong = le mot de passe actuel est incorrect.
problem-role = choisissez administrateur, coordinateur, membre ou lecteur.
problem-language = choisissez l’une des langues de l’interface.
problem-time-zone = ce n’est pas un fuseau horaire connu (par exemple Africa/Nairobi).
problem-visibility = choisissez public, réseau ou restreint.
problem-country = utilisez un code pays à deux lettres (par exemple KE).
problem-url = utilisez une adresse commençant par https:// ou http://.
problem-unknown-value = cette valeur est inconnue.
problem-taken = cette valeur est déjà utilisée par un autre enregistrement.
problem-cursor = ce curseur n’a pas été créé par ce serveur ; recommencez à partir de la première page.
problem-out-of-range = indiquez un nombre compris entre { $min } et { $max }.
problem-self-lockout = vous ne pouvez pas retirer votre propre rôle d’administrateur ni votre accès.

## Field names
field-email = Adresse e-mail
field-password = Mot de passe
field-name = Nom
field-lang = Langue
field-time-zone = Fuseau horaire
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-label = Libellé
field-role = Rôle
field-organisation = Organisation
field-active = Actif
field-country = Pays
field-city = Ville
field-website = Site web
field-description = Description
field-visibility = Visibilité
field-entity = Type d’enregistrement
field-id = Identifiant
field-limit = Limite
field-groups = Groupes de travail
field-view = Vue
field-cursor = Curseur

## Common words
saved = Enregistré.
save = Enregistrer
edit = Modifier
delete = Supprimer
revoke = Révoquer
created = Créé le
last-used = Dernière utilisation
actions = Actions
yes = Oui
no = Non
none = Aucune
all = Tous
filter = Filtrer
next-page = Page suivante

## Roles
role-admin = Administrateur
role-coordinator = Coordinateur
role-member = Membre
role-viewer = Lecteur

## Visibility
visibility-public = Public
visibility-network = Réseau
visibility-restricted = Restreint

## Account
account-title = Votre compte
account-profile = Profil
account-lang-browser = Selon mon navigateur
account-password = Mot de passe
account-password-hint = Au moins 10 caractères. Quelques mots faciles à retenir font très bien l’affaire.
account-password-change = Changer le mot de passe
account-tokens = Jetons d’API
account-tokens-hint = Un jeton permet à un programme d’utiliser l’API en votre nom. Révoquez-le dès qu’il n’est plus nécessaire.
account-token-once = Copiez ce jeton maintenant. Il ne sera plus affiché.
account-token-create = Créer un jeton

## Users
users-title = Utilisateurs
users-new = Ajouter un utilisateur
users-edit = Modifier l’utilisateur

## Organisations
organisations-title = Organisations
organisations-new = Ajouter une organisation
organisations-edit = Modifier l’organisation
organisations-empty = Aucune organisation à afficher.

## Audit log
audit-title = Journal d’audit
audit-when = Quand
audit-who = Qui
audit-what = Quoi
audit-change = Changements
audit-details = Détails
audit-before = Avant
audit-after = Après
action-create = Création
action-update = Modification
action-delete = Suppression
entity-user = Utilisateur
entity-organisation = Organisation
entity-api_token = Jeton d’API

## Two-factor sign-in
login-code-title = Code de votre application d’authentification
login-code-hint = Ouvrez l’application d’authentification sur votre téléphone et saisissez les six chiffres qu’elle affiche pour Tadamun.
login-code-submit = Continuer
login-expired = Cette connexion a pris trop de temps. Veuillez vous reconnecter.
field-code = Code
problem-code-wrong = ce code est incorrect ou a déjà servi ; attendez le suivant.
two-factor-title = Connexion en deux étapes
two-factor-on = Activée : la connexion demande votre mot de passe et un code de votre application d’authentification.
two-factor-off = Désactivée. Activez-la pour qu’un mot de passe volé ne suffise pas à ouvrir votre compte.
two-factor-setup = Configurer une application d’authentification
two-factor-setup-hint = Scannez ce code avec une application d’authentification (Aegis, FreeOTP ou Google Authenticator par exemple), ou saisissez-y la clé ci-dessous. Saisissez ensuite les six chiffres affichés par l’application.
two-factor-qr = Code QR pour configurer l’application d’authentification
two-factor-secret = Clé :
two-factor-open-app = Ouvrir dans une application d’authentification sur cet appareil
two-factor-enable = Activer
two-factor-disable = Désactiver
two-factor-disable-hint = Pour la désactiver, confirmez avec votre mot de passe et un code actuel.
two-factor-reset = Désactiver la connexion en deux étapes de cet utilisateur

## Countries and regions
search = Rechercher
choose = Choisir…
field-region = Région

## Outreach pipeline
nav-outreach = Prospection
field-kind = Type
field-stage = Étape
field-note = Note
field-owner = Suivi par
field-next-step = Prochaine étape
field-next-step-due = Échéance de la prochaine étape
field-days = Jours sans changement
problem-stage-move = ce changement n’est pas possible depuis l’étape actuelle.
problem-date = utilisez une date comme 2026-06-30.
error-conflict = Quelqu’un d’autre a modifié ceci au même moment. Rechargez la page et réessayez.
kind-ngo = ONG
kind-grassroots = Groupe de base
kind-union = Syndicat
kind-student = Groupe étudiant
kind-faith = Groupe confessionnel
kind-media = Média
kind-legal = Organisation juridique
kind-academic = Institution universitaire
kind-party = Parti politique
kind-other = Autre
stage-prospect = Prospect
stage-contacted = Contactée
stage-engaged = Engagée
stage-member = Membre
stage-partner = Partenaire
stage-declined = A décliné
stage-inactive = Inactive
organisations-duplicate = Une organisation de ce nom existe déjà dans ce pays :
organisations-force = La créer quand même
outreach-title = Suivi de la prospection
outreach-funnel-now = Où en sont les organisations
outreach-conversion = Passage d’une étape à l’autre
outreach-median-days = Durée médiane de chaque étape (jours)
outreach-stalled = En attente
outreach-mine = Mes prochaines étapes
outreach-waiting = Attente
outreach-days-since = { $count ->
    [one] un jour à cette étape
   *[other] { $count } jours à cette étape
}
outreach-history = Historique des étapes
outreach-move = Changer d’étape
outreach-follow-up = Suivi
outreach-nobody = Personne
error-duplicate = Une organisation de ce nom existe déjà dans ce pays. Renvoyez avec force=true pour la créer quand même.

## Exports
export-csv = Exporter en CSV (tableur)
export-json = Exporter en JSON

## Sélecteurs d’organisations et de personnes
picker-find = Chercher
picker-find-label = Chercher par nom
picker-hint = Tapez une partie d’un nom puis Chercher ; les résultats apparaissent au-dessus, prêts à cocher. Ceux déjà cochés restent.
picker-nothing-found = Rien ne correspond à ces mots. Essayez moins de mots ou des mots plus courts.
picker-kind-group = Groupe de travail
picker-kind-organisation = Organisation
picker-kind-person = Personne
