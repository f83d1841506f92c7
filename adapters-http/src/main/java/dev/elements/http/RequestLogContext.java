package dev.elements.http;

import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.OrganizationId;
import io.javalin.http.Context;
import org.slf4j.MDC;

/**
 * The ids of the request being served in SLF4J's MDC ({@code requestId}, and {@code organizationId}
 * and {@code instanceId} once the caller is known), so that every line logged for a request, the
 * request-log line included, carries them. They are also kept on the request, because the request
 * log may run on another thread than the handler; and they are cleared after the request, so that a
 * pooled thread never lends them to the next one.
 */
final class RequestLogContext {
    static final String REQUEST_ID = "requestId";
    static final String ORGANIZATION_ID = "organizationId";
    static final String INSTANCE_ID = "instanceId";
    private static final String ORGANIZATION_ATTRIBUTE = "dev.elements.http.log.organizationId";
    private static final String INSTANCE_ATTRIBUTE = "dev.elements.http.log.instanceId";

    private RequestLogContext() {
    }

    /** A new request on this thread: nothing of an earlier one stays. */
    static void begin(String requestId) {
        MDC.remove(ORGANIZATION_ID);
        MDC.remove(INSTANCE_ID);
        MDC.put(REQUEST_ID, requestId);
    }

    static void organization(Context ctx, OrganizationId organization) {
        String id = Long.toString(organization.value());
        ctx.attribute(ORGANIZATION_ATTRIBUTE, id);
        MDC.put(ORGANIZATION_ID, id);
    }

    static void instance(Context ctx, InstanceId instance) {
        String id = Long.toString(instance.value());
        ctx.attribute(INSTANCE_ATTRIBUTE, id);
        MDC.put(INSTANCE_ID, id);
    }

    /** Runs {@code log} with the request's ids in the MDC, then clears them from this thread. */
    static void logWith(Context ctx, String requestId, Runnable log) {
        try {
            MDC.put(REQUEST_ID, requestId);
            putOrRemove(ORGANIZATION_ID, ctx.attribute(ORGANIZATION_ATTRIBUTE));
            putOrRemove(INSTANCE_ID, ctx.attribute(INSTANCE_ATTRIBUTE));
            log.run();
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(ORGANIZATION_ID);
            MDC.remove(INSTANCE_ID);
        }
    }

    private static void putOrRemove(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
