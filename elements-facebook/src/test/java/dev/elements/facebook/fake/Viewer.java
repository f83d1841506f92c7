package dev.elements.facebook.fake;

/**
 * Who is asking, as decided by the access token of a Graph call.
 *
 * @param token the token; for an app token, a synthetic one of kind {@link TokenKind#APP}
 * @param app the app the token belongs to
 */
record Viewer(IssuedToken token, FakeApp app) {

    TokenKind kind() {
        return token.kind();
    }

    /** The user or page {@code me} means; null for an app token, which has no {@code me}. */
    String subjectId() {
        return token.subjectId();
    }

    boolean isUser(String userId) {
        return kind() == TokenKind.USER && userId.equals(token.userId());
    }

    boolean isPage(String pageId) {
        return kind() == TokenKind.PAGE && pageId.equals(token.pageId());
    }

    boolean hasScope(String scope) {
        return token.scopes().contains(scope);
    }
}
