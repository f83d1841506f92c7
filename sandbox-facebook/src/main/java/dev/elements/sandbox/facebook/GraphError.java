package dev.elements.sandbox.facebook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal in Graph's shape, {@code {"error": {message, type, code, error_subcode, fbtrace_id}}};
 * Graph answers them with 400, and clients branch on {@code code}.
 */
final class GraphError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final int code;
    private final Integer subcode;

    GraphError(int status, String type, int code, Integer subcode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.subcode = subcode;
    }

    static GraphError invalidParameter(String message) {
        return new GraphError(400, "OAuthException", 100, null, message);
    }

    static GraphError invalidToken(int subcode, String message) {
        return new GraphError(400, "OAuthException", 190, subcode, message);
    }

    static GraphError unsupported(String method, String id) {
        return new GraphError(400, "GraphMethodException", 100, 33, "Unsupported " + method
                + " request. Object with ID '" + id + "' does not exist, cannot be loaded due to missing permissions,"
                + " or does not support this operation.");
    }

    static GraphError permission(String message) {
        return new GraphError(400, "OAuthException", 200, null, message);
    }

    int status() {
        return status;
    }

    String body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", getMessage());
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "SandboxTrace");
        return SandboxJson.write(Map.of("error", error));
    }
}
