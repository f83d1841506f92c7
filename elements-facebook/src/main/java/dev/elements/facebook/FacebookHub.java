package dev.elements.facebook;

import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ProviderUsage;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.ElementContext;

/**
 * One social hub call: the Graph request, the usage Facebook reports, and the answer or the
 * classified refusal. Whatever goes back, answer or exception, has passed the credential scrubber.
 */
final class FacebookHub {
    private FacebookHub() {
    }

    static HubResult call(HubCall call, ElementContext context) {
        GraphOperation operation = FacebookResources.operationFor(call.resource())
                .orElseThrow(() -> new IllegalArgumentException("Not a " + FacebookFacts.KEY + " resource: "
                        + call.resource().method() + " " + call.resource().path()));
        CredentialScrubber scrubber = new CredentialScrubber(call.tokens().accessToken(),
                call.configuration().get(FacebookFacts.CONFIG_API_SECRET).orElse(null));
        try {
            ProviderHttpRequest request = GraphRequests.build(operation, call, context.providerTimeout());
            ProviderHttpResponse response = context.http().send(request);
            ProviderUsage usage = FacebookUsage.read(response,
                    FacebookUsage.bucketOf(call.configuration()).orElse(null));
            if (!response.successful()) {
                throw FacebookGraphErrors.fromGraphCall(response, usage);
            }
            return GraphAnswers.shape(operation, response, usage, scrubber, call.removeNulls());
        } catch (ProviderException failure) {
            throw scrubber.scrub(failure);
        }
    }
}
