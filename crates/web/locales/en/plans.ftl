# Plans and indicators.
problem-number = use a number such as 25 or 3.5.
problem-dates-out-of-order = this date must come after the one before it.
problem-outside-parent = this date falls outside the dates of the item it belongs to.
problem-parent-level = choose an item exactly one level up (a plan holds objectives, an objective initiatives, an initiative actions).
problem-rolled-up = only actions have their own percentage; the others add up from their parts.
problem-dependency-cycle = this would make an action wait for itself.
problem-dependency-not-action = only actions can wait for one another.
problem-starts-before-dependency = this action would start before the one it waits for is due.
problem-target-direction = the target must be above the baseline for an increase and below it for a decrease.
