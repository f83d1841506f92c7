package dev.elements.app;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import dev.elements.app.config.DatabaseSettings;
import dev.elements.app.config.HttpSettings;
import dev.elements.app.config.SecuritySettings;
import dev.elements.app.config.SettingsException;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.port.in.UserDescription;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.persistence.PersistenceStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code java -jar elements.jar admin reset-secret <email> [<organization id>]}: a new secret for a
 * user who lost theirs, printed once on standard output. On PostgreSQL the command works on the
 * database, beside the servers; the embedded database belongs to the one server that has it open,
 * so there the command asks that server, with the operator secret, as key rotation does.
 */
final class AdminCommand {
    static final int REFUSED = 1;
    static final String RESET_SECRET = "reset-secret";
    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseSettings database;
    private final SecuritySettings security;
    private final HttpSettings http;
    private final PrintStream out;
    private final PrintStream err;

    AdminCommand(DatabaseSettings database, SecuritySettings security, HttpSettings http, PrintStream out,
            PrintStream err) {
        this.database = requireNonNull(database, "database");
        this.security = requireNonNull(security, "security");
        this.http = requireNonNull(http, "http");
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
    }

    /** @param organization the user's organization, or null when the address is that of one user only */
    int resetSecret(String emailAddress, OrganizationId organization) {
        requireNonNull(emailAddress, "emailAddress");
        return database.embedded() ? throughServer(emailAddress, organization) : onDatabase(emailAddress, organization);
    }

    private int onDatabase(String emailAddress, OrganizationId organization) {
        Injector injector = MaintenanceInjector.create(database, security);
        try (PersistenceStore store = injector.getInstance(PersistenceStore.class)) {
            UserDescription reset = injector.getInstance(ManageTenantsUseCase.class)
                    .resetSecret(emailAddress, organization);
            return shown(reset.user().id().value(), reset.user().emailAddress(), reset.secretShownOnce().orElseThrow());
        } catch (PlatformException refused) {
            err.println("Elements admin reset-secret: " + refused.getMessage());
            return REFUSED;
        }
    }

    private int throughServer(String emailAddress, OrganizationId organization) {
        if (security.operatorSecret() == null) {
            throw new SettingsException("With the embedded database, admin reset-secret asks the running server;"
                    + " set ELEMENTS_OPERATOR_SECRET to the server's operator secret (the server needs it too)");
        }
        if (http.port() == 0) {
            throw new SettingsException("With the embedded database, admin reset-secret asks the running server;"
                    + " set ELEMENTS_HTTP_PORT to the port it listens on");
        }
        URI uri = URI.create("http://" + loopbackFor(http.host()) + ":" + http.port() + "/elements/api-v2/operator/users/"
                + URLEncoder.encode(emailAddress, StandardCharsets.UTF_8).replace("+", "%20") + "/secret"
                + (organization == null ? "" : "?organizationId=" + organization.value()));
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newBuilder().connectTimeout(SERVER_TIMEOUT).build().send(HttpRequest.newBuilder(uri)
                    .timeout(SERVER_TIMEOUT)
                    .header("Authorization", "Operator " + security.operatorSecret())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SettingsException("No Elements server answers at " + uri.getHost() + ":" + uri.getPort() + " ("
                    + e.getClass().getSimpleName() + "); with the embedded database the server in "
                    + database.dataDirectory() + " must be running, on ELEMENTS_HTTP_PORT and ELEMENTS_HTTP_HOST", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the server", e);
        }
        JsonNode body = json(answer.body());
        if (answer.statusCode() == 200) {
            return shown(body.path("id").asLong(), body.path("emailAddress").asText(), body.path("secret").asText());
        }
        if (answer.statusCode() == 401) {
            throw new SettingsException("The server refused the operator secret: set ELEMENTS_OPERATOR_SECRET to the"
                    + " one the server runs with");
        }
        err.println("Elements admin reset-secret: " + body.path("message").asText("the server answered "
                + answer.statusCode()));
        return answer.statusCode() == 400 || answer.statusCode() == 404 ? REFUSED : Main.BAD_SETTINGS;
    }

    /** The secret alone on standard output, so that a script can take it; the rest goes to standard error. */
    private int shown(long userId, String emailAddress, String secret) {
        out.println(secret);
        out.flush();
        err.println("That is the new secret of " + emailAddress + " (user " + userId + "), shown only now;"
                + " the old one no longer works.");
        return 0;
    }

    /** A server listening on every interface is reached on this machine's loopback. */
    private static String loopbackFor(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1"
                : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException notJson) {
            return new ObjectMapper().createObjectNode();
        }
    }
}
