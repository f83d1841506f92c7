package dev.elements.bench.micro;

import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.ResourceMatcher;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.core.spi.ElementContext;
import dev.elements.facebook.FacebookElementProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Facebook element's work on a hub call of {@code GET /hubs/social/user/me}: building the Graph
 * request for {@code /me} with its {@code appsecret_proof} (HMAC-SHA256 of the user token, keyed by
 * the app secret) and reading the answer. The call is matched to its resource beforehand, as the
 * platform matches it, and the provider's HTTP answers a canned {@code 200} at once, so no network
 * is measured: what remains is the plugin's own cost per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class GraphRequestBuilding {
    private static final byte[] ME = "{\"id\":\"1\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    /** The provider, the call as the platform hands it over, and an HTTP that keeps the request it was sent. */
    @State(Scope.Benchmark)
    public static class UserMeCall {
        final FacebookElementProvider provider = new FacebookElementProvider();
        ProviderHttpRequest sent;
        HubCall call;
        ElementContext context;

        @Setup(Level.Trial)
        public void build() {
            Map<String, String> values = new HashMap<>(provider.definition().defaults());
            values.put("oauth.api.key", "1234567890");
            values.put("oauth.api.secret", "bench-app-secret");
            values.put("oauth.callback.url", "https://app.example/callback");
            ResourceMatcher.Match match = ResourceMatcher.match(provider.definition().resources(), "GET", "user/me");
            call = new HubCall(match.resource(), match.pathParameters(), Map.of(), null, null,
                    new TokenSet("bench-user-token", null, null, List.of("public_profile"), "1"),
                    Configuration.of(values), null, true, null);
            context = ElementContext.of(request -> {
                sent = request;
                return new ProviderHttpResponse(200, Map.of("Content-Type", List.of("application/json")), ME);
            }, Clock.systemUTC(), Duration.ofSeconds(10));
            provider.callHub(call, context);
            if (sent == null || !sent.uri().getRawQuery().contains("appsecret_proof=")) {
                // Measuring a request without its proof would flatter the figure.
                throw new IllegalStateException("The Graph request carries no appsecret_proof");
            }
        }
    }

    @Benchmark
    public HubResult buildUserMe(UserMeCall me) {
        return me.provider.callHub(me.call, me.context);
    }
}
