package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.elements.core.element.ElementKey;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.event.DataDeletion;
import dev.elements.core.event.WebhookRequest;
import dev.elements.core.port.in.ManageEventsUseCase;
import dev.elements.core.port.in.ReceiveProviderEventsUseCase;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Events: what providers send to {@code /events/{key}} (no Authorization: each request proves itself
 * with the provider's signature, which the use case checks), and an application's view of its
 * instances' events ({@code /instances/{id}/events}, and with the Element token
 * {@code /instances/events}). A provider's body is passed on as the bytes that came, since its
 * signature is over them, and is never logged: it is the provider's users' data.
 */
final class EventRoutes {
    /** Facebook's deauthorize and data deletion callbacks post a form with this one field. */
    static final String SIGNED_REQUEST = "signed_request";
    static final int DEFAULT_LIMIT = 50;

    private final ReceiveProviderEventsUseCase receiving;
    private final ManageEventsUseCase events;
    private final RequestBodies bodies;
    private final JsonCodec json;

    EventRoutes(ReceiveProviderEventsUseCase receiving, ManageEventsUseCase events, RequestBodies bodies,
            JsonCodec json) {
        this.receiving = requireNonNull(receiving, "receiving");
        this.events = requireNonNull(events, "events");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    /**
     * The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}, before
     * {@link InstanceRoutes}, whose {@code /instances/{id}} would otherwise take "events" for an id.
     */
    void declare() {
        path("events/{key}", () -> {
            get(this::handshake, Access.ANYONE);
            post(this::receive, Access.ANYONE);
            post("deauthorize", this::deauthorize, Access.ANYONE);
            post("data-deletion", this::deleteData, Access.ANYONE);
            get("data-deletion/{code}", this::dataDeletion, Access.ANYONE);
        });
        get("instances/events", this::recent, Access.INSTANCE_FROM_TOKEN);
        path("instances/{id}/events", () -> {
            get(this::recent, Access.INSTANCE_FROM_PATH);
            post("{eventId}/redeliver", this::redeliver, Access.INSTANCE_FROM_PATH);
        });
    }

    /** The subscription handshake: the bare challenge as text, as the provider compares it byte for byte. */
    private void handshake(Context ctx) {
        String challenge = receiving.handshake(element(ctx), webhookRequest(ctx, new byte[0]))
                .orElseThrow(() -> new PlatformException(ErrorCode.NOT_ALLOWED,
                        "The verify token is wrong or missing"));
        ctx.status(200).contentType("text/plain; charset=utf-8").result(challenge);
    }

    private void receive(Context ctx) {
        ElementKey element = element(ctx);
        int accepted = receiving.receive(element, webhookRequest(ctx, bodies.raw(ctx)));
        json.respond(ctx, 200, Map.of("accepted", accepted));
    }

    private void deauthorize(Context ctx) {
        ElementKey element = element(ctx);
        int changed = receiving.deauthorize(element, signedRequest(ctx));
        json.respond(ctx, 200, Map.of("deauthorized", changed));
    }

    /** Answers what Facebook's data deletion callback expects: where the user sees the status, and its code. */
    private void deleteData(Context ctx) {
        ElementKey element = element(ctx);
        DataDeletion deletion = receiving.deleteData(element, signedRequest(ctx));
        json.respond(ctx, 200, new DeletionAnswer(publicBase(ctx) + HttpApi.BASE_PATH + "/events/" + element.value()
                + "/data-deletion/" + deletion.confirmationCode(), deletion.confirmationCode()));
    }

    private void dataDeletion(Context ctx) {
        DataDeletion deletion = receiving.dataDeletion(element(ctx), ctx.pathParam("code"))
                .orElseThrow(() -> new PlatformException(ErrorCode.RESOURCE_NOT_FOUND,
                        "No data deletion request with that confirmation code"));
        if (wantsJson(ctx)) {
            json.respond(ctx, 200, DataDeletionPage.view(deletion));
            return;
        }
        // Nothing on the page is fetched from anywhere, so nothing else may be either.
        ctx.header("Content-Security-Policy", "default-src 'none'");
        ctx.status(200).contentType("text/html; charset=utf-8").result(DataDeletionPage.html(deletion));
    }

    private void recent(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        json.respond(ctx, 200, events.recent(Callers.principal(ctx), Callers.instance(ctx).id(), limit).stream()
                .map(event -> EventView.of(event, json.mapper()))
                .toList());
    }

    private void redeliver(Context ctx) {
        json.respond(ctx, 200, EventView.of(events.redeliver(Callers.principal(ctx), Callers.instance(ctx).id(),
                PathIds.event(ctx.pathParam("eventId"))), json.mapper()));
    }

    /** A key that cannot be an element's names none: the 404 of an unknown element, as for the use case's own. */
    private static ElementKey element(Context ctx) {
        String key = ctx.pathParam("key");
        try {
            return ElementKey.of(key);
        } catch (IllegalArgumentException e) {
            throw new PlatformException(ErrorCode.ELEMENT_NOT_FOUND, "No element with that key");
        }
    }

    /** Header names lower-cased (HTTP's are case-insensitive); of a repeated header, the first. */
    private static WebhookRequest webhookRequest(Context ctx, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), ctx.req().getHeader(name));
        }
        return new WebhookRequest(body, headers, ctx.queryParamMap());
    }

    /**
     * The {@code signed_request} of a form body, read under the body limit. The form is parsed here
     * rather than by the servlet container so that its read has the deadline every body has.
     */
    private String signedRequest(Context ctx) {
        String body = new String(bodies.raw(ctx), StandardCharsets.ISO_8859_1);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name.equals(SIGNED_REQUEST) && equals >= 0) {
                String value = decode(pair.substring(equals + 1));
                if (!value.isBlank()) {
                    return value;
                }
            }
        }
        throw new PlatformException(ErrorCode.MISSING_FIELD,
                "Missing " + SIGNED_REQUEST + ": send it as an application/x-www-form-urlencoded field");
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PlatformException(ErrorCode.MALFORMED_REQUEST, "The form body is not URL-encoded");
        }
    }

    /** The scheme and host the request came to, as the provider reached this server. */
    private static String publicBase(Context ctx) {
        URI url = URI.create(ctx.url());
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }

    /** Never quotes the value: a query string is the client's, and a mistyped one may hold anything. */
    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "limit must be a whole number");
        }
    }

    /** Facebook's names, as its data deletion callback requires them. */
    record DeletionAnswer(String url, @JsonProperty("confirmation_code") String confirmationCode) {
    }
}
