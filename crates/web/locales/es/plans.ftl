# Planes e indicadores.
problem-number = use un número como 25 o 3.5.
problem-dates-out-of-order = esta fecha debe ser posterior a la anterior.
problem-outside-parent = esta fecha queda fuera de las fechas del elemento al que pertenece.
problem-parent-level = elija un elemento exactamente un nivel por encima (un plan contiene objetivos, un objetivo iniciativas, una iniciativa acciones).
problem-rolled-up = solo las acciones tienen su propio porcentaje; los demás se calculan a partir de sus partes.
problem-dependency-cycle = esto haría que una acción se esperara a sí misma.
problem-dependency-not-action = solo las acciones pueden esperarse unas a otras.
problem-starts-before-dependency = esta acción empezaría antes del plazo de la que espera.
problem-target-direction = la meta debe estar por encima de la línea de base para un aumento y por debajo para una disminución.
