package dev.elements.facebook.fake;

import static dev.elements.facebook.fake.Http.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final String CALLBACK = "https://elements.test/callback";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private FakeFacebook facebook;
    private FakeApp app;
    private FakeUser ada;

    @BeforeEach
    void start() {
        facebook = FakeFacebook.start();
        app = facebook.registerApp("1234567890", "s3cr3t", CALLBACK);
        ada = facebook.createUser("Ada Lovelace");
    }

    @AfterEach
    void stop() {
        facebook.close();
    }

    @Test
    void twoHundredParallelCallsAllSucceedAndAreCountedExactly() {
        String token = facebook.issueUserToken(app, ada);
        facebook.setAppCallBudget(app.id(), 10_000);
        facebook.resetCounters();

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int call = 0; call < 200; call++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(facebook.graphUrl() + "/me?access_token=" + token))
                    .timeout(Duration.ofSeconds(30)).build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Http.json(response).get("id").asText()).isEqualTo(ada.id());
        });
        assertThat(facebook.graphCalls()).isEqualTo(200);
        assertThat(facebook.requests()).hasSize(200);
    }

    @Test
    void aCodeRacedByManyExchangesSucceedsExactlyOnce() {
        String code = facebook.issueCode(app, ada, CALLBACK);
        String body = Http.query(params("code", code, "redirect_uri", CALLBACK, "client_id", app.id(),
                "client_secret", app.secret()));

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int call = 0; call < 40; call++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(facebook.tokenUrl()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(responses).filteredOn(response -> response.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.statusCode() == 400).hasSize(39)
                .allSatisfy(response ->
                        assertThat(Http.json(response).at("/error/error_subcode").asInt()).isEqualTo(36009));
        assertThat(facebook.codeExchanges()).isEqualTo(40);
        assertThat(facebook.tokensOf(ada)).hasSize(1);
    }

    @Test
    void parallelWritesAllLand() {
        FakePage page = facebook.addPage(ada, "Busy Page");
        String pageToken = facebook.pageTokenFor(app, page);
        FakePost post = facebook.addPost(page, "Comment here");

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int call = 0; call < 100; call++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(facebook.graphUrl() + "/" + post.id() + "/comments"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.query(params("message", "comment " + call,
                            "access_token", pageToken)))).build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        calls.forEach(CompletableFuture::join);

        assertThat(facebook.commentsOn(post.id())).hasSize(100)
                .extracting(FakeComment::id).doesNotHaveDuplicates();
    }
}
