package dev.elements.facebook;

import dev.elements.core.element.ResourceAnswer;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.json.Json;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.hub.HubClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code pageToken}: a hub call made as a page the instance's user manages, as Cloud Elements'
 * facebooksocial offered, for what Graph lets pages alone do (publish photos and videos, take likes
 * back). The parameter names the page by its id and never carries a token, because a URL is logged
 * by every proxy on its way. The page's token is looked up with the user's ({@code GET
 * /{page-id}?fields=access_token}, with its {@code appsecret_proof}), used for the one call with its
 * own proof, and kept nowhere: it never reaches the application, a log or storage.
 */
final class ActingAsPage {
    /** The query parameter, as Cloud Elements named it. */
    static final String PARAMETER = "pageToken";
    private static final Pattern PAGE_ID = Pattern.compile("[0-9]{1,32}");
    private static final ResourceDefinition PAGE_TOKEN_LOOKUP = new ResourceDefinition("pages/{id}/access-token",
            "GET", "/{id}", "GET", "The token of a page the user manages, for a call made as the page", false)
            .withFixedQuery(Map.of("fields", "id,access_token"))
            .withAnswer(new ResourceAnswer(FacebookElementDefinition.PAGE_TOKEN, null));
    /** What Graph answers for a page that is not the user's: none of it is an outage. */
    private static final Set<ProviderErrorClass> NOT_THE_USERS_PAGE = Set.of(ProviderErrorClass.PERMISSION,
            ProviderErrorClass.NOT_FOUND, ProviderErrorClass.BAD_REQUEST);

    private ActingAsPage() {
    }

    /** Whether the application asked for the call to be made as a page. */
    static boolean requested(HubCall call) {
        return call.query().containsKey(PARAMETER);
    }

    /**
     * Makes the call as the page {@code pageToken} names.
     *
     * @throws PlatformException {@code INVALID_FIELD} when {@code pageToken} is not one page id;
     *     {@code NOT_ALLOWED} (403) when the user does not manage the page, so that Facebook gives no
     *     token for it, or Facebook refuses the page's token
     */
    static HubResult call(HubCall call, HubClient hub, ElementContext context) {
        String pageId = pageId(call);
        HubCall asPage = call.withoutQueryParameter(PARAMETER).withTokens(new TokenSet(pageToken(call, pageId, hub,
                context), null, null, List.of(), pageId));
        try {
            return hub.call(asPage, context);
        } catch (ProviderException refused) {
            if (refused.errorClass().rejectsCredentials()) {
                // The user's own token is not the one refused: the instance stays valid.
                throw notManaged(pageId, "Facebook refused the token of page " + pageId + " that it had just given");
            }
            throw refused;
        }
    }

    private static String pageId(HubCall call) {
        List<String> values = call.query().get(PARAMETER);
        if (values.size() != 1 || !PAGE_ID.matcher(values.get(0)).matches()) {
            // The value stays out of the message: it may be a token sent by mistake.
            throw new PlatformException(ErrorCode.INVALID_FIELD, PARAMETER + " must be the id of one page the"
                    + " instance's user manages (digits); the platform looks the page's token up itself, so never"
                    + " send a token in a URL");
        }
        return values.get(0);
    }

    private static String pageToken(HubCall call, String pageId, HubClient hub, ElementContext context) {
        HubCall lookup = new HubCall(PAGE_TOKEN_LOOKUP, Map.of("id", pageId), Map.of(), null, null, call.tokens(),
                call.configuration(), null, false, null);
        try {
            HubResult answer = hub.call(lookup, context);
            return Json.parse(answer.body()).path("access_token").text();
        } catch (ProviderException refused) {
            if (NOT_THE_USERS_PAGE.contains(refused.errorClass())) {
                throw notManaged(pageId, "Facebook gives no token for page " + pageId);
            }
            throw refused;
        }
    }

    private static PlatformException notManaged(String pageId, String what) {
        return new PlatformException(ErrorCode.NOT_ALLOWED, what + ": the instance's user does not manage the page"
                + " (or did not grant pages_show_list), so the call cannot be made as page " + pageId);
    }
}
