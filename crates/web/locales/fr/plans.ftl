# Plans et indicateurs.
problem-number = utilisez un nombre comme 25 ou 3.5.
problem-dates-out-of-order = cette date doit venir après la précédente.
problem-outside-parent = cette date sort des dates de l'élément auquel elle appartient.
problem-parent-level = choisissez un élément exactement un niveau au-dessus (un plan contient des objectifs, un objectif des initiatives, une initiative des actions).
problem-rolled-up = seules les actions ont leur propre pourcentage ; les autres se calculent à partir de leurs parties.
problem-dependency-cycle = cela ferait attendre une action après elle-même.
problem-dependency-not-action = seules des actions peuvent s'attendre l'une l'autre.
problem-starts-before-dependency = cette action commencerait avant l'échéance de celle qu'elle attend.
problem-target-direction = la cible doit être au-dessus de la valeur de départ pour une hausse, et en dessous pour une baisse.
