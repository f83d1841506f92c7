package dev.elements.core.hub;

import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the resource an application's path names. Literal segments win over placeholders, so
 * {@code user/comment/7} is the comment resource even though {@code user/{id}/...} shapes exist.
 */
public final class ResourceMatcher {
    private ResourceMatcher() {
    }

    /** A resource and the values of its placeholders. */
    public record Match(ResourceDefinition resource, Map<String, String> pathParameters) {
    }

    /**
     * @throws PlatformException {@code RESOURCE_NOT_FOUND} when no resource has this path,
     *     {@code OPERATION_NOT_SUPPORTED} when one has it but not for this verb, {@code INVALID_FIELD}
     *     when a placeholder's value does not have the shape the resource declares for it
     */
    public static Match match(List<ResourceDefinition> resources, String method, String path) {
        String[] segments = segments(path);
        Match best = null;
        int bestLiterals = -1;
        TreeSet<String> verbsForPath = new TreeSet<>();
        for (ResourceDefinition resource : resources) {
            String[] template = segments(resource.path());
            Map<String, String> parameters = bind(template, segments);
            if (parameters == null) {
                continue;
            }
            int literals = (int) java.util.Arrays.stream(template).filter(part -> !isPlaceholder(part)).count();
            verbsForPath.add(resource.method());
            if (resource.method().equals(method) && literals > bestLiterals) {
                best = new Match(resource, parameters);
                bestLiterals = literals;
            }
        }
        if (best != null) {
            checkShapes(best);
            return best;
        }
        if (!verbsForPath.isEmpty()) {
            throw new PlatformException(ErrorCode.OPERATION_NOT_SUPPORTED,
                    RequestValues.shortened(method) + " is not supported on " + RequestValues.shortened(path)
                            + "; it supports " + String.join(", ", verbsForPath));
        }
        throw new PlatformException(ErrorCode.RESOURCE_NOT_FOUND, "No hub resource " + RequestValues.shortened(path));
    }

    /** The element's declared id shapes, checked before anything reaches the provider. */
    private static void checkShapes(Match match) {
        for (Map.Entry<String, String> parameter : match.pathParameters().entrySet()) {
            match.resource().problemWithParameter(parameter.getKey(), parameter.getValue()).ifPresent(problem -> {
                throw new PlatformException(ErrorCode.INVALID_FIELD, problem);
            });
        }
    }

    private static Map<String, String> bind(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (isPlaceholder(template[i])) {
                // A value that could climb the provider's path (".", "..") names no resource.
                if (segments[i].isEmpty() || segments[i].equals(".") || segments[i].equals("..")) {
                    return null;
                }
                parameters.put(template[i].substring(1, template[i].length() - 1), segments[i]);
            } else if (!template[i].equals(segments[i])) {
                return null;
            }
        }
        return parameters;
    }

    private static boolean isPlaceholder(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] segments(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.toArray(String[]::new);
    }
}
