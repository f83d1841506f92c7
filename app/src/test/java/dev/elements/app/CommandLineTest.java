package dev.elements.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.config.Setting;
import dev.elements.app.config.SettingsCatalog;
import dev.elements.app.config.UnknownSettings;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --help}, {@code --version} and the one table of settings they and the start-up read. */
class CommandLineTest {
    private static final Pattern SETTING_NAME = Pattern.compile("ELEMENTS_[A-Z0-9]+(?:_[A-Z0-9]+)*");
    private static final Path CONFIG_SOURCES = Path.of("src/main/java/dev/elements/app/config");
    private static final String ORGANIZATION_SECRET = "organization-secret-long-enough-0123456789";
    private static final String USER_SECRET = "user-secret-that-is-long-enough-0123456789";

    @TempDir
    Path temporary;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.command(args, Map.of(), new Properties(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommandsAndEverySettingWithItsDefaultAndMeaning() {
        Run help = run("--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("serve", "keys status", "keys rotate", "admin reset-secret <email>",
                "--version", "ELEMENTS_<ELEMENT>_<KEY>");
        for (Setting setting : SettingsCatalog.ALL) {
            assertThat(help.out()).contains("  " + setting.name() + "  (default: " + setting.defaultValue() + ")\n      "
                    + setting.meaning() + "\n");
        }
        assertThat(help.out()).contains("ELEMENTS_HTTP_PORT  (default: 8080)", "ELEMENTS_LOG_FORMAT  (default: text)");
        assertThat(run("no-such-command").exit()).isEqualTo(2);
        assertThat(run("no-such-command").err()).contains("Usage: java -jar elements.jar");
    }

    @Test
    void versionPrintsTheProjectVersion() throws Exception {
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(parent.find()).isTrue();

        Run version = run("--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out()).isEqualTo("Elements " + parent.group(1) + System.lineSeparator());
    }

    /** A setting read anywhere in the settings records is in the table, and the table names nothing unread. */
    @Test
    void theTableOfSettingsIsExactlyTheNamesTheSettingsRecordsRead() throws Exception {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.list(CONFIG_SOURCES)) {
            for (Path source : sources.filter(file -> !file.getFileName().toString().equals("SettingsCatalog.java"))
                    .toList()) {
                Matcher names = SETTING_NAME.matcher(Files.readString(source));
                while (names.find()) {
                    read.add(names.group());
                }
            }
        }

        assertThat(read).isEqualTo(new TreeSet<>(SettingsCatalog.names()));
    }

    @Test
    void theReadmeDocumentsEverySettingOfTheTable() throws Exception {
        String readme = Files.readString(ProjectFilesTest.ROOT.resolve("README.md"));

        for (String name : SettingsCatalog.names()) {
            assertThat(readme).as(name).contains("`" + name + "`");
        }
    }

    @Test
    void aGivenNameThatIsNoSettingAndNoOverrideIsWarnedAboutWithTheNearestKnownName() {
        ElementDefinition acme = new ElementDefinition(1, ElementKey.of("acme"), "Acme", "", "", "social", "oauth2",
                false, "", "", List.of(ConfigurationEntry.endpoint("base.url", "Base URL", "", "https://acme.example")),
                List.of(), List.of());

        List<String> warnings = UnknownSettings.warnings(Set.of("ELEMENTS_HTTP_PORT", "ELEMENTS_ACME_BASE_URL",
                "ELEMENTS_HTTP_PROT", "ELEMENTS_ACME_BASE_ULR", "ELEMENTS_SOMETHING_ELSE_ENTIRELY"), List.of(acme));

        assertThat(warnings).containsExactly(
                "ELEMENTS_ACME_BASE_ULR is not a setting of Elements and is ignored; did you mean"
                        + " ELEMENTS_ACME_BASE_URL? (java -jar elements.jar --help lists the settings)",
                "ELEMENTS_HTTP_PROT is not a setting of Elements and is ignored; did you mean ELEMENTS_HTTP_PORT?"
                        + " (java -jar elements.jar --help lists the settings)",
                "ELEMENTS_SOMETHING_ELSE_ENTIRELY is not a setting of Elements and is ignored"
                        + " (java -jar elements.jar --help lists the settings)");
    }

    @Test
    void theStartWarnsAboutAMisspelledVariableOrPropertyByName() {
        Map<String, String> settings = TestServers.settings(temporary.resolve("data"), ORGANIZATION_SECRET,
                USER_SECRET);
        settings.put("ELEMENTS_RENEWAL_SWEEP_MSS", "500");
        Properties properties = new Properties();
        properties.setProperty("elements.facebooksocial.base.ur", "http://127.0.0.1:1/v25.0");

        try (LogCapture log = new LogCapture();
                ElementsServer server = Main.start(settings, properties, new PrintStream(new ByteArrayOutputStream(),
                        true, StandardCharsets.UTF_8))) {
            assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN ") && line.contains(
                    "ELEMENTS_RENEWAL_SWEEP_MSS is not a setting of Elements and is ignored; did you mean"
                            + " ELEMENTS_RENEWAL_SWEEP_MS?"));
            assertThat(log.lines()).anyMatch(line -> line.contains("ELEMENTS_FACEBOOKSOCIAL_BASE_UR is not a setting"
                    + " of Elements and is ignored; did you mean ELEMENTS_FACEBOOKSOCIAL_BASE_URL?"));
            assertThat(log.text()).doesNotContain("ELEMENTS_HTTP_PORT is not", "ELEMENTS_DATA_DIR is not");
        }
    }
}
