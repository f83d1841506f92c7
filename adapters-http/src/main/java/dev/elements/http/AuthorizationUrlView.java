package dev.elements.http;

/** The answer of {@code /elements/{keyOrId}/oauth/url}. */
record AuthorizationUrlView(String oauthUrl, String element) {
}
