/**
 * Conditions on lists, as Cloud Elements' query language (CEQL) states them in {@code where}: a tree
 * of comparisons joined by {@code and} and {@code or}, the field names checked against what a list
 * can be filtered by, and an evaluation for stores that filter in memory. Parsing the text is an
 * inbound adapter's job; storage translates the tree into its own query language.
 */
package dev.elements.core.query;
