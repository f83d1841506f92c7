package dev.elements.core.element;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** What a configuration value must look like beyond its length; each check explains a refusal. */
public enum ValueFormat {
    TEXT {
        @Override
        public Optional<String> problemWith(String value) {
            return Optional.empty();
        }
    },
    BOOLEAN {
        @Override
        public Optional<String> problemWith(String value) {
            return value.equals("true") || value.equals("false")
                    ? Optional.empty()
                    : Optional.of("must be \"true\" or \"false\"");
        }
    },
    POSITIVE_INTEGER {
        @Override
        public Optional<String> problemWith(String value) {
            try {
                return Long.parseLong(value) > 0 ? Optional.empty() : Optional.of("must be a positive whole number");
            } catch (NumberFormatException e) {
                return Optional.of("must be a positive whole number");
            }
        }
    },
    HTTP_URL {
        @Override
        public Optional<String> problemWith(String value) {
            try {
                URI uri = new URI(value);
                boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
                return web && uri.getHost() != null
                        ? Optional.empty()
                        : Optional.of("must be an absolute http or https URL");
            } catch (URISyntaxException e) {
                return Optional.of("must be an absolute http or https URL");
            }
        }
    };

    /** Empty when the value is acceptable, otherwise the end of a sentence naming the problem. */
    public abstract Optional<String> problemWith(String value);
}
