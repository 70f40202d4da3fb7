# Campagnes et leurs cibles.
problem-outcome-date = indiquez la date à laquelle le résultat a été obtenu.
field-phase = Phase
field-items = Éléments du plan
field-indicators = Indicateurs
field-goals = Objectifs
field-goals-ar = Objectifs en arabe
field-goals-en = Objectifs en anglais
field-goals-fr = Objectifs en français
field-goals-es = Objectifs en espagnol
field-end = Fin
field-demands = Revendications
field-outcome = Résultat
field-outcome-date = Date du résultat
field-evidence = Preuve
nav-campaigns = Campagnes
campaigns-title = Campagnes
campaigns-new = Nouvelle campagne
campaigns-edit = Modifier la campagne
campaigns-empty = Aucune campagne ne correspond.
campaigns-period = Période
campaigns-plan = Dans le plan
campaigns-indicator = Indicateur
campaigns-targets = Cibles
campaigns-wins-over-time = Victoires au fil du temps
campaigns-wins = Gagnées ou en partie gagnées
campaigns-losses = Perdues
campaigns-today = Aujourd’hui
campaigns-markdown-hint = Markdown : **gras**, *italique*, listes, liens.
campaigns-won-count = { $count ->
    [one] { $count } gagnée
   *[other] { $count } gagnées
}
campaigns-lost-count = { $count ->
    [one] { $count } perdue
   *[other] { $count } perdues
}
campaigns-open-count = { $count ->
    [one] { $count } ouverte
   *[other] { $count } ouvertes
}
campaign-kind-media = Médias
campaign-kind-advocacy = Plaidoyer
campaign-kind-legal = Juridique
campaign-kind-economic = Économique (boycott, désinvestissement)
campaign-kind-grassroots = Mobilisation de base
campaign-phase-upcoming = À venir
campaign-phase-running = En cours
campaign-phase-ended = Terminée
targets-new = Nouvelle cible
targets-edit = Modifier la cible
targets-empty = Aucune cible pour l’instant.
targets-evidence-link = Preuve
targets-outcome-date-hint = Obligatoire si le résultat est gagné, en partie gagné ou perdu.
target-kind-company = Entreprise
target-kind-institution = Institution
target-kind-government = Organe gouvernemental
target-kind-other = Autre
outcome-open = Ouvert
outcome-won = Gagné
outcome-partial = En partie gagné
outcome-lost = Perdu
# Contenus et leurs traductions.
problem-translation-move = une traduction passe du brouillon à la relecture, à l’approbation puis à la publication, dans cet ordre ; ce changement n’est pas possible depuis son état actuel.
field-body = Texte
field-channel = Canal
field-state = État
field-assignee = Traducteur ou traductrice
field-source-lang = Langue source
content-title = Contenus
content-new = Nouveau contenu
content-edit = Modifier le contenu
content-empty = Aucun contenu pour l’instant.
content-translations = Traductions
content-no-languages = La campagne n’a pas d’autre langue vers laquelle traduire.
content-outdated = Périmée
content-outdated-hint = La source a changé après l’approbation de cette traduction : révisez-la.
content-late = En retard
content-source = Source
content-source-hint = Modifier le titre ou le texte rend périmées les traductions approuvées et publiées.
content-translation-into = Traduction en
content-change-state = Changer l’état
content-write = Rédiger et attribuer
content-kind-social_post = Publication sur les réseaux sociaux
content-kind-article = Article
content-kind-press_release = Communiqué de presse
content-kind-video_script = Script vidéo
content-kind-newsletter = Lettre d’information
content-kind-fact_sheet = Fiche d’information
content-kind-other = Autre
channel-website = Site web
channel-x = X
channel-instagram = Instagram
channel-facebook = Facebook
channel-tiktok = TikTok
channel-youtube = YouTube
channel-telegram = Telegram
channel-whatsapp = WhatsApp
channel-newsletter = Lettre d’information
channel-press = Presse
translation-missing = Manquante
translation-draft = Brouillon
translation-in_review = En relecture
translation-approved = Approuvée
translation-published = Publiée
# La matrice des traductions et ses propres traductions.
matrix-title = Matrice des traductions
matrix-missing = { $count ->
    [one] { $count } traduction manquante
   *[other] { $count } traductions manquantes
}
matrix-late = { $count ->
    [one] { $count } en retard
   *[other] { $count } en retard
}
matrix-outdated = { $count ->
    [one] { $count } périmée
   *[other] { $count } périmées
}
mine-title = Mes traductions
mine-hint = Les traductions qui vous sont attribuées et ne sont pas encore publiées, les plus urgentes d’abord.
mine-empty = Rien ne vous est attribué.
# Le calendrier de publication et la portée.
field-url = Lien publié
field-impressions = Impressions
field-engagements = Interactions
field-clicks = Clics
field-publication = Publication
schedule-title = Calendrier de publication
schedule-empty = Rien de programmé pour l’instant.
schedule-add = Programmer une publication
schedule-reach = Portée
schedule-published-link = Publiée
schedule-scheduled = Programmée
reach-import-title = Importer la portée
reach-import-hint = Un fichier CSV avec une colonne publication (son identifiant) et tout ou partie de impressions, engagements et clicks. Une seule cellule erronée et rien n’est importé. Partez de la liste des publications :
reach-import-download = télécharger les publications de la campagne (CSV)
reach-import-refused = Rien n’a été importé. Corrigez ces cellules puis importez à nouveau le fichier :
reach-import-line = Ligne
reach-import-column = Colonne
reach-import-problem = Problème
reach-import-file = Fichier CSV
reach-import-submit = Importer
# Le calendrier éditorial.
editorial-title = Calendrier éditorial
editorial-month = Mois
editorial-week = Semaine
editorial-previous = ← Précédent
editorial-next = Suivant →
editorial-day-0 = lundi
editorial-day-1 = mardi
editorial-day-2 = mercredi
editorial-day-3 = jeudi
editorial-day-4 = vendredi
editorial-day-5 = samedi
editorial-day-6 = dimanche
