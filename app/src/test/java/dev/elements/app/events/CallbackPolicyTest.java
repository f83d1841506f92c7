package dev.elements.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsApi;
import dev.elements.facebook.fake.FakeUser;
import dev.elements.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An operator who forbids private callbacks: an instance may not aim its notifications at loopback. */
class CallbackPolicyTest {
    @RegisterExtension
    final EventsServer events = new EventsServer().with(Map.of("ELEMENTS_EVENTS_ALLOW_PRIVATE_CALLBACKS", "false"));

    @Test
    void aLoopbackCallbackIsRefusedWhenTheOperatorForbidsPrivateOnes() {
        events.start();
        FakeUser ada = events.facebook.createUser("Ada Lovelace");
        events.facebook.loginAs(ada);
        String code = ElementsApi.facebookCode(events.api(), events.app, EventsServer.OAUTH_CALLBACK);

        TestResponse refused = events.api().postJson("/instances", ElementsApi.json(Map.of(
                "element", Map.of("key", "facebooksocial"), "providerData", Map.of("code", code),
                "configuration", Map.of("oauth.api.key", events.app.id(), "oauth.api.secret", events.app.secret(),
                        "oauth.callback.url", EventsServer.OAUTH_CALLBACK, "event.notification.enabled", "true",
                        "event.notification.callback.url", events.receiver.url("/hooks/ada")),
                "name", "aimed at loopback")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.message()).contains("event.notification.callback.url");
        assertThat(events.api().get("/instances").json()).isEmpty();
        assertThat(events.receiver.received()).isEmpty();
    }
}
