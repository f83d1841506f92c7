package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static java.util.Objects.requireNonNull;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.port.in.ConnectCallbackCommand;
import dev.elements.core.port.in.ConnectOutcome;
import dev.elements.core.port.in.ConnectPage;
import dev.elements.core.port.in.ConnectSessionCreated;
import dev.elements.core.port.in.ConnectSessionsUseCase;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hosted connect flow: the application's API ({@code POST /connect/sessions}, {@code GET
 * /connect/sessions/{id}} below the base path) and the browser's pages at the root ({@code GET
 * /connect/{id}}, and {@code GET /connect/callback}, where the provider sends the person back).
 */
final class ConnectRoutes {
    static final String CALLBACK_PATH = "/connect/callback";
    private static final String HTML = "text/html; charset=utf-8";
    /** No script, no outside resource, no framing; inline style only. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ConnectSessionsUseCase connect;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final PublicUrl publicUrl;

    ConnectRoutes(ConnectSessionsUseCase connect, RequestBodies bodies, JsonCodec json, PublicUrl publicUrl) {
        this.connect = requireNonNull(connect, "connect");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
        this.publicUrl = requireNonNull(publicUrl, "publicUrl");
    }

    /** The application's routes; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. */
    void declareApi() {
        path("connect/sessions", () -> {
            post(this::create, Access.CALLER);
            get("{id}", this::session, Access.CALLER);
        });
    }

    /** The browser's pages, at the root; the callback before {@code {id}}, which would take it. */
    void declarePages() {
        get(CALLBACK_PATH, this::callback, Access.ANYONE);
        get("/connect/{id}", this::page, Access.ANYONE);
    }

    private void create(Context ctx) {
        ConnectSessionRequest request = bodies.bind(ctx, ConnectSessionRequest.class);
        ConnectSessionCreated created = connect.create(request.command(Callers.principal(ctx), callbackUrl()));
        json.respond(ctx, 200, new ConnectSessionView.Created(created.id(),
                publicUrl.resolve("/connect/" + created.id()).toString(), created.expiresAt().toString()));
    }

    private void session(Context ctx) {
        json.respond(ctx, 200, ConnectSessionView.of(connect.session(Callers.principal(ctx), ctx.pathParam("id"))));
    }

    private void page(Context ctx) {
        Optional<ConnectPage> page = connect.page(ctx.pathParam("id"), callbackUrl());
        if (page.isEmpty()) {
            html(ctx, 404, ConnectPages.notFound());
        } else if (page.get().loginUrl() != null) {
            html(ctx, 200, ConnectPages.login(page.get()));
        } else {
            ConnectPage over = page.get();
            html(ctx, 200, ConnectPages.over(over, over.failure() == null
                    ? URI.create(over.redirectUrl())
                    : withParameters(over.redirectUrl(), errorParameters(ctx.pathParam("id"), over.failure()))));
        }
    }

    /** Success goes straight back to the application; anything else explains itself first. */
    private void callback(Context ctx) {
        ConnectOutcome outcome = connect.complete(new ConnectCallbackCommand(ctx.queryParam("state"),
                ctx.queryParam("code"), ctx.queryParam("error"), callbackUrl()));
        if (outcome.failure() == null) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("connectSessionId", outcome.sessionId());
            parameters.put("instanceId", Long.toString(outcome.instance().value()));
            securityHeaders(ctx);
            ctx.status(303).header("Location", withParameters(outcome.redirectUrl(), parameters).toString());
            return;
        }
        URI back = outcome.redirectUrl() == null
                ? null
                : withParameters(outcome.redirectUrl(), errorParameters(outcome.sessionId(), outcome.failure()));
        html(ctx, outcome.failure() == ConnectFailure.INVALID_STATE ? 400 : 200,
                ConnectPages.failed(outcome.failure(), back));
    }

    private URI callbackUrl() {
        return publicUrl.resolve(CALLBACK_PATH);
    }

    private static Map<String, String> errorParameters(String sessionId, ConnectFailure failure) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (sessionId != null) {
            parameters.put("connectSessionId", sessionId);
        }
        parameters.put("error", failure.code());
        parameters.put("error_description", failure.description());
        return parameters;
    }

    /** {@code url} with the parameters added to its query, before any fragment. */
    static URI withParameters(String url, Map<String, String> parameters) {
        int hash = url.indexOf('#');
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        StringBuilder joined = new StringBuilder(beforeFragment);
        char separator = beforeFragment.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            joined.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(joined + (hash < 0 ? "" : url.substring(hash)));
    }

    private static void html(Context ctx, int status, String page) {
        securityHeaders(ctx);
        ctx.status(status).contentType(HTML).result(page);
    }

    /** The pages carry a session's address and the provider's code in URLs: keep them out of caches and referrers. */
    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
    }
}
