package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.elements.core.port.in.CheckHealthUseCase;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health}, at the root for load balancers and under the base path for API clients; no
 * Authorization, and nothing in the answer but names and UP or DOWN.
 */
final class HealthRoutes {
    private final CheckHealthUseCase health;
    private final JsonCodec json;
    /** Shown as {@code mode} when the server runs other than the usual way (a demo); null otherwise. */
    private final String mode;

    HealthRoutes(CheckHealthUseCase health, JsonCodec json, String mode) {
        this.health = requireNonNull(health, "health");
        this.json = requireNonNull(json, "json");
        this.mode = mode;
    }

    /** {@code /health}; declared once at the root and once inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. */
    void declare() {
        get("health", this::health, Access.ANYONE);
    }

    private void health(Context ctx) {
        CheckHealthUseCase.Health current = health.health();
        Map<String, String> checks = new LinkedHashMap<>();
        current.components().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(check -> checks.put(check.getKey(), upOrDown(check.getValue())));
        json.respond(ctx, current.ready() ? 200 : 503, new HealthView(upOrDown(current.ready()), checks, mode));
    }

    private static String upOrDown(boolean up) {
        return up ? "UP" : "DOWN";
    }

    record HealthView(String status, Map<String, String> checks,
            @JsonInclude(JsonInclude.Include.NON_NULL) String mode) {
    }
}
