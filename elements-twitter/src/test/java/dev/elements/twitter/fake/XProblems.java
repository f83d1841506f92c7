package dev.elements.twitter.fake;

import dev.elements.core.fake.oauth2.FakeJson;
import dev.elements.core.fake.oauth2.FakeResponse;
import java.util.List;

/**
 * X API v2 errors: RFC 7807 problem details ({@code type}, {@code title}, {@code detail}, and {@code status} for the
 * general ones), with an {@code errors} array describing each failed parameter or missing resource.
 */
final class XProblems {

    private static final String PROBLEMS = "https://api.twitter.com/2/problems/";

    private XProblems() {
    }

    /** A problem with nothing to add to the status: {@code type} is {@code about:blank}. */
    static FakeResponse general(int status, String reason) {
        return FakeResponse.json(status, FakeJson.object().put("title", reason).put("type", "about:blank")
                .put("status", status).put("detail", reason));
    }

    static FakeResponse unauthorized() {
        return general(401, "Unauthorized");
    }

    static FakeResponse tooManyRequests() {
        return general(429, "Too Many Requests");
    }

    static FakeResponse forbidden(String detail) {
        return FakeResponse.json(403, FakeJson.object().put("detail", detail).put("type", "about:blank")
                .put("title", "Forbidden").put("status", 403));
    }

    /** 400 for a parameter X refuses, naming it and the value sent. */
    static FakeResponse invalidParameter(String parameter, String value, String message) {
        FakeJson error = FakeJson.object().put("parameters", FakeJson.object().putStrings(parameter, List.of(value)))
                .put("message", message);
        return FakeResponse.json(400, FakeJson.object().putObjects("errors", List.of(error))
                .put("title", "Invalid Request").put("detail", "One or more parameters to your request was invalid.")
                .put("type", PROBLEMS + "invalid-request"));
    }

    /** 400 for a body that is not the JSON object the endpoint takes. */
    static FakeResponse invalidBody(String message) {
        FakeJson error = FakeJson.object().put("message", message);
        return FakeResponse.json(400, FakeJson.object().putObjects("errors", List.of(error))
                .put("title", "Invalid Request").put("detail", "One or more parameters to your request was invalid.")
                .put("type", PROBLEMS + "invalid-request"));
    }

    /** The {@code errors} entry for a resource that does not exist. */
    static FakeJson notFoundError(String resourceType, String parameter, String value) {
        return FakeJson.object().put("value", value)
                .put("detail", "Could not find " + resourceType + " with " + parameter + ": [" + value + "].")
                .put("title", "Not Found Error").put("resource_type", resourceType).put("parameter", parameter)
                .put("resource_id", value).put("type", PROBLEMS + "resource-not-found");
    }

    /** 200 with only {@code errors}: a lookup whose resource does not exist is a partial error, not a failure. */
    static FakeResponse partialNotFound(String resourceType, String parameter, String value) {
        return FakeResponse.json(200, FakeJson.object()
                .putObjects("errors", List.of(notFoundError(resourceType, parameter, value))));
    }

    /** 404 for a change to a resource that does not exist. */
    static FakeResponse notFound(String resourceType, String parameter, String value) {
        return FakeResponse.json(404, FakeJson.object()
                .putObjects("errors", List.of(notFoundError(resourceType, parameter, value)))
                .put("title", "Not Found Error").put("detail", "Could not find " + resourceType + " with "
                        + parameter + ": [" + value + "].").put("type", PROBLEMS + "resource-not-found"));
    }
}
