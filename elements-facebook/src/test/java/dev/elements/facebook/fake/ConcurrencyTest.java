package dev.elements.facebook.fake;

import static dev.elements.facebook.fake.QueryStrings.params;
import static dev.elements.testing.TestHttpClient.formEncoded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.testing.TestResponse;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends FakeFacebookFixture {

    private static final String CALLBACK = "https://elements.test/callback";

    ConcurrencyTest() {
        super(CALLBACK);
    }

    @Test
    void twoHundredParallelCallsAllSucceedAndAreCountedExactly() {
        String token = facebook.issueUserToken(app, ada);
        facebook.setAppCallBudget(app.id(), 10_000);
        facebook.resetCounters();

        List<CompletableFuture<TestResponse>> calls = new ArrayList<>();
        for (int call = 0; call < 200; call++) {
            HttpRequest request = http.request(facebook.graphUrl() + "/me?access_token=" + token)
                    .timeout(Duration.ofSeconds(30)).build();
            calls.add(http.sendAsync(request));
        }
        List<TestResponse> responses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("id").asText()).isEqualTo(ada.id());
        });
        assertThat(facebook.graphCalls()).isEqualTo(200);
        assertThat(facebook.requests()).hasSize(200);
    }

    @Test
    void aCodeRacedByManyExchangesSucceedsExactlyOnce() {
        String code = facebook.issueCode(app, ada, CALLBACK);
        String body = formEncoded(params("code", code, "redirect_uri", CALLBACK, "client_id", app.id(),
                "client_secret", app.secret()));

        List<CompletableFuture<TestResponse>> calls = new ArrayList<>();
        for (int call = 0; call < 40; call++) {
            HttpRequest request = http.request(facebook.tokenUrl())
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(http.sendAsync(request));
        }
        List<TestResponse> responses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 400).hasSize(39)
                .allSatisfy(response ->
                        assertThat(response.json().at("/error/error_subcode").asInt()).isEqualTo(36009));
        assertThat(facebook.codeExchanges()).isEqualTo(40);
        assertThat(facebook.tokensOf(ada)).hasSize(1);
    }

    @Test
    void parallelWritesAllLand() {
        FakePage page = facebook.addPage(ada, "Busy Page");
        String pageToken = facebook.pageTokenFor(app, page);
        FakePost post = facebook.addPost(page, "Comment here");

        List<CompletableFuture<TestResponse>> calls = new ArrayList<>();
        for (int call = 0; call < 100; call++) {
            HttpRequest request = http.request(facebook.graphUrl() + "/" + post.id() + "/comments")
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formEncoded(params("message", "comment " + call,
                            "access_token", pageToken)))).build();
            calls.add(http.sendAsync(request));
        }
        calls.forEach(CompletableFuture::join);

        assertThat(facebook.commentsOn(post.id())).hasSize(100)
                .extracting(FakeComment::id).doesNotHaveDuplicates();
    }
}
