package dev.elements.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsServer;
import dev.elements.app.MainAccess;
import dev.elements.app.TestServers;
import dev.elements.app.cluster.ClusterDatabase;
import dev.elements.core.service.OrganizationBootstrap;
import dev.elements.testing.TestHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code admin reset-secret <email>}: on the embedded database through the running server with the
 * operator secret, on PostgreSQL on the database itself; the new secret is printed once and the old
 * one stops working.
 */
class ResetSecretCommandTest {
    private static final String ORGANIZATION_SECRET = "organization-secret-long-enough-0123456789";
    private static final String USER_SECRET = "user-secret-that-is-long-enough-0123456789";
    private static final String OPERATOR_SECRET = "operator-secret-that-is-long-enough-0123456789";
    private static final String USERS = "/elements/api-v2/organizations/users";

    @TempDir
    Path temporary;

    private record Run(int exit, String out, String err) {
    }

    private static Run resetSecret(Map<String, String> settings, String... arguments) {
        String[] args = new String[arguments.length + 2];
        args[0] = "admin";
        args[1] = "reset-secret";
        System.arraycopy(arguments, 0, args, 2, arguments.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MainAccess.command(args, settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static ElementsServer quietly(Map<String, String> settings) {
        return TestServers.start(settings, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static int statusWith(TestHttpClient client, String userSecret) {
        return client.withHeader("Authorization", "User " + userSecret + ", Organization " + ORGANIZATION_SECRET)
                .get(USERS).status();
    }

    @Test
    void onTheEmbeddedDatabaseTheRunningServerIssuesTheNewSecretForTheOperator() {
        Map<String, String> settings = TestServers.settings(temporary.resolve("data"), ORGANIZATION_SECRET,
                USER_SECRET);
        settings.put("ELEMENTS_OPERATOR_SECRET", OPERATOR_SECRET);
        try (ElementsServer server = quietly(settings)) {
            TestHttpClient client = TestHttpClient.at("http://127.0.0.1:" + server.port());
            Map<String, String> command = new LinkedHashMap<>(settings);
            command.put("ELEMENTS_HTTP_PORT", Integer.toString(server.port()));

            Run reset = resetSecret(command, OrganizationBootstrap.ADMINISTRATOR_EMAIL.toUpperCase());
            Run unknown = resetSecret(command, "nobody@elements.local");

            assertThat(reset.exit()).as(reset.err()).isZero();
            String secret = reset.out().strip();
            assertThat(secret).hasSizeGreaterThanOrEqualTo(32).doesNotContain(" ");
            assertThat(reset.err()).contains(OrganizationBootstrap.ADMINISTRATOR_EMAIL).contains("shown only now");
            assertThat(statusWith(client, secret)).isEqualTo(200);
            assertThat(statusWith(client, USER_SECRET)).isEqualTo(401);
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.out()).isEmpty();
            assertThat(unknown.err()).contains("No user with that email address");

            command.remove("ELEMENTS_OPERATOR_SECRET");
            Run withoutOperator = resetSecret(command, OrganizationBootstrap.ADMINISTRATOR_EMAIL);
            assertThat(withoutOperator.exit()).isEqualTo(2);
            assertThat(withoutOperator.err()).contains("ELEMENTS_OPERATOR_SECRET");
        }
    }

    @Test
    void onTheEmbeddedDatabaseWithoutARunningServerTheCommandSaysSo() {
        Map<String, String> settings = TestServers.settings(temporary.resolve("data"), ORGANIZATION_SECRET,
                USER_SECRET);
        settings.put("ELEMENTS_OPERATOR_SECRET", OPERATOR_SECRET);
        int port;
        try (ElementsServer server = quietly(settings)) {
            port = server.port();
        }
        settings.put("ELEMENTS_HTTP_PORT", Integer.toString(port));

        Run reset = resetSecret(settings, OrganizationBootstrap.ADMINISTRATOR_EMAIL);

        assertThat(reset.exit()).isEqualTo(2);
        assertThat(reset.err()).contains("No Elements server answers at 127.0.0.1:" + port)
                .contains(temporary.resolve("data").toString());
    }

    @Test
    void onPostgresTheCommandWorksOnTheDatabaseBesideTheServers() {
        ClusterDatabase database = new ClusterDatabase();
        Map<String, String> settings = TestServers.settings(temporary.resolve("data"), ORGANIZATION_SECRET,
                USER_SECRET);
        settings.putAll(database.settings());
        try (ElementsServer server = quietly(settings)) {
            TestHttpClient client = TestHttpClient.at("http://127.0.0.1:" + server.port());

            Run reset = resetSecret(database.settings(), OrganizationBootstrap.ADMINISTRATOR_EMAIL);
            Run unknown = resetSecret(database.settings(), "nobody@elements.local");

            assertThat(reset.exit()).as(reset.err()).isZero();
            assertThat(statusWith(client, reset.out().strip())).isEqualTo(200);
            assertThat(statusWith(client, USER_SECRET)).isEqualTo(401);
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err()).contains("No user with that email address");
        }
    }
}
