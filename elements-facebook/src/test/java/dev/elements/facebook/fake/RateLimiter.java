package dev.elements.facebook.fake;

import dev.elements.core.fake.oauth2.FakeClock;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies the app's and the page's hourly budgets to Graph calls and writes the usage headers Facebook sends with
 * every answer. Used under the fake's lock.
 */
final class RateLimiter {

    private final UsageMeter meter;
    private final Credentials credentials;
    private final FakeClock clock;

    RateLimiter(UsageMeter meter, Credentials credentials, FakeClock clock) {
        this.meter = meter;
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * Counts the call against its app (and page), or refuses it with code 4 (or 80001 for a page) once the budget is
     * used up. Refused calls are not counted, so usage drops as soon as old calls leave the rolling hour.
     */
    void admit(Viewer viewer) {
        if (appUsage(viewer).exhausted()) {
            throw new GraphException(GraphError.applicationRequestLimit());
        }
        String pageId = viewer.kind() == TokenKind.PAGE ? viewer.token().pageId() : null;
        if (pageId != null && meter.pageUsage(pageId, clock.now()).exhausted()) {
            throw new GraphException(GraphError.pagesBusinessUseCaseLimit());
        }
        meter.record(viewer.app().id(), pageId, clock.now());
    }

    /** {@code X-App-Usage} on every call with a known app, and {@code X-Business-Use-Case-Usage} for page tokens. */
    FakeResponse withUsageHeaders(FakeResponse response, Viewer viewer) {
        if (viewer == null) {
            return response;
        }
        UsageMeter.Usage app = appUsage(viewer);
        ObjectNode appUsage = Json.object();
        appUsage.put("call_count", app.percent());
        appUsage.put("total_time", app.percent());
        appUsage.put("total_cputime", app.percent());
        response.withHeader("X-App-Usage", Json.text(appUsage));
        if (viewer.kind() == TokenKind.PAGE) {
            String pageId = viewer.token().pageId();
            UsageMeter.Usage page = meter.pageUsage(pageId, clock.now());
            ObjectNode bucket = Json.object();
            bucket.put("type", "pages");
            bucket.put("call_count", page.percent());
            bucket.put("total_cputime", page.percent());
            bucket.put("total_time", page.percent());
            bucket.put("estimated_time_to_regain_access", page.minutesToRegainAccess());
            ObjectNode businessUsage = Json.object();
            ArrayNode buckets = businessUsage.putArray(pageId);
            buckets.add(bucket);
            response.withHeader("X-Business-Use-Case-Usage", Json.text(businessUsage));
        }
        return response;
    }

    private UsageMeter.Usage appUsage(Viewer viewer) {
        String appId = viewer.app().id();
        return meter.appUsage(appId, credentials.userCountOf(appId), clock.now());
    }
}
