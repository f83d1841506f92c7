package dev.elements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.app.config.DatabaseSettings;
import dev.elements.app.config.ElementSettings;
import dev.elements.app.config.EventSettings;
import dev.elements.app.config.HttpSettings;
import dev.elements.app.config.MasterKeyFile;
import dev.elements.app.config.SecuritySettings;
import dev.elements.app.config.ServerSettings;
import dev.elements.app.config.SettingsException;
import dev.elements.app.config.SettingsSource;
import dev.elements.core.element.ElementKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path temporary;

    @Test
    void defaultsAreThoseOfTheSettingsTable() {
        ServerSettings settings = ServerSettings.from(SettingsSource.of(Map.of()));

        assertThat(settings.http().port()).isEqualTo(8080);
        assertThat(settings.http().maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.http().maxUploadBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(settings.http().bodyReadTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(settings.http().maxThreads()).isEqualTo(200);
        assertThat(settings.http().maxFailedAuthentications()).isEqualTo(30);
        assertThat(settings.http().failedAuthenticationWindow()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(settings.database().embedded()).isTrue();
        assertThat(settings.database().dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.security().configuredMasterKey()).isEmpty();
        assertThat(settings.security().operatorSecret()).isNull();
        assertThat(settings.providers().timeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(settings.overrides().valueFor(ElementKey.of("facebooksocial"), "base.url")).isEmpty();
        assertThat(settings.events().period()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(settings.events().allowPrivateCallbacks()).isTrue();
    }

    @Test
    void systemPropertiesUseDottedLowerCaseNamesAndWinOverTheEnvironment() {
        SettingsSource source = new SettingsSource(
                Map.of("ELEMENTS_HTTP_PORT", "9000", "ELEMENTS_DATA_DIR", "/var/elements", "PATH", "/bin"),
                Map.of("elements.http.port", "9100", "elements.facebooksocial.base.url", "http://127.0.0.1:1/v25.0",
                        "user.home", "/root"));

        ServerSettings settings = ServerSettings.from(source);

        assertThat(settings.http().port()).isEqualTo(9100);
        assertThat(settings.database().dataDirectory()).isEqualTo(Path.of("/var/elements"));
        assertThat(settings.overrides().valueFor(ElementKey.of("facebooksocial"), "base.url"))
                .contains("http://127.0.0.1:1/v25.0");
        assertThat(source.all()).doesNotContainKeys("PATH", "USER_HOME");
    }

    @Test
    void aPortThatIsNotANumberIsRefusedByName() {
        assertThatThrownBy(() -> HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_HTTP_PORT", "eighty"))))
                .isInstanceOf(SettingsException.class)
                .hasMessage("ELEMENTS_HTTP_PORT must be a port number from 0 to 65535, not 'eighty'");
        assertThatThrownBy(() -> HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_HTTP_PORT", "70000"))))
                .isInstanceOf(SettingsException.class);
    }

    @Test
    void theUploadLimitIsReadAndCheckedByName() {
        assertThat(HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_HUB_MAX_UPLOAD_BYTES", "2048")))
                .maxUploadBytes()).isEqualTo(2048);
        assertThatThrownBy(() -> HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_HUB_MAX_UPLOAD_BYTES", "0"))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("ELEMENTS_HUB_MAX_UPLOAD_BYTES");
        assertThatThrownBy(() -> HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_HUB_MAX_UPLOAD_BYTES",
                "4294967296")))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("ELEMENTS_HUB_MAX_UPLOAD_BYTES must be at most");
    }

    @Test
    void theLimitsOfTheHttpServerAreReadAndCheckedByName() {
        HttpSettings http = HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_HTTP_BODY_READ_TIMEOUT_MS", "2500",
                "ELEMENTS_HTTP_MAX_THREADS", "64", "ELEMENTS_AUTH_MAX_FAILURES", "5",
                "ELEMENTS_AUTH_FAILURE_WINDOW_SECONDS", "300")));

        assertThat(http.bodyReadTimeout()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(http.maxThreads()).isEqualTo(64);
        assertThat(http.maxFailedAuthentications()).isEqualTo(5);
        assertThat(http.failedAuthenticationWindow()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThatThrownBy(() -> HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_HTTP_MAX_THREADS", "4"))))
                .hasMessage("ELEMENTS_HTTP_MAX_THREADS must be a number of threads of at least 8, not '4'");
        assertThatThrownBy(() -> HttpSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_HTTP_BODY_READ_TIMEOUT_MS", "0"))))
                .hasMessage("ELEMENTS_HTTP_BODY_READ_TIMEOUT_MS must be a positive number of milliseconds,"
                        + " not '0'");
        assertThatThrownBy(() -> HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_AUTH_MAX_FAILURES", "many"))))
                .hasMessage("ELEMENTS_AUTH_MAX_FAILURES must be a positive number of failed authentications,"
                        + " not 'many'");
    }

    @Test
    void browserOriginsAreNoneByDefaultAndReadAsOrigins() {
        assertThat(HttpSettings.from(SettingsSource.of(Map.of())).corsOrigins()).isEmpty();
        assertThat(HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_HTTP_CORS_ORIGINS",
                " https://App.example , http://localhost:3000/,, *"))).corsOrigins())
                .containsExactly("https://app.example", "http://localhost:3000", "*");
        for (String wrong : new String[] {"app.example", "https://app.example/path", "ftp://app.example",
                "https://user@app.example", "https://app.example?x=1"}) {
            assertThatThrownBy(() -> HttpSettings.from(SettingsSource.of(Map.of("ELEMENTS_HTTP_CORS_ORIGINS", wrong))))
                    .as(wrong)
                    .isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith("ELEMENTS_HTTP_CORS_ORIGINS must list origins such as https://app.example");
        }
    }

    @Test
    void theElementDocumentsDirectoryIsOptionalAndMustBeADirectory() throws Exception {
        Path file = Files.writeString(temporary.resolve("elements.json"), "{}");

        assertThat(ElementSettings.from(SettingsSource.of(Map.of())).documentsDirectory())
                .isEmpty();
        assertThat(ElementSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_ELEMENTS_DIR", temporary.toString()))).documentsDirectory()).contains(temporary);
        assertThatThrownBy(() -> ElementSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_ELEMENTS_DIR", file.toString()))))
                .hasMessageStartingWith("ELEMENTS_ELEMENTS_DIR " + file + " is not a directory");
    }

    @Test
    void aProviderTimeoutMustBeAPositiveNumberOfMilliseconds() {
        assertThat(dev.elements.app.config.ProviderSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_PROVIDER_TIMEOUT_MS", "1500"))).timeout()).isEqualTo(java.time.Duration.ofMillis(1500));
        assertThatThrownBy(() -> dev.elements.app.config.ProviderSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_PROVIDER_TIMEOUT_MS", "soon"))))
                .hasMessage("ELEMENTS_PROVIDER_TIMEOUT_MS must be a positive number of milliseconds, not 'soon'");
    }

    @Test
    void pkceLoginsUnderWayAreBoundedAtTenThousandUnlessSetOtherwise() {
        assertThat(dev.elements.app.config.ProviderSettings.from(SettingsSource.of(Map.of()))
                .pendingAuthorizationsMax()).isEqualTo(10_000);
        assertThat(dev.elements.app.config.ProviderSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_OAUTH_PENDING_MAX", "50"))).pendingAuthorizationsMax()).isEqualTo(50);
        assertThatThrownBy(() -> dev.elements.app.config.ProviderSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_OAUTH_PENDING_MAX", "0"))))
                .hasMessage("ELEMENTS_OAUTH_PENDING_MAX must be a number from 1 to 1000000, not '0'");
        assertThatThrownBy(() -> dev.elements.app.config.ProviderSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_OAUTH_PENDING_MAX", "many"))))
                .isInstanceOf(SettingsException.class);
        assertThatThrownBy(() -> dev.elements.app.config.ProviderSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_OAUTH_PENDING_MAX", "1000001"))))
                .isInstanceOf(SettingsException.class);
    }

    @Test
    void providerAnswersAreCappedAtEightMebibytesUnlessSetOtherwise() {
        assertThat(dev.elements.app.config.ProviderSettings.from(SettingsSource.of(Map.of())).maxResponseBytes())
                .isEqualTo(8L * 1024 * 1024);
        assertThat(dev.elements.app.config.ProviderSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_PROVIDER_MAX_RESPONSE_BYTES", "1000"))).maxResponseBytes()).isEqualTo(1000);
        assertThatThrownBy(() -> dev.elements.app.config.ProviderSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_PROVIDER_MAX_RESPONSE_BYTES", "0"))))
                .hasMessageStartingWith("ELEMENTS_PROVIDER_MAX_RESPONSE_BYTES must be a number of bytes from 1 to");
        assertThatThrownBy(() -> dev.elements.app.config.ProviderSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_PROVIDER_MAX_RESPONSE_BYTES", "3000000000"))))
                .isInstanceOf(SettingsException.class);
    }

    @Test
    void aMasterKeyMustBeThirtyTwoBytesOfBase64() {
        String good = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(SecuritySettings.from(SettingsSource.of(Map.of("ELEMENTS_MASTER_KEY", good)))
                .configuredMasterKey()).hasValueSatisfying(key -> assertThat(key).hasSize(32));

        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecuritySettings.from(SettingsSource.of(Map.of("ELEMENTS_MASTER_KEY", short16))))
                .hasMessageContaining("it decodes to 16 bytes");
        assertThatThrownBy(() -> SecuritySettings.from(SettingsSource.of(Map.of("ELEMENTS_MASTER_KEY", "%%%"))))
                .hasMessageContaining("not valid base64");
    }

    @Test
    void aDatabaseUrlMustBeJdbc() {
        assertThatThrownBy(() -> DatabaseSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_DATABASE_URL", "postgres://x/y"))))
                .hasMessageContaining("must be a JDBC URL");
        DatabaseSettings postgres = DatabaseSettings.from(SettingsSource.of(Map.of(
                "ELEMENTS_DATABASE_URL", "jdbc:postgresql://db/elements", "ELEMENTS_DATABASE_PASSWORD", "canary-pw")));
        assertThat(postgres.embedded()).isFalse();
        assertThat(postgres.toString()).doesNotContain("canary-pw");
    }

    @Test
    void elementTokenReadBackIsOffUnlessTurnedOnAndRefusesAnythingButABoolean() {
        assertThat(SecuritySettings.from(SettingsSource.of(Map.of())).compatTokenReadback()).isFalse();
        assertThat(SecuritySettings.from(SettingsSource.of(Map.of("ELEMENTS_COMPAT_TOKEN_READBACK", "true")))
                .compatTokenReadback()).isTrue();
        assertThatThrownBy(() -> SecuritySettings.from(SettingsSource.of(
                Map.of("ELEMENTS_COMPAT_TOKEN_READBACK", "yes"))))
                .hasMessage("ELEMENTS_COMPAT_TOKEN_READBACK must be true or false");
    }

    @Test
    void eventSettingsAreReadAndRefusedByName() {
        EventSettings set = EventSettings.from(SettingsSource.of(Map.of("ELEMENTS_EVENTS_PERIOD_MS", "250",
                "ELEMENTS_EVENTS_ALLOW_PRIVATE_CALLBACKS", "false")));

        assertThat(set.period()).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(set.allowPrivateCallbacks()).isFalse();
        for (String period : new String[] {"0", "-5", "1s"}) {
            assertThatThrownBy(() -> EventSettings.from(SettingsSource.of(Map.of("ELEMENTS_EVENTS_PERIOD_MS", period))))
                    .isInstanceOf(SettingsException.class)
                    .hasMessage("ELEMENTS_EVENTS_PERIOD_MS must be a positive number of milliseconds, not '"
                            + period + "'");
        }
        assertThatThrownBy(() -> EventSettings.from(SettingsSource.of(
                Map.of("ELEMENTS_EVENTS_ALLOW_PRIVATE_CALLBACKS", "no"))))
                .isInstanceOf(SettingsException.class)
                .hasMessage("ELEMENTS_EVENTS_ALLOW_PRIVATE_CALLBACKS must be true or false");
    }

    @Test
    void generatesTheMasterKeyOnceReadableByItsOwnerOnly() throws Exception {
        SecuritySettings none = SecuritySettings.from(SettingsSource.of(Map.of()));

        byte[] first = MasterKeyFile.resolve(none, temporary);
        byte[] second = MasterKeyFile.resolve(none, temporary);

        Path file = temporary.resolve(MasterKeyFile.FILE_NAME);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void keysDerivedFromTheMasterKeyDependOnItAndOnTheirPurposeOnly() {
        byte[] key = new byte[32];
        key[5] = 9;
        dev.elements.app.config.MasterKey master = new dev.elements.app.config.MasterKey(key);
        byte[] other = key.clone();
        other[5] = 10;

        assertThat(master.derive("hub-page-tokens")).hasSize(32)
                .isEqualTo(new dev.elements.app.config.MasterKey(key.clone()).derive("hub-page-tokens"))
                .isNotEqualTo(master.derive("something else"))
                .isNotEqualTo(new dev.elements.app.config.MasterKey(other).derive("hub-page-tokens"))
                .isNotEqualTo(key);
        assertThat(master.toString()).doesNotContain("9");
    }

    @Test
    void aConfiguredMasterKeyWinsAndWritesNoFile() {
        byte[] key = new byte[32];
        key[0] = 7;
        SecuritySettings configured = SecuritySettings.from(SettingsSource.of(
                Map.of("ELEMENTS_MASTER_KEY", Base64.getEncoder().encodeToString(key))));

        assertThat(MasterKeyFile.resolve(configured, temporary)).isEqualTo(key);
        assertThat(temporary.resolve(MasterKeyFile.FILE_NAME)).doesNotExist();
    }
}
