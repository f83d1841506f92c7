package dev.elements.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elements.app.ElementsServer;
import dev.elements.app.TestServers;
import dev.elements.app.config.LogSettings;
import dev.elements.app.config.SettingsException;
import dev.elements.app.config.SettingsSource;
import dev.elements.testing.TestHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code ELEMENTS_LOG_FORMAT=json}: one JSON object per line, request lines with the request's ids. */
class JsonLogTest {
    private static final String ORGANIZATION_SECRET = "organization-secret-canary-0123456789abcdef";
    private static final String USER_SECRET = "user-secret-canary-0123456789abcdefghijkl";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temporary;

    @Test
    void anEventIsOneLineOfJsonWithItsFieldsTheRequestIdsAndTheException() throws Exception {
        LoggingEvent event = new LoggingEvent("dev.elements.Test", new LoggerContext().getLogger("dev.elements.Test"),
                Level.WARN, "quote \" backslash \\ line\nbreak {}", new IllegalStateException("broken"),
                new Object[] {"\u0001"});
        event.setThreadName("worker-1");
        event.setTimeStamp(Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli());
        event.setMDCPropertyMap(Map.of("requestId", "abc123", "organizationId", "7", "other", "x"));

        byte[] encoded = new JsonLineEncoder().encode(event);

        String line = new String(encoded, StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("timestamp").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("logger").asText()).isEqualTo("dev.elements.Test");
        assertThat(json.path("thread").asText()).isEqualTo("worker-1");
        assertThat(json.path("message").asText()).isEqualTo("quote \" backslash \\ line\nbreak \u0001");
        assertThat(json.path("requestId").asText()).isEqualTo("abc123");
        assertThat(json.path("organizationId").asText()).isEqualTo("7");
        assertThat(json.has("instanceId")).isFalse();
        assertThat(json.has("other")).isFalse();
        assertThat(json.path("exception").asText()).contains("IllegalStateException: broken");
    }

    @Test
    void theSettingIsTextOrJsonAndJsonSwitchesTheConsoleOutput() {
        assertThat(LogSettings.from(SettingsSource.of(Map.of())).json()).isFalse();
        assertThat(LogSettings.from(SettingsSource.of(Map.of("ELEMENTS_LOG_FORMAT", "json"))).json()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_LOG_FORMAT", "xml")))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("ELEMENTS_LOG_FORMAT must be text or json");
        LoggerContext context = new LoggerContext();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%msg%n");
        text.start();
        console.setEncoder(text);
        console.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(console);

        LogOutput.use(new LogSettings(false), context);
        assertThat(console.getEncoder()).isSameAs(text);
        LogOutput.use(new LogSettings(true), context);
        assertThat(console.getEncoder()).isInstanceOf(JsonLineEncoder.class);
        assertThat(console.getEncoder().isStarted()).isTrue();
    }

    @Test
    void everyLineOfAServingServerIsJsonAndRequestLinesCarryTheCallersIds() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> output = new OutputStreamAppender<>();
        output.setContext(context);
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        output.setEncoder(encoder);
        output.setOutputStream(written);
        output.start();
        root.addAppender(output);
        try {
            Map<String, String> settings = TestServers.settings(temporary.resolve("data"), ORGANIZATION_SECRET,
                    USER_SECRET);
            settings.put("ELEMENTS_LOG_FORMAT", "json");
            try (ElementsServer server = TestServers.start(settings, new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8))) {
                TestHttpClient client = TestHttpClient.at("http://127.0.0.1:" + server.port());
                client.withHeader("Authorization", "User " + USER_SECRET + ", Organization " + ORGANIZATION_SECRET)
                        .get("/elements/api-v2/instances/123456");
                client.get("/health");
            }
        } finally {
            root.detachAppender(output);
            output.stop();
        }

        String text = written.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).allSatisfy(line -> assertThat(line.path("timestamp").asText()).endsWith("Z"));
        JsonNode instanceRead = lines.stream().filter(line -> line.path("message").asText()
                .startsWith("GET /elements/api-v2/instances/123456 404")).findFirst().orElseThrow();
        assertThat(instanceRead.path("requestId").asText()).hasSize(24);
        assertThat(instanceRead.path("organizationId").asText()).isEqualTo("1");
        JsonNode health = lines.stream().filter(line -> line.path("message").asText().startsWith("GET /health 200"))
                .findFirst().orElseThrow();
        assertThat(health.path("requestId").asText()).hasSize(24).isNotEqualTo(instanceRead.path("requestId").asText());
        assertThat(health.has("organizationId")).as("nothing of the request before").isFalse();
        assertThat(text).doesNotContain(USER_SECRET).doesNotContain(ORGANIZATION_SECRET);
    }
}
