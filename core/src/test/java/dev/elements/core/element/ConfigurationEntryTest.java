package dev.elements.core.element;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigurationEntryTest {
    private static ConfigurationEntry entry(ConfigurationType type, ValueFormat format) {
        return ConfigurationEntry.instance("some.key", "Some", "Something", null, type, false, format);
    }

    @Test
    void explainsEachRefusalNamingTheKey() {
        assertThat(entry(ConfigurationType.BOOLEAN, ValueFormat.TEXT).problemWith("yes"))
                .contains("some.key must be \"true\" or \"false\"");
        assertThat(entry(ConfigurationType.TEXTFIELD_32, ValueFormat.POSITIVE_INTEGER).problemWith("-3"))
                .contains("some.key must be a positive whole number");
        assertThat(entry(ConfigurationType.TEXTFIELD_32, ValueFormat.POSITIVE_INTEGER).problemWith("ten"))
                .contains("some.key must be a positive whole number");
        assertThat(entry(ConfigurationType.TEXTFIELD_1000, ValueFormat.HTTP_URL).problemWith("ftp://x"))
                .contains("some.key must be an absolute http or https URL");
        assertThat(entry(ConfigurationType.TEXTFIELD_1000, ValueFormat.HTTP_URL).problemWith("/relative"))
                .isPresent();
        assertThat(entry(ConfigurationType.TEXTFIELD_32, ValueFormat.TEXT).problemWith("x".repeat(33)))
                .contains("some.key is longer than 32 characters");
    }

    @Test
    void acceptsWellFormedValues() {
        assertThat(entry(ConfigurationType.BOOLEAN, ValueFormat.TEXT).problemWith("false")).isEmpty();
        assertThat(entry(ConfigurationType.TEXTFIELD_32, ValueFormat.POSITIVE_INTEGER).problemWith("3600")).isEmpty();
        assertThat(entry(ConfigurationType.TEXTFIELD_1000, ValueFormat.HTTP_URL)
                .problemWith("https://app.example/callback?x=1")).isEmpty();
        assertThat(entry(ConfigurationType.TEXTFIELD_32, ValueFormat.TEXT).problemWith("x".repeat(32))).isEmpty();
    }
}
