package dev.elements.http;

import java.util.List;
import java.util.Map;

/**
 * The isolation matrix: one case (or more) for every verb of every instance, user and hub route.
 * {@link IsolationMatrixTest} runs each case with one organization's secrets against the other's
 * instances and users, and fails when a registered route has no case here; add one with each new
 * route. Routes are templates relative to {@link HttpApi#BASE_PATH}, spelled as registered.
 */
final class IsolationCases {
    private IsolationCases() {
    }

    /** How a case picks what it aims at in the other organization. */
    enum Target {
        /** Nothing: a list or a create in the caller's own organization. */
        NONE,
        /** The other organization's instance, by {@code {id}} in the path. */
        INSTANCE_ID,
        /** The other organization's instance, by its Element token in the Authorization header. */
        INSTANCE_TOKEN,
        /** The other organization's instance under {@code /elements/{keyOrId}}, by key and by id. */
        ELEMENT_INSTANCE_ID,
        /** The other organization's users (its administrator and its member), by {@code {id}}. */
        USER_ID
    }

    /** What the caller must get. In every case the other organization's data stays as it was. */
    enum Outcome {
        /** 404, as for something that does not exist. */
        NOT_FOUND,
        /**
         * 401, as for a wrong secret: hub calls, whose instance the Element token names, refuse a
         * User and Organization of another organization than the token's.
         */
        UNAUTHENTICATED,
        /** 200 with a list of the caller's own, holding none of the other organization's ids. */
        LISTS_OWN,
        /** 200 with something of the caller's own, though the request repeats the other's (Idempotency-Key too). */
        CREATES_OWN,
        /** As {@link #CREATES_OWN} for an administrator; 403 for a user who is none. */
        CREATES_OWN_IF_ADMINISTRATOR
    }

    /**
     * @param route the route template, possibly with a query; {@code {id}}, {@code {configId}} and
     *     {@code {keyOrId}} are filled in per run, {@code {hub}} with the scripted element's hub,
     *     {@code {objectName}} with its object and {@code {eventId}} with an event the events double
     *     redelivers for any instance
     * @param body a JSON body or null; {@code {code}} becomes a fresh code, {@code {email}} an email
     *     address, and {@link #PROVISIONING} the other organization's own provisioning body
     * @param resource what {@code <path>} of a hub route becomes; null for other routes
     * @param ownerStatus what the owner gets for the same request: 200, but 405 for a verb of a
     *     hub route that the scripted element has no resource for, which shows the call passed the
     *     token check and reached the matching of resources
     */
    record Case(String method, String route, Target target, Outcome outcome, String body, String resource,
            int ownerStatus) {
        Case(String method, String route, Target target, Outcome outcome, String body) {
            this(method, route, target, outcome, body, null, 200);
        }

        /** A hub call with the other organization's Element token and the caller's User and Organization. */
        static Case hub(String method, String resource, String body, int ownerStatus) {
            return new Case(method, HUB_ROUTE, Target.INSTANCE_TOKEN, Outcome.UNAUTHENTICATED, body, resource,
                    ownerStatus);
        }

        /** {@link #hub}, without the hub segment. */
        static Case hubLess(String method, String resource, String body, int ownerStatus) {
            return new Case(method, HUB_LESS_ROUTE, Target.INSTANCE_TOKEN, Outcome.UNAUTHENTICATED, body, resource,
                    ownerStatus);
        }

        /** The registered route this case exercises: verb and template without the query. */
        String routeKey() {
            int query = route.indexOf('?');
            return method + " " + (query < 0 ? route : route.substring(0, query));
        }

        @Override
        public String toString() {
            String shown = resource == null ? route : route.replace("<path>", resource);
            return method + " " + shown + (target == Target.INSTANCE_TOKEN ? " (Element token)" : "");
        }
    }

    /** The hub route as registered; the hub segment is any name, the token decides. */
    static final String HUB_ROUTE = "/hubs/{hub}/<path>";

    /** The hub-less route as registered: any path below the base that is no platform route's. */
    static final String HUB_LESS_ROUTE = "/<path>";

    /** Stands for the body the other organization provisioned its instance with. */
    static final String PROVISIONING = "{provisioning}";

    private static final String CONFIGURATION = "\"configuration\": {\"oauth.api.key\": \"taken-app\","
            + " \"oauth.api.secret\": \"********\", \"oauth.callback.url\": \"https://taken.example/cb\"}";
    private static final String PUT = "{\"name\": \"Taken\", \"tags\": [\"taken\"], " + CONFIGURATION + "}";
    private static final String REAUTHORIZE = "{\"name\": \"Taken\", \"providerData\": {\"code\": \"{code}\"}, "
            + CONFIGURATION + "}";
    private static final String PATCH = "{\"name\": \"Taken\", \"tags\": [\"taken\"],"
            + " \"configuration\": {\"oauth.callback.url\": \"https://taken.example/cb\"}}";
    private static final String PROPERTY = "{\"propertyValue\": \"77\"}";
    private static final String USER_CHANGES = "{\"active\": false, \"firstName\": \"Taken\", \"role\": \"org-admin\"}";

    /**
     * Routes that need no case, each with the reason. Keep it short: a route that reads or changes
     * an organization's instances or users belongs in {@link #CASES}.
     */
    static final Map<String, String> NOT_TENANT_SCOPED = Map.of(
            "POST /organizations", "the operator's route: it takes no tenant's secret and touches no existing"
                    + " organization");

    static final List<Case> CASES = List.of(
            // Lists and creation name nothing of the other organization; the answer must not either.
            new Case("GET", "/instances", Target.NONE, Outcome.LISTS_OWN, null),
            new Case("GET", "/instances?tags[]=shared&tags[]=blue", Target.NONE, Outcome.LISTS_OWN, null),
            new Case("POST", "/instances", Target.NONE, Outcome.CREATES_OWN, PROVISIONING),
            new Case("GET", "/elements/{keyOrId}/instances?tags=shared", Target.NONE, Outcome.LISTS_OWN, null),
            new Case("POST", "/elements/{keyOrId}/instances", Target.NONE, Outcome.CREATES_OWN, PROVISIONING),
            new Case("GET", "/users", Target.NONE, Outcome.LISTS_OWN, null),
            new Case("GET", "/organizations/users", Target.NONE, Outcome.LISTS_OWN, null),
            new Case("POST", "/organizations/users", Target.NONE, Outcome.CREATES_OWN_IF_ADMINISTRATOR,
                    "{\"emailAddress\": \"{email}\", \"firstName\": \"Taken\"}"),

            // One instance by id.
            new Case("GET", "/instances/{id}", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("PUT", "/instances/{id}", Target.INSTANCE_ID, Outcome.NOT_FOUND, PUT),
            new Case("PUT", "/instances/{id}", Target.INSTANCE_ID, Outcome.NOT_FOUND, REAUTHORIZE),
            new Case("PATCH", "/instances/{id}", Target.INSTANCE_ID, Outcome.NOT_FOUND, PATCH),
            new Case("DELETE", "/instances/{id}", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("GET", "/instances/{id}/configuration", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("GET", "/instances/{id}/configuration/{configId}", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("PATCH", "/instances/{id}/configuration/{configId}", Target.INSTANCE_ID, Outcome.NOT_FOUND,
                    PROPERTY),
            new Case("PUT", "/instances/{id}/enabled", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("DELETE", "/instances/{id}/enabled", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("POST", "/instances/{id}/token", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("POST", "/instances/{id}/refresh", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("GET", "/instances/{id}/docs", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("GET", "/instances/{id}/events", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("GET", "/instances/{id}/events?limit=5", Target.INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("POST", "/instances/{id}/events/{eventId}/redeliver", Target.INSTANCE_ID, Outcome.NOT_FOUND,
                    null),

            // The same by the other organization's Element token.
            new Case("GET", "/instances", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("PUT", "/instances", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, PUT),
            new Case("PUT", "/instances", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, REAUTHORIZE),
            new Case("PATCH", "/instances", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, PATCH),
            new Case("DELETE", "/instances", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("GET", "/instances/configuration", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("GET", "/instances/configuration/{configId}", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("PATCH", "/instances/configuration/{configId}", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND,
                    PROPERTY),
            new Case("PUT", "/instances/enabled", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("DELETE", "/instances/enabled", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("POST", "/instances/token", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("POST", "/instances/refresh", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("GET", "/instances/docs", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("GET", "/instances/events", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),

            // The element-scoped forms.
            new Case("GET", "/elements/{keyOrId}/instances/{id}", Target.ELEMENT_INSTANCE_ID, Outcome.NOT_FOUND, null),
            new Case("PUT", "/elements/{keyOrId}/instances/{id}", Target.ELEMENT_INSTANCE_ID, Outcome.NOT_FOUND, PUT),
            new Case("PATCH", "/elements/{keyOrId}/instances/{id}", Target.ELEMENT_INSTANCE_ID, Outcome.NOT_FOUND,
                    PATCH),
            new Case("DELETE", "/elements/{keyOrId}/instances/{id}", Target.ELEMENT_INSTANCE_ID, Outcome.NOT_FOUND,
                    null),

            // Users, by both spellings.
            new Case("GET", "/users/{id}", Target.USER_ID, Outcome.NOT_FOUND, null),
            new Case("PATCH", "/users/{id}", Target.USER_ID, Outcome.NOT_FOUND, USER_CHANGES),
            new Case("POST", "/users/{id}/secret", Target.USER_ID, Outcome.NOT_FOUND, null),
            new Case("GET", "/organizations/users/{id}", Target.USER_ID, Outcome.NOT_FOUND, null),
            new Case("PATCH", "/organizations/users/{id}", Target.USER_ID, Outcome.NOT_FOUND, USER_CHANGES),
            new Case("DELETE", "/users/{id}", Target.USER_ID, Outcome.NOT_FOUND, null),
            new Case("DELETE", "/organizations/users/{id}", Target.USER_ID, Outcome.NOT_FOUND, null),

            // Hub calls: the Element token names the instance, so no id is there to hide; the caller's
            // own User and Organization beside another organization's token are refused as wrong.
            Case.hub("GET", "me", null, 200),
            Case.hub("GET", "items?pageSize=1", null, 200),
            Case.hub("POST", "items", "{\"message\": \"taken\"}", 200),
            Case.hub("PUT", "items/1", "{\"message\": \"taken\"}", 405),
            Case.hub("PATCH", "items/1", "{\"message\": \"taken\"}", 405),
            Case.hub("DELETE", "items/1", null, 405),

            // The objects of the token's instance's element, hub-less and under the hub.
            new Case("GET", "/objects", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("GET", "/objects/{objectName}/metadata", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("GET", "/hubs/{hub}/objects", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND, null),
            new Case("GET", "/hubs/{hub}/objects/{objectName}/metadata", Target.INSTANCE_TOKEN, Outcome.NOT_FOUND,
                    null),
            Case.hubLess("GET", "me", null, 200),
            Case.hubLess("GET", "items?pageSize=1", null, 200),
            Case.hubLess("POST", "items", "{\"message\": \"taken\"}", 200),
            Case.hubLess("PUT", "items/1", "{\"message\": \"taken\"}", 405),
            Case.hubLess("PATCH", "items/1", "{\"message\": \"taken\"}", 405),
            Case.hubLess("DELETE", "items/1", null, 405));
}
