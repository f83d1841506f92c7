/**
 * Elements declared as JSON documents instead of jars.
 *
 * <p>{@link dev.elements.declarative.DeclarativeElements} loads the documents shipped in this jar
 * and those of a directory ({@code ELEMENTS_ELEMENTS_DIR}), each validated against the published
 * JSON Schema {@code dev/elements/declarative/element.schema.json} (draft 2020-12), into
 * {@link dev.elements.declarative.DeclarativeElementProvider}s: core's OAuth2 protocol and hub
 * client, configured by the document.
 *
 * <h2>Where the shipped documents' facts come from</h2>
 * Checked against the providers' public documentation; facts marked <em>inferred</em> are not
 * stated there and were chosen as the documented behaviour implies.
 *
 * <p>{@code github.json}:
 * <ul>
 * <li>Authorization {@code https://github.com/login/oauth/authorize}, token
 * {@code https://github.com/login/oauth/access_token}, whose refusals ({@code bad_verification_code},
 * {@code incorrect_client_credentials}, ...) come with HTTP 200 in the format the {@code Accept}
 * header asks for: docs.github.com, "Authorizing OAuth apps" and "Troubleshooting OAuth app access
 * token request errors". Core's {@code OAuth2Protocol} reads an {@code error} member without an
 * access token as a refusal whatever the status.</li>
 * <li>An OAuth app's tokens do not expire and come without a refresh token; a GitHub App's user
 * tokens expire after eight hours (28800 s) with a refresh token valid six months, and each
 * refresh spends the refresh token and returns a new one: docs.github.com, "Refreshing user access
 * tokens".</li>
 * <li>Scopes space-separated ({@code read:user}, {@code repo}): docs.github.com, "Scopes for OAuth
 * apps". The default scope {@code read:user repo} is <em>inferred</em> from the resources shipped.</li>
 * <li>API root {@code https://api.github.com}, {@code GET /user} (numeric {@code id}),
 * {@code GET /user/repos}, {@code GET|POST /repos/{owner}/{repo}/issues},
 * {@code GET /repos/{owner}/{repo}/issues/{issue_number}}: docs.github.com REST reference; headers
 * {@code Accept: application/vnd.github+json} and {@code X-GitHub-Api-Version: 2022-11-28}:
 * docs.github.com, "Getting started with the REST API".</li>
 * <li>Paging by {@code page} and {@code per_page} (at most 100) with RFC 8288 {@code link}
 * headers: docs.github.com, "Using pagination in the REST API".</li>
 * <li>{@code x-ratelimit-limit}, {@code x-ratelimit-remaining}, {@code x-ratelimit-reset} (epoch
 * seconds), limits per authenticated user: docs.github.com, "Rate limits for the REST API". A rate
 * limit GitHub answers with 403 rather than 429 is read as {@code PERMISSION} (<em>inferred</em>:
 * the status alone cannot tell them apart).</li>
 * <li>Error bodies {@code {"message", "documentation_url"}}: docs.github.com, "Troubleshooting the
 * REST API". The login and repository name patterns are <em>inferred</em> from GitHub's sign-up
 * rules (39 characters, letters, digits and single hyphens).</li>
 * </ul>
 *
 * <p>{@code linkedin.json}:
 * <ul>
 * <li>Authorization {@code https://www.linkedin.com/oauth/v2/authorization}, token
 * {@code https://www.linkedin.com/oauth/v2/accessToken}, the client's id and secret in the form
 * body, access tokens living 60 days, refresh tokens (a year) for the partners LinkedIn grants them:
 * learn.microsoft.com/linkedin, "Authorization Code Flow (3-legged OAuth)" and "Refresh Tokens with
 * OAuth 2.0".</li>
 * <li>Scopes {@code openid profile email} and {@code GET https://api.linkedin.com/v2/userinfo}
 * with the member's id in {@code sub}: learn.microsoft.com/linkedin, "Sign In with LinkedIn using
 * OpenID Connect".</li>
 * <li>Paging by {@code start} and {@code count} with the items in {@code elements}, a short page
 * being the last: learn.microsoft.com/linkedin, "Pagination".</li>
 * <li>Errors {@code {"message", "serviceErrorCode", "status"}}: learn.microsoft.com/linkedin,
 * "Error Handling".</li>
 * <li>{@code GET /rest/organizationAcls?q=roleAssignee} and {@code POST /rest/posts} (201, the URN
 * in {@code x-restli-id}) with {@code LinkedIn-Version} and {@code X-Restli-Protocol-Version: 2.0.0}
 * headers: learn.microsoft.com/linkedin, Community Management API. The version {@code 202511} is
 * <em>inferred</em> (LinkedIn retires versions after about a year: an operator keeps it current by
 * shipping a document of their own).</li>
 * </ul>
 */
package dev.elements.declarative;
