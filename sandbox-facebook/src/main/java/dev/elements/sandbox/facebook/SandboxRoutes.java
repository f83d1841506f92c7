package dev.elements.sandbox.facebook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.elements.sandbox.facebook.SandboxTokens.Kind;
import dev.elements.sandbox.facebook.SandboxTokens.Token;
import dev.elements.sandbox.facebook.SeededGraph.GraphObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Every route of the sandbox: the login dialog, the token endpoint, {@code debug_token} and Graph. */
final class SandboxRoutes implements HttpHandler {
    private static final Pattern VERSION = Pattern.compile("^/v[0-9]+\\.[0-9]+(?=/|$)");
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** The edges each kind of object has; {@code feed} is read as {@code posts}. */
    private static final Map<String, Set<String>> EDGES = Map.of(
            "user", Set.of("posts", "feed", "friends", "photos", "videos", "likes", "accounts", "permissions"),
            "page", Set.of("posts", "feed", "photos", "videos"),
            "post", Set.of("comments", "likes"),
            "comment", Set.of("comments", "likes"),
            "photo", Set.of("comments", "likes"),
            "video", Set.of("comments", "likes"));

    private final SeededGraph graph;
    private final SandboxTokens tokens;
    private final String root;

    SandboxRoutes(SeededGraph graph, SandboxTokens tokens, String root) {
        this.graph = graph;
        this.tokens = tokens;
        this.root = root;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = VERSION.matcher(exchange.getRequestURI().getRawPath()).replaceFirst("");
            Map<String, String> parameters = parameters(exchange);
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            try {
                if (path.equals("/dialog/oauth") && method.equals("GET")) {
                    login(exchange, parameters);
                } else if (path.equals("/oauth/access_token")) {
                    json(exchange, 200, token(exchange, parameters));
                } else if (path.equals("/debug_token")) {
                    json(exchange, 200, debugToken(exchange, parameters));
                } else {
                    json(exchange, 200, graphCall(exchange, method, path, parameters));
                }
            } catch (GraphError error) {
                send(exchange, error.status(), "application/json; charset=UTF-8", error.body());
            }
        }
    }

    /** Signs the seeded user in at once, grants what was asked, and redirects with a code, as an approved login does. */
    private void login(HttpExchange exchange, Map<String, String> parameters) throws IOException {
        String redirectUri = parameters.get("redirect_uri");
        if (!SandboxFacebook.APP_ID.equals(parameters.get("client_id"))) {
            page(exchange, 400, "Invalid App ID", "The sandbox knows one app: client_id=" + SandboxFacebook.APP_ID
                    + ".", null);
            return;
        }
        if (redirectUri == null || !(redirectUri.startsWith("http://") || redirectUri.startsWith("https://"))) {
            page(exchange, 400, "URL blocked", "The redirect_uri must be an absolute http or https URL.", null);
            return;
        }
        Set<String> scopes = new LinkedHashSet<>(List.of("public_profile"));
        for (String scope : parameters.getOrDefault("scope", "").split("[, ]+")) {
            if (!scope.isBlank()) {
                scopes.add(scope);
            }
        }
        String code = tokens.issueCode(redirectUri, List.copyOf(scopes));
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + encode(code)
                + (parameters.containsKey("state") ? "&state=" + encode(parameters.get("state")) : "") + "#_=_";
        exchange.getResponseHeaders().set("Location", location);
        page(exchange, 302, "Signed in as " + SeededGraph.USER_NAME,
                "The sandbox Facebook signed in its demo user and granted " + String.join(", ", scopes)
                        + " to " + SandboxFacebook.APP_ID + ".", location);
    }

    private Map<String, Object> token(HttpExchange exchange, Map<String, String> parameters) {
        String clientId = parameters.get("client_id");
        String clientSecret = parameters.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            clientId = decode(pair.substring(0, Math.max(0, pair.indexOf(':'))));
            clientSecret = decode(pair.substring(pair.indexOf(':') + 1));
        }
        if (!SandboxFacebook.APP_ID.equals(clientId)) {
            throw new GraphError(400, "OAuthException", 101, null,
                    "Error validating application. Invalid application ID.");
        }
        if (!SandboxFacebook.APP_SECRET.equals(clientSecret)) {
            throw new GraphError(400, "OAuthException", 1, null, "Error validating client secret.");
        }
        Token issued = switch (parameters.getOrDefault("grant_type", "authorization_code")) {
            case "authorization_code" -> tokens.redeem(required(parameters, "code"),
                    required(parameters, "redirect_uri"), SeededGraph.USER_ID);
            case "fb_exchange_token" -> {
                Token current = valid(parameters.get("fb_exchange_token"));
                if (current.kind() != Kind.USER) {
                    throw GraphError.invalidParameter("Only user access tokens can be exchanged");
                }
                yield tokens.userToken(current.subject(), current.scopes());
            }
            default -> throw GraphError.invalidParameter("Unsupported grant_type: Facebook issues no refresh"
                    + " tokens; exchange a valid token with grant_type=fb_exchange_token");
        };
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", tokens.encode(issued));
        answer.put("token_type", "bearer");
        answer.put("expires_in", issued.expiresAt() - tokens.now().getEpochSecond());
        return answer;
    }

    /** What a token is; only the app itself may ask, with its app token {@code id|secret}. */
    private Map<String, Object> debugToken(HttpExchange exchange, Map<String, String> parameters) {
        String appToken = presentedToken(exchange, parameters);
        if (!(SandboxFacebook.APP_ID + "|" + SandboxFacebook.APP_SECRET).equals(appToken)) {
            throw GraphError.invalidToken(0, "Invalid OAuth access token signature.");
        }
        String input = required(parameters, "input_token");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("app_id", SandboxFacebook.APP_ID);
        data.put("application", "Elements demo app");
        Token token = tokens.decode(input).orElse(null);
        if (token == null) {
            data.put("is_valid", false);
            data.put("scopes", List.of());
            data.put("error", Map.of("code", 190, "message", "Invalid OAuth access token.", "subcode", 467));
            return Map.of("data", data);
        }
        data.put("type", token.kind().name());
        data.put("data_access_expires_at", token.issuedAt() + Duration.ofDays(90).toSeconds());
        data.put("expires_at", token.expiresAt());
        data.put("is_valid", !token.expired(tokens.now()));
        data.put("issued_at", token.issuedAt());
        data.put("scopes", token.scopes());
        data.put("user_id", SeededGraph.USER_ID);
        if (token.kind() == Kind.PAGE) {
            data.put("profile_id", token.subject());
        }
        if (token.expired(tokens.now())) {
            data.put("error", Map.of("code", 190, "message", "Session has expired.", "subcode", 463));
        }
        return Map.of("data", data);
    }

    private Object graphCall(HttpExchange exchange, String method, String path, Map<String, String> parameters) {
        String presented = presentedToken(exchange, parameters);
        if (presented == null) {
            throw new GraphError(400, "OAuthException", 104, null,
                    "An access token is required to request this resource.");
        }
        Token token = valid(presented);
        // The demo app has "Require App Secret" on: every call proves it comes from the app's server.
        String proof = parameters.get("appsecret_proof");
        if (proof == null) {
            throw new GraphError(400, "GraphMethodException", 100, null,
                    "API calls from the server require an appsecret_proof argument");
        }
        if (!MessageDigest.isEqual(proof.getBytes(StandardCharsets.UTF_8),
                SandboxTokens.proof(SandboxFacebook.APP_SECRET, presented).getBytes(StandardCharsets.UTF_8))) {
            throw GraphError.invalidParameter("Invalid appsecret_proof provided in the API argument");
        }
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        String id = segments[0].equals("me") ? token.subject() : segments[0];
        GraphObject object = graph.find(id).orElseThrow(() -> GraphError.unsupported(method.toLowerCase(Locale.ROOT),
                segments[0]));
        if (segments.length == 1) {
            return switch (method) {
                case "GET" -> render(object, parameters.get("fields"), token);
                case "DELETE" -> {
                    if (object.kind().equals("user") || object.kind().equals("page") || !graph.delete(id)) {
                        throw GraphError.unsupported("delete", id);
                    }
                    yield Map.of("success", true);
                }
                default -> throw GraphError.unsupported(method.toLowerCase(Locale.ROOT), id);
            };
        }
        String edge = segments[1];
        if (segments.length > 2 || !EDGES.get(object.kind()).contains(edge)) {
            throw GraphError.invalidParameter("(#100) Tried accessing nonexisting field (" + edge + ") on node type ("
                    + nodeType(object) + ")");
        }
        return switch (method) {
            case "GET" -> list(object, edge.equals("feed") ? "posts" : edge, parameters, token);
            case "POST" -> publish(object, edge, parameters, token);
            case "DELETE" -> {
                if (!edge.equals("likes") || token.kind() != Kind.PAGE) {
                    throw GraphError.permission("(#200) Likes can be taken back with a page access token only");
                }
                graph.toggle(id, "likes", token.subject(), false);
                yield Map.of("success", true);
            }
            default -> throw GraphError.unsupported(method.toLowerCase(Locale.ROOT), id);
        };
    }

    private Map<String, Object> list(GraphObject owner, String edge, Map<String, String> parameters, Token token) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> ids = edge.equals("permissions") ? token.scopes() : graph.edge(owner.id(), edge).orElseThrow();
        long since = epochSeconds(parameters, "since", Long.MIN_VALUE);
        long until = epochSeconds(parameters, "until", Long.MAX_VALUE);
        for (String id : ids) {
            if (edge.equals("permissions")) {
                Map<String, Object> permission = new LinkedHashMap<>(Map.of("permission", id, "status", "granted"));
                permission.put("__cursor", id);
                items.add(permission);
                continue;
            }
            graph.find(id).ifPresent(item -> {
                Object created = item.fields().get("created_time");
                long at = created == null ? 0 : SeededGraph.epochSeconds((String) created);
                if (created == null || (at >= since && at <= until)) {
                    Map<String, Object> rendered = render(item, parameters.get("fields"), token);
                    rendered.put("__cursor", id);
                    items.add(rendered);
                }
            });
        }
        int limit = limit(parameters.get("limit"));
        int start = 0;
        if (parameters.containsKey("after")) {
            String after = cursorValue(parameters.get("after"));
            start = -1;
            for (int i = 0; i < items.size(); i++) {
                if (after.equals(cursorOf(items.get(i)))) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw GraphError.invalidParameter("(#100) The after cursor is not valid");
            }
        }
        List<Map<String, Object>> page = new ArrayList<>(items.subList(Math.min(start, items.size()),
                Math.min(start + limit, items.size())));
        Map<String, Object> answer = new LinkedHashMap<>();
        Map<String, Object> paging = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            paging.put("cursors", Map.of("before", cursor(cursorOf(page.get(0))),
                    "after", cursor(cursorOf(page.get(page.size() - 1)))));
            if (start + limit < items.size()) {
                paging.put("next", root + "/" + owner.id() + "/" + edge + "?access_token=" + encode(tokens.encode(token))
                        + (parameters.containsKey("fields") ? "&fields=" + encode(parameters.get("fields")) : "")
                        + "&limit=" + limit + "&after=" + cursor(cursorOf(page.get(page.size() - 1))));
            }
        }
        page.forEach(item -> item.remove("__cursor"));
        answer.put("data", page);
        answer.put("paging", paging);
        if ("true".equals(parameters.get("summary"))) {
            answer.put("summary", Map.of("total_count", items.size()));
        }
        return answer;
    }

    private Map<String, Object> publish(GraphObject owner, String edge, Map<String, String> parameters, Token token) {
        String text = parameters.get("message");
        switch (edge) {
            case "feed", "posts" -> {
                requirePageToken(owner, token, "(#200) If posting to a page, requires both pages_read_engagement and"
                        + " pages_manage_posts as an admin with sufficient administrative permission");
                if (text == null && parameters.get("link") == null) {
                    throw GraphError.invalidParameter("(#100) Missing message or attachment");
                }
                return Map.of("id", graph.write(owner.id(), "posts", "post",
                        text != null ? text : parameters.get("link"), token.subject(), tokens.now()));
            }
            case "comments" -> {
                if (text == null || text.isBlank()) {
                    throw GraphError.invalidParameter("(#100) Missing message or attachment");
                }
                return Map.of("id", graph.write(owner.id(), "comments", "comment", text, token.subject(),
                        tokens.now()));
            }
            case "likes" -> {
                graph.toggle(owner.id(), "likes", token.subject(), true);
                return Map.of("success", true);
            }
            case "photos" -> {
                requirePageToken(owner, token, "(#200) Publishing photos requires a page access token with"
                        + " pages_manage_posts");
                String caption = parameters.getOrDefault("caption", parameters.getOrDefault("name", "Uploaded photo"));
                String photoId = graph.write(owner.id(), "photos", "photo", caption, token.subject(), tokens.now());
                return Map.of("id", photoId, "post_id", owner.id() + "_" + photoId);
            }
            default -> throw GraphError.unsupported("post", owner.id());
        }
    }

    /** Graph publishes on pages only, and only with the page's own token. */
    private static void requirePageToken(GraphObject owner, Token token, String refusal) {
        if (!owner.kind().equals("page") || token.kind() != Kind.PAGE || !token.subject().equals(owner.id())) {
            throw GraphError.permission(refusal);
        }
    }

    /**
     * The fields asked for (or the kind's defaults); an unknown one is Graph's 100. A page's
     * {@code access_token} is given to the user who manages the page only.
     */
    private Map<String, Object> render(GraphObject object, String fields, Token token) {
        List<String> wanted = fields == null || fields.isBlank()
                ? SeededGraph.DEFAULT_FIELDS.get(object.kind())
                : List.of(fields.split("\\s*,\\s*"));
        Map<String, Object> rendered = new LinkedHashMap<>();
        for (String field : wanted) {
            if (!SeededGraph.FIELDS.get(object.kind()).contains(field)) {
                throw GraphError.invalidParameter("(#100) Tried accessing nonexisting field (" + field
                        + ") on node type (" + nodeType(object) + ")");
            }
            if (field.equals("access_token")) {
                boolean manages = token.kind() == Kind.USER
                        && graph.edge(token.subject(), "accounts").orElse(List.of()).contains(object.id());
                if (manages) {
                    rendered.put(field, tokens.encode(tokens.pageToken(object.id(), token.scopes())));
                }
            } else if (object.fields().get(field) != null) {
                rendered.put(field, object.fields().get(field));
            }
        }
        return rendered;
    }

    private Token valid(String presented) {
        Token token = tokens.decode(presented).orElseThrow(() -> GraphError.invalidToken(0,
                "Invalid OAuth access token - Cannot parse access token"));
        if (token.expired(tokens.now())) {
            throw GraphError.invalidToken(463, "Error validating access token: Session has expired");
        }
        return token;
    }

    private static String presentedToken(HttpExchange exchange, Map<String, String> parameters) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && (header.startsWith("Bearer ") || header.startsWith("OAuth "))) {
            return header.substring(header.indexOf(' ') + 1).trim();
        }
        return parameters.get("access_token");
    }

    private static String nodeType(GraphObject object) {
        return object.kind().substring(0, 1).toUpperCase(Locale.ROOT) + object.kind().substring(1);
    }

    private static int limit(String raw) {
        try {
            int limit = raw == null ? DEFAULT_LIMIT : Integer.parseInt(raw);
            return limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw GraphError.invalidParameter("(#100) Param limit must be a number");
        }
    }

    private static long epochSeconds(Map<String, String> parameters, String name, long absent) {
        String raw = parameters.get(name);
        try {
            return raw == null ? absent : Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw GraphError.invalidParameter("(#100) The parameter " + name + " must be a UNIX timestamp");
        }
    }

    private static String cursorOf(Map<String, Object> item) {
        return (String) item.get("__cursor");
    }

    /** Cursors are opaque to clients: base64 of the item's id, as Graph's often are. */
    private static String cursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String cursorValue(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphError.invalidParameter("(#100) The after cursor is not valid");
        }
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw GraphError.invalidParameter("Missing " + name + " parameter.");
        }
        return value;
    }

    /** The query, and a form body as Graph reads one; a multipart upload's parts are not read. */
    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), parameters);
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                parse(new String(bytes, StandardCharsets.UTF_8), parameters);
            }
        }
        return parameters;
    }

    private static void parse(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                into.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            } else if (!pair.isEmpty()) {
                into.put(decode(pair), "");
            }
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static String encode(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("facebook-api-version", SandboxFacebook.GRAPH_VERSION);
        send(exchange, status, "application/json; charset=UTF-8", SandboxJson.write(body));
    }

    /** A plain page: the login dialog's one screen, and its refusals. */
    private static void page(HttpExchange exchange, int status, String title, String text, String next)
            throws IOException {
        String link = next == null ? "" : "<p><a href=\"" + escape(next) + "\">Continue to the application</a></p>";
        send(exchange, status, "text/html; charset=UTF-8", "<!doctype html><html lang=\"en\"><head><meta"
                + " charset=\"utf-8\"><title>Sandbox Facebook: " + escape(title) + "</title></head><body"
                + " style=\"font-family:sans-serif;max-width:32rem;margin:3rem auto\"><p><strong>Sandbox Facebook"
                + " (Elements demo, made-up data)</strong></p><h1>" + escape(title) + "</h1><p>" + escape(text)
                + "</p>" + link + "</body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
