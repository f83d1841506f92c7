package dev.elements.core.query;

/**
 * One {@code where} condition (Cloud Elements' CEQL): comparisons of a field with literal values,
 * joined by {@code and} and {@code or}.
 */
public sealed interface Condition permits And, Or, Comparison, In, Like {
}
