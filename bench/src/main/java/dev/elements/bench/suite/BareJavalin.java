package dev.elements.bench.suite;

import java.util.Map;

/**
 * The floor for the platform's cheapest routes: a bare Javalin server, started the way the
 * platform is (its own JVM, default settings), answering {@code /health} and an OAuth URL with a
 * constant. What the platform spends beyond this is its own work.
 */
public final class BareJavalin {
    private BareJavalin() {
    }

    public static void main(String[] args) {
        Map<String, Object> health = Map.of("status", "UP", "components", Map.of("database", "UP"));
        Map<String, Object> oauthUrl = Map.of("element", "facebooksocial", "oauthUrl",
                "https://www.facebook.com/v19.0/dialog/oauth?client_id=" + StandIns.APP_ID
                        + "&redirect_uri=https%3A%2F%2Fbench.example%2Fcallback&response_type=code&scope=public_profile"
                        + "&state=7f3a9c2e");
        StandIns.serve(StandIns.quietJavalin(config -> {
            config.routes.get("/health", ctx -> ctx.json(health));
            config.routes.get("/elements/api-v2/elements/{key}/oauth/url", ctx -> ctx.json(oauthUrl));
        }));
    }
}
