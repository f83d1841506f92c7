package dev.elements.facebook.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the fake answers: status, headers and body bytes, built before anything is written to the socket. */
record FakeResponse(int status, Map<String, String> headers, byte[] body) {

    static final String JSON = "application/json; charset=UTF-8";
    static final String HTML = "text/html; charset=utf-8";

    static FakeResponse json(int status, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        return new FakeResponse(status, headers, Json.bytes(body));
    }

    static FakeResponse html(int status, String title, String explanation) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", HTML);
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><div id=\"error\"><h2>" + escape(title) + "</h2><p>" + escape(explanation)
                + "</p></div></body></html>";
        return new FakeResponse(status, headers, page.getBytes(StandardCharsets.UTF_8));
    }

    static FakeResponse redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        return new FakeResponse(302, headers, new byte[0]);
    }

    /**
     * The Graph error body. {@code is_transient} is written for Graph calls, where Facebook sends it, and left out
     * for the OAuth token endpoint, whose errors Facebook sends without it.
     */
    static FakeResponse error(GraphError error, boolean withTransientFlag) {
        ObjectNode details = Json.object();
        details.put("message", error.message());
        details.put("type", error.type());
        details.put("code", error.code());
        if (error.subcode() != null) {
            details.put("error_subcode", error.subcode());
        }
        if (withTransientFlag) {
            details.put("is_transient", error.isTransient());
        }
        details.put("fbtrace_id", RandomStrings.traceId());
        ObjectNode body = Json.object();
        body.set("error", details);
        FakeResponse response = json(error.httpStatus(), body);
        String reason = error.code() == 190 ? "invalid_token"
                : error.code() == 10 || (error.code() >= 200 && error.code() <= 299) ? "insufficient_scope"
                : "invalid_request";
        response.headers().put("WWW-Authenticate",
                "OAuth \"Facebook Platform\" \"" + reason + "\" \"" + error.message().replace("\"", "'") + "\"");
        return response;
    }

    FakeResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
