package dev.elements.facebook.fake;

import java.util.List;
import java.util.Map;

/**
 * One entry of a {@code fields=} expression, e.g. {@code comments.limit(5).summary(true){message,from}}.
 *
 * @param name the field or edge name
 * @param modifiers {@code .name(argument)} modifiers such as limit and summary
 * @param subfields the nested selection, or null when none was given
 * @param subfieldsText the nested selection as written, for the {@code next} URLs of nested connections
 */
record FieldRequest(String name, Map<String, String> modifiers, List<FieldRequest> subfields, String subfieldsText) {
}
