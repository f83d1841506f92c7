package dev.elements.facebook.fake;

import static java.util.Objects.requireNonNull;

import dev.elements.testing.TestHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the fake's own tests start from: a fresh fake Facebook for each test, the app 1234567890 with
 * the redirect URIs the test names, the user Ada and a client with no base URL (the fake's URLs are
 * absolute). A base class, so the tests read {@code facebook}, {@code app} and {@code ada} as before;
 * JUnit runs this setup before the subclass's own {@code @BeforeEach}.
 */
abstract class FakeFacebookFixture {

    final TestHttpClient http = TestHttpClient.withoutBase();
    FakeFacebook facebook;
    FakeApp app;
    FakeUser ada;

    private final String[] redirectUris;

    FakeFacebookFixture(String... redirectUris) {
        this.redirectUris = requireNonNull(redirectUris, "redirectUris").clone();
    }

    @BeforeEach
    final void startFakeFacebook() {
        facebook = FakeFacebook.start();
        app = facebook.registerApp("1234567890", "s3cr3t", redirectUris);
        ada = facebook.createUser("Ada Lovelace");
    }

    @AfterEach
    final void stopFakeFacebook() {
        facebook.close();
    }
}
