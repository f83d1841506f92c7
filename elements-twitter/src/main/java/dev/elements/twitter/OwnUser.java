package dev.elements.twitter;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * X names users by id only ({@code /2/users/me} is the one exception), so {@code me} in a hub path
 * stands for the instance's own user, whose id the code exchange learned.
 */
final class OwnUser {
    private OwnUser() {
    }

    /** The call with every {@code me} path value replaced by the instance's user id. */
    static HubCall resolved(HubCall call) {
        if (!call.pathParameters().containsValue(TwitterFacts.ME)) {
            return call;
        }
        String own = call.tokens().providerUserId();
        if (own == null) {
            throw new PlatformException(ErrorCode.INVALID_FIELD,
                    "This instance does not know its X user id; name the user by id instead of me");
        }
        Map<String, String> values = new LinkedHashMap<>(call.pathParameters());
        values.replaceAll((name, value) -> value.equals(TwitterFacts.ME) ? own : value);
        return new HubCall(call.resource(), values, call.query(), call.where(), call.body(), call.tokens(),
                call.configuration(), call.page(), call.removeNulls(), call.contentType());
    }
}
