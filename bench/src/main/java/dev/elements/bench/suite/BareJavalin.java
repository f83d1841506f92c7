package dev.elements.bench.suite;

import java.nio.charset.StandardCharsets;

/**
 * The floor for the platform's cheapest routes: a bare Javalin server, started the way the
 * platform is (its own JVM, default settings), answering {@code /health} and an OAuth URL with a
 * constant JSON body of about the platform's size, with its length, as the platform answers. What
 * the platform spends beyond this is its own work.
 */
public final class BareJavalin {
    private BareJavalin() {
    }

    public static void main(String[] args) {
        byte[] health = "{\"status\":\"UP\",\"checks\":{\"database\":\"UP\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] oauthUrl = ("{\"element\":\"facebooksocial\",\"oauthUrl\":\"https://www.facebook.com/v19.0/dialog/oauth"
                + "?client_id=" + StandIns.APP_ID + "&redirect_uri=https%3A%2F%2Fbench.example%2Fcallback"
                + "&response_type=code&scope=public_profile&state=7f3a9c2e\"}").getBytes(StandardCharsets.UTF_8);
        StandIns.serve(StandIns.quietJavalin(config -> {
            config.routes.get("/health", ctx -> ctx.contentType("application/json").result(health));
            config.routes.get("/elements/api-v2/elements/{key}/oauth/url",
                    ctx -> ctx.contentType("application/json").result(oauthUrl));
        }));
    }
}
