/**
 * A faithful fake of X (Twitter) API v2 and its OAuth 2.0 Authorization Code Flow with PKCE, on the generic
 * {@link dev.elements.core.fake.oauth2.FakeOAuth2Provider} from core's test-jar.
 *
 * <p>Start with {@link dev.elements.twitter.fake.FakeX#start()}, register an app, create users and posts, and point
 * the element at {@code authorizationUrl()}, {@code tokenUrl()} and {@code apiBaseUrl()}. Everything runs over real
 * HTTP on 127.0.0.1 with the JDK only; nothing reaches the internet.
 *
 * <h2>X's documented behaviour the fake keeps, with where it was found</h2>
 * <ul>
 *   <li>Authorization at {@code https://twitter.com/i/oauth2/authorize} (served as {@code /i/oauth2/authorize}) with
 *       {@code response_type=code}, {@code client_id}, {@code redirect_uri}, {@code scope} (space-separated, e.g.
 *       {@code tweet.read users.read offline.access}), {@code state}, {@code code_challenge} and
 *       {@code code_challenge_method}: https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token.md,
 *       https://github.com/googleworkspace/apps-script-oauth2/pull/366.diff,
 *       https://docs.rs/crate/oauth2-twitter/latest/source/src/lib.rs.</li>
 *   <li>Token endpoint {@code POST https://api.x.com/2/oauth2/token} (served as {@code /2/oauth2/token}), form
 *       encoded, with {@code grant_type=refresh_token} for renewal:
 *       https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code.</li>
 *   <li>Confidential clients authenticate at the token endpoint with HTTP Basic of client id and secret; public clients
 *       send {@code client_id} only: https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token.md.</li>
 *   <li>Access tokens stay valid two hours; a refresh token is issued only with scope {@code offline.access}:
 *       https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code. A refresh answers
 *       {@code refresh_token}, {@code access_token}, {@code scope}, {@code expires_in: 7200} and
 *       {@code token_type: bearer}: https://avyl.ru/1c/OpenIntegrations/blame/commit/88513b8f0f100ae6c384cb2076edf672d34b7e96/docs/en/md/Twitter/Data-and-settings/Refresh-token.md;
 *       a refresh gives "a fresh, new couple of access+refresh tokens":
 *       https://socket.dev/npm/package/@twitter-api-v2/plugin-token-refresher.</li>
 *   <li>Paging: {@code max_results}, {@code next_token} in {@code meta}, passed back as {@code pagination_token};
 *       no {@code next_token} means the last page: https://docs.x.com/x-api/fundamentals/pagination.md. {@code meta}
 *       holds {@code result_count} and may hold {@code newest_id}, {@code oldest_id}, {@code next_token}:
 *       https://docs.rs/crate/twapi-v2/latest/source/maker/responses/meta.yaml. For a user's posts
 *       {@code max_results} is 5 to 100, 10 by default:
 *       https://pub.dev/documentation/twitter_api_v2/latest/twitter_api_v2/TweetsService/lookupTweets.html.</li>
 *   <li>Rate limits per endpoint in 15-minute windows, per user for user tokens; every answer carries
 *       {@code x-rate-limit-limit}, {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} (a Unix time);
 *       past the limit, 429 Too Many Requests: https://docs.x.com/fundamentals/rate-limits. Likes: 50 calls per 15
 *       minutes per user: https://developer.x.com/en/docs/x-api/tweets/likes/api-reference/post-users-id-likes; a
 *       user's posts: 900 per 15 minutes: https://rdrr.io/cran/rtweet/src/R/user_tweets.R.</li>
 *   <li>{@code POST /2/tweets} takes JSON with {@code text} and answers {@code {"data":{"id","text"}}}:
 *       https://docs.x.com/x-api/posts/creation-of-a-post. {@code DELETE /2/tweets/:id} answers
 *       {@code {"data":{"deleted":true}}}: https://raw.githubusercontent.com/api-evangelist/twitter/refs/heads/main/json-schema/x-api-tweet-delete-response-schema.json.</li>
 *   <li>{@code POST /2/users/:id/likes} takes {@code {"tweet_id"}} and answers {@code {"data":{"liked":true}}};
 *       {@code DELETE /2/users/:id/likes/:tweet_id} answers {@code {"data":{"liked":false}}} and succeeds with no
 *       action when the post is not liked; {@code :id} must be the authenticated user; scopes {@code tweet.read
 *       users.read like.write}: https://docs.x.com/x-api/posts/likes/quickstart/manage-likes,
 *       https://developer.x.com/en/docs/x-api/tweets/likes/api-reference/delete-users-id-likes-tweet_id.</li>
 *   <li>Ids are strings matching {@code ^[0-9]{1,19}$}: https://docs.x.com/es/x-api/users/like-post.</li>
 *   <li>Errors are RFC 7807 problem details; {@code type}, {@code title} and {@code detail} are always present, 400s
 *       carry an {@code errors} array with {@code parameters} and {@code message}, and a resource error carries
 *       {@code resource_type}, {@code parameter}, {@code value}:
 *       https://twittercommunity.com/t/questions-about-error-response-structure/151746/1,
 *       https://developer.twitter.com/en/docs/labs/overview/error-codes (also: errors in a 200 answer for what could
 *       not be returned). A bad bearer token is 401
 *       {@code {"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}}:
 *       https://taourl.com/read-3806641.html.</li>
 * </ul>
 *
 * <h2>Inferred, not documented: check these against X before relying on them in production code</h2>
 * <ul>
 *   <li>Refresh tokens are single-use: after a refresh the old one is {@code invalid_grant} (RFC 6749 section 5.2).
 *       X documents neither the rotation rule nor the error code of a spent token; the old access token keeps working
 *       until it expires.</li>
 *   <li>{@code code_challenge_method=plain} is refused: X documents {@code plain} as accepted, the fake insists on S256
 *       on purpose. Client secrets in the form body ({@code client_secret_post}) are refused.</li>
 *   <li>Codes live ten minutes, are single-use (a replay revokes the tokens they gave) and bound to the client and the
 *       redirect URI, as RFC 6749 recommends.</li>
 *   <li>The per-user limits other than likes and a user's posts ({@code /2/users/me} 75, {@code POST /2/tweets} 200,
 *       {@code DELETE /2/tweets/:id} 50, liked posts 75 per 15 minutes) vary by access tier; a window starts with
 *       the user's first call of the endpoint; refused calls leave the remaining count at 0; a 429 has the problem
 *       body {@code "title":"Too Many Requests"}. 401 answers carry no rate-limit headers.</li>
 *   <li>An empty page is {@code {"meta":{"result_count":0}}} without {@code data}. Liked posts are ordered by time of
 *       liking, take {@code max_results} 10 to 100 and have no {@code newest_id}/{@code oldest_id}. A
 *       {@code pagination_token} the fake did not make is a 400; {@code previous_token} is not served.</li>
 *   <li>Posts carry {@code edit_history_tweet_ids} among the default fields; {@code tweet.fields} adds only
 *       {@code author_id} and {@code created_at} (with milliseconds, UTC).</li>
 *   <li>{@code POST /2/tweets} answers 201; a duplicate of the author's own text is 403 "You are not allowed to
 *       create a Tweet with duplicate content."; the text length is not checked.</li>
 *   <li>{@code GET /2/users/:id} and {@code GET /2/tweets/:id} answer {@code {"data":{...}}} with the same fields as
 *       the lists, and 200 with only {@code errors} for an id that does not exist (as the labs error-codes page above
 *       describes partial errors); their limits (900 per 15 minutes per user) are inferred like the others.</li>
 *   <li>Deleting or liking a post that does not exist is 404 with a {@code resource-not-found} problem; reading the
 *       posts of an unknown user is 200 with only {@code errors}; deleting another's post, liking on behalf of
 *       another, or a token without the endpoint's scopes is 403. The exact {@code detail} texts are the fake's.</li>
 *   <li>Unknown routes answer the generic provider's 404.</li>
 * </ul>
 */
package dev.elements.twitter.fake;
