package dev.elements.core.spi.hub;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ResourceAnswer;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.instance.Configuration;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonMissing;
import dev.elements.core.json.JsonObject;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderError;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.CredentialScrubber;
import dev.elements.core.spi.ElementContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Calls a provider's REST API for the hub: fills the resource's provider path, adds the
 * application's query minus reserved names, the resource's fixed query and the paging, sends the
 * body as JSON or form fields, authenticates, reads usage, classifies refusals and shapes answers.
 * Every answer and every refusal passes the call's {@link CredentialScrubber} before it leaves.
 * Thread-safe and stateless: one client serves every call of an element.
 */
public final class HubClient {
    /** Cloud Elements answered 200 for every success, creates and deletes included. */
    private static final int OK = 200;

    private final HubProfile profile;
    private final HubRequests requests;

    public HubClient(HubProfile profile) {
        this.profile = requireNonNull(profile, "profile");
        this.requests = new HubRequests(profile);
    }

    public HubResult call(HubCall call, ElementContext context) {
        CredentialScrubber scrubber = CredentialScrubber.of(call.tokens().accessToken(),
                call.tokens().refreshToken(),
                call.configuration().get(CommonConfiguration.OAUTH_API_SECRET).orElse(null))
                .dropping(profile.droppedMembers());
        try {
            ProviderHttpRequest request = requests.build(call, context.providerTimeout());
            ProviderHttpResponse response = context.http().send(request);
            ProviderUsage usage = profile.usage().read(response, call.configuration(), call.tokens(),
                    context.clock().instant());
            JsonValue body = response.body().length == 0
                    ? JsonMissing.INSTANCE
                    : Json.tryParse(response.body()).orElse(JsonMissing.INSTANCE);
            if (!response.successful() || profile.hooks().refusedDespiteSuccess(body)) {
                throw profile.errors().refusal(response, body, usage);
            }
            return shape(call, body, response, usage, scrubber);
        } catch (ProviderException failure) {
            throw scrubber.scrub(failure);
        }
    }

    /** The budgets an instance's calls spend, for the platform to hold calls back before the provider refuses. */
    public List<String> usageBuckets(Configuration configuration, TokenSet tokens) {
        return profile.usage().buckets(configuration, tokens);
    }

    private HubResult shape(HubCall call, JsonValue body, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber) {
        ResourceDefinition resource = call.resource();
        ResourceAnswer answer = resource.answer();
        if (answer.isList()) {
            return list(call, body, response, usage, scrubber);
        }
        if (answer.shape().equals(ResourceAnswer.OBJECT)) {
            return object(call, body, response, usage, scrubber);
        }
        CustomAnswer custom = profile.customAnswers().get(answer.shape());
        if (custom == null) {
            throw new IllegalStateException("No answer shape " + answer.shape() + " for " + resource.path());
        }
        return custom.shape(call, body, response, usage, scrubber);
    }

    private HubResult list(HubCall call, JsonValue body, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber) {
        String pointer = call.resource().answer().pointer() != null
                ? call.resource().answer().pointer()
                : profile.itemsPointer();
        JsonValue items = body.at(pointer);
        if (items.isMissing() && profile.missingItemsAreEmpty() && body.isObject()) {
            items = JsonArray.of(List.of());
        }
        if (!(items instanceof JsonArray answered)) {
            throw unreadable(call, response, usage);
        }
        if (call.page() == null) {
            return new HubResult(OK, bytes(scrubber.scrub(answered), call), answered.size(), null, usage);
        }
        JsonArray page = profile.paging().pageItems(answered, call.page());
        String next = profile.paging().nextCursor(body, response, call.page(), answered.size());
        return new HubResult(OK, bytes(scrubber.scrub(page), call), page.size(), next, usage);
    }

    private HubResult object(HubCall call, JsonValue body, ProviderHttpResponse response, ProviderUsage usage,
            CredentialScrubber scrubber) {
        boolean changes = !call.resource().vendorMethod().equals("GET");
        boolean noContent = new String(response.body(), StandardCharsets.UTF_8).isBlank();
        if (changes && (noContent || (body.isBoolean() && body.booleanOr(false)))) {
            // A delete or a like answered with no content (204) or a bare true: say it worked. A body
            // that is there but is no JSON (a proxy's HTML page) says nothing of the kind.
            return new HubResult(OK, JsonObject.builder().put("success", true).build().toJsonBytes(), 1, null, usage);
        }
        String pointer = call.resource().answer().pointer() == null ? "" : call.resource().answer().pointer();
        JsonValue object = body.at(pointer);
        if (!object.isObject()) {
            throw unreadable(call, response, usage);
        }
        return new HubResult(OK, bytes(scrubber.scrub(object), call), 1, null, usage);
    }

    private static byte[] bytes(JsonValue answer, HubCall call) {
        return (call.removeNulls() ? answer.withoutNullMembers() : answer).toJsonBytes();
    }

    /** Anything that is not what the resource answers is an outage: passing it on would hand over whatever a broken proxy sent. */
    private static ProviderException unreadable(HubCall call, ProviderHttpResponse response, ProviderUsage usage) {
        return new ProviderException(new ProviderError(ProviderErrorClass.TRANSIENT, null, null, null, usage),
                "The provider answered HTTP " + response.status() + " to " + call.resource().vendorMethod() + " "
                        + call.resource().vendorPath() + " with a body that is not what the resource answers", null);
    }
}
