package dev.elements.app.journey;

import static java.util.Objects.requireNonNull;

import dev.elements.app.ElementsApi;
import dev.elements.facebook.fake.FakeApp;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;

/** Provisions facebooksocial instances of one fake app, as an application would: login URL, code, POST. */
public final class Provisioning {
    public static final String CALLBACK = "https://app.example/callback";

    private final FakeApp app;

    public Provisioning(FakeApp app) {
        this.app = requireNonNull(app, "app");
    }

    /** A fresh authorization code from the fake Facebook's login dialog. */
    public String code(TestHttpClient client) {
        return ElementsApi.facebookCode(client, app, CALLBACK);
    }

    public TestResponse provision(TestHttpClient client, String code, String name) {
        return client.postJson("/instances", ElementsApi.facebookInstance(app, CALLBACK, code, name));
    }
}
