package dev.elements.core.fake.oauth2;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Scope lists as the provider writes and reads them, with its separator. */
final class Scopes {

    private Scopes() {
    }

    /** The scopes of a {@code scope} parameter, in order, without empties; none for null. */
    static Set<String> parse(String scope, String separator) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            Arrays.stream(scope.split(Pattern.quote(separator))).map(String::trim).filter(each -> !each.isEmpty())
                    .forEach(scopes::add);
        }
        return Collections.unmodifiableSet(scopes);
    }

    static String join(Set<String> scopes, String separator) {
        return String.join(separator, scopes);
    }
}
