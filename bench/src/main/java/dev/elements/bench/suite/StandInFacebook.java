package dev.elements.bench.suite;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fast local stand-in for Facebook, in its own process: the token endpoint (code grant and
 * {@code fb_exchange_token}), {@code debug_token} and {@code GET /me}, each answered from memory
 * with no checks beyond what the platform's calls need. It is the baseline the platform is
 * measured against, so it does as little as an HTTP server can; the test fake, which checks
 * proofs and keeps users and posts, would flatter the platform.
 *
 * <p>Tokens name their user ({@code bench.<user>.<serial>}), so {@code /me} and {@code debug_token}
 * answer without a lookup. It counts renewals ({@code fb_exchange_token} of a long-lived token) per
 * token, so a token renewed twice shows in {@code GET /stats}.
 *
 * <p>Usage: {@code StandInFacebook <app id>}; prints {@code port=<n>} once listening on 127.0.0.1.
 */
public final class StandInFacebook {
    private final String appId;
    private final AtomicLong serial = new AtomicLong();
    private final LongAdder tokenRequests = new LongAdder();
    private final Map<String, Integer> renewalsPerToken = new ConcurrentHashMap<>();

    private StandInFacebook(String appId) {
        this.appId = appId;
    }

    public static void main(String[] args) {
        StandInFacebook facebook = new StandInFacebook(args.length > 0 ? args[0] : StandIns.APP_ID);
        Javalin server = StandIns.quietJavalin(config -> {
            config.routes.get("/oauth/access_token", facebook::token);
            config.routes.post("/oauth/access_token", facebook::token);
            config.routes.get("/debug_token", facebook::debugToken);
            config.routes.get("/me", facebook::me);
            config.routes.get("/stats", facebook::stats);
        });
        StandIns.serve(server);
    }

    private void token(Context ctx) {
        tokenRequests.increment();
        String exchanged = ctx.formParam("fb_exchange_token");
        if (exchanged == null) {
            exchanged = ctx.queryParam("fb_exchange_token");
        }
        String user;
        if (exchanged != null) {
            user = userOf(exchanged);
            if (exchanged.startsWith("bench.long.")) {
                renewalsPerToken.merge(exchanged, 1, Integer::sum);
            }
        } else {
            String code = ctx.formParam("code");
            if (code == null) {
                code = ctx.queryParam("code");
            }
            if (code == null) {
                ctx.status(400).json(Map.of("error", Map.of("message", "Missing code or fb_exchange_token",
                        "type", "OAuthException", "code", 100)));
                return;
            }
            user = code;
        }
        String kind = exchanged != null ? "long" : "short";
        ctx.json(Map.of("access_token", "bench." + kind + "." + user + "." + serial.incrementAndGet(),
                "token_type", "bearer", "expires_in", 5_183_944));
    }

    private void debugToken(Context ctx) {
        String token = ctx.queryParam("input_token");
        ctx.json(Map.of("data", Map.of("app_id", appId, "type", "USER", "application", "Bench",
                "is_valid", true, "user_id", userOf(token == null ? "" : token),
                "expires_at", Instant.now().plus(60, ChronoUnit.DAYS).getEpochSecond(),
                "scopes", java.util.List.of("public_profile", "email"))));
    }

    private void me(Context ctx) {
        String authorization = ctx.header("Authorization");
        String token = authorization == null ? "" : authorization.substring(authorization.indexOf(' ') + 1);
        String user = userOf(token);
        ctx.json(Map.of("id", user, "name", "Bench User " + user));
    }

    private void stats(Context ctx) {
        long renewedTwice = renewalsPerToken.values().stream().filter(count -> count > 1).count();
        ctx.json(Map.of("tokenRequests", tokenRequests.sum(), "tokensRenewed", renewalsPerToken.size(),
                "tokensRenewedMoreThanOnce", renewedTwice));
    }

    /** {@code bench.<kind>.<user>.<serial>}: the user; any other token is user 1 (a seeded one, say). */
    private static String userOf(String token) {
        String[] parts = token.split("\\.");
        return parts.length == 4 ? parts[2] : "1";
    }
}
