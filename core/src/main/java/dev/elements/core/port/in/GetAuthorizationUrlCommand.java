package dev.elements.core.port.in;

import dev.elements.core.element.CallbackUrls;

/**
 * The query of {@code GET /elements/{keyOrId}/oauth/url}. {@code apiSecret} is accepted for Cloud
 * Elements compatibility and deliberately dropped: a login URL never carries it.
 *
 * @param element the element's key or id
 * @param apiKey the application's id at the provider (required)
 * @param callbackUrl the registered callback (required, absolute http or https); without a scheme,
 *     {@code https://} is put in front, as Cloud Elements did
 * @param scope the permissions to ask for; the element's default scope when null
 * @param state returned by the provider with the code; when null, the element key, or for an element
 *     that uses PKCE a fresh random one (each login keeps its verifier under its own state)
 */
public record GetAuthorizationUrlCommand(String element, String apiKey, String callbackUrl, String scope,
        String state) {

    public GetAuthorizationUrlCommand {
        callbackUrl = CallbackUrls.completed(callbackUrl);
        new Validation()
                .require("apiKey", apiKey)
                .require("callbackUrl", callbackUrl)
                .check(Validation.isHttpUrl(callbackUrl), "callbackUrl must be an absolute http or https URL")
                .orThrow();
    }
}
