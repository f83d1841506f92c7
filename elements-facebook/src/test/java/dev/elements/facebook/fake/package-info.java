/**
 * A faithful fake of Facebook Login and the Graph API, and the conformance kit for social elements.
 *
 * <p>Start with {@link dev.elements.facebook.fake.FakeFacebook#start()}, register an app, create users and content,
 * and point the element at {@code authorizationUrl()}, {@code tokenUrl()} and {@code graphUrl()}. Everything runs
 * over real HTTP on 127.0.0.1 with the JDK's HttpServer and Jackson; nothing reaches the internet. Webhooks go the
 * other way through {@link dev.elements.facebook.fake.FakeWebhooks}.
 *
 * <h2>Facebook's documented behaviour the fake keeps</h2>
 * Comma-separated scopes; {@code ?code=…&state=…#_=_} and the four denial parameters; codes starting {@code AQ},
 * single use (100/36009), bound to the exact redirect URI (100/36008); token answers without {@code refresh_token};
 * {@code fb_exchange_token} for about 60 days; {@code debug_token} wrapped in {@code data}; 190 with subcodes 458
 * (app removed) and 463 (expired); {@code appsecret_proof} as hex HMAC-SHA256 of the token; cursor paging where only
 * a missing {@code next} means the end; {@code X-App-Usage} and {@code X-Business-Use-Case-Usage} as percentages;
 * {@code X-Hub-Signature-256} over the raw body.
 *
 * <h2>Inferred, not documented: check these against Facebook before relying on them in production code</h2>
 * <ul>
 *   <li>Codes expire ten minutes after issue (36007). A redirect mismatch does not use up the code; a code of
 *       another app is "Invalid verification code format." (100).</li>
 *   <li>A missing {@code redirect_uri} is code 191, a missing {@code code} code 100; {@code grant_type} is optional
 *       for the code grant; any grant other than code, {@code fb_exchange_token} and {@code client_credentials} (so
 *       also {@code refresh_token}) is code 100.</li>
 *   <li>Each long-lived exchange returns a new token string and the old token keeps working.</li>
 *   <li>HTTP statuses: 400 for most errors, 403 for rate limits (4, 17, 32, 613, 80001) and permission errors (10,
 *       200), 500 and 503 for codes 1 and 2. Clients must branch on {@code error.code}, never on the status.</li>
 *   <li>Token endpoint errors carry no {@code is_transient}; Graph errors do. A call without a token is code 2500.</li>
 *   <li>The app budget defaults to 200 calls per rolling hour for each user holding a token for the app; refused
 *       calls do not count. A page budget (default 4800 per hour) over its limit gives 80001.</li>
 *   <li>{@code email} appears only for the token's own user with the {@code email} permission. Posts default to
 *       {@code created_time,message,id} ({@code from} must be asked for); comments default to
 *       {@code created_time,from,message,id}; videos to {@code title,updated_time,id}.</li>
 *   <li>{@code /me/friends} lists all friends (Facebook lists only friends who use the app) with
 *       {@code summary.total_count}. {@code limit} is capped at 100. A cursor the fake did not make is code 100.</li>
 *   <li>Feeds and posts take Graph's time-based {@code since} and {@code until} (Unix seconds or an ISO-8601
 *       date-time; both ends included, to the second of {@code created_time}); they stay in the paging links.</li>
 *   <li>Paging links carry {@code access_token} but not {@code appsecret_proof}: a client of an app that requires
 *       the proof must add it when following {@code next}, as restfb does.</li>
 *   <li>The timed proof ({@code appsecret_time}) is checked for its HMAC only, not for the age of the time.</li>
 *   <li>Page tokens never expire; an app gets one per page until the admin removes the app.</li>
 *   <li>The dialog shows an "Invalid Scopes" page (400) for removed permissions such as {@code publish_actions}, and
 *       serves only {@code response_type=code}.</li>
 *   <li>{@code debug_token} accepts only an app token as caller (Facebook also accepts app developers' user
 *       tokens).</li>
 *   <li>Webhook bodies escape non-ASCII characters and slashes as PHP's {@code json_encode} does.</li>
 *   <li>The fake has no batch requests ({@code POST /} with {@code batch=}).</li>
 * </ul>
 */
package dev.elements.facebook.fake;
