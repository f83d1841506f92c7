package dev.elements.http;

import static dev.elements.http.ApiServer.BASE;
import static dev.elements.http.ApiServer.INSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elements.core.element.ElementKey;
import dev.elements.core.event.DataDeletion;
import dev.elements.core.event.DeliveryState;
import dev.elements.core.event.EventId;
import dev.elements.core.event.OutboxEvent;
import dev.elements.core.event.WebhookRequest;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.testing.LogCapture;
import dev.elements.testing.TestResponse;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /events/{key}} (what providers send, without Authorization) and an application's view of
 * its instances' events, over real HTTP; the use cases are {@link RecordingEvents}.
 */
class EventRoutesTest {
    private static final String EVENTS = BASE + "/events/scripted";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final ApiServer server = ApiServer.start();
    private long id;
    private String token;

    @BeforeEach
    void provision() {
        JsonNode instance = server.provision(server.auth(), "Events", List.of());
        id = instance.path("id").asLong();
        token = instance.path("token").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- What providers send --------------------------------------------------------------------

    @Test
    void theHandshakeAnswersTheBareChallengeAsTextOr403() {
        TestResponse right = server.get(EVENTS + "?hub.mode=subscribe&hub.verify_token="
                + RecordingEvents.VERIFY_TOKEN + "&hub.challenge=1158201444", null);
        TestResponse wrong = server.get(EVENTS + "?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1", null);
        TestResponse missing = server.get(EVENTS + "?hub.mode=subscribe&hub.challenge=1", null);

        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("1158201444");
        assertThat(right.header("Content-Type")).startsWith("text/plain");
        assertThat(server.events.handshakes.get(0).queryParameter("hub.mode")).isEqualTo("subscribe");
        for (TestResponse refused : List.of(wrong, missing)) {
            assertThat(refused.status()).isEqualTo(403);
            ApiServer.assertJsonContentType(refused);
            assertThat(refused.json().path("requestId").asText()).isEqualTo(refused.requestId());
            assertThat(refused.message()).isNotBlank();
        }
    }

    @Test
    void anUnknownOrImpossibleElementIs404() {
        assertThat(server.get(BASE + "/events/nosuchelement?hub.verify_token=x", null).status()).isEqualTo(404);
        assertThat(server.get(BASE + "/events/Not.A.Key", null).status()).isEqualTo(404);
        assertThat(server.post(BASE + "/events/Not.A.Key", null, "application/json", "{}").status())
                .isEqualTo(404);
        assertThat(server.events.calls()).isZero();
    }

    @Test
    void aDeliveryReachesTheUseCaseByteForByteWithLowerCaseHeadersAndTheQuery() {
        String body = "{\"object\" :\t\"page\",\r\n  \"entry\": [ {\"id\": \"Ünïcødé ✓ 😀\u00a0\"}  ]}\n\n  ";
        HttpRequest request = server.as(null).request(EVENTS + "?source=fb&source=again&x=%C3%A9")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=ABCdef")
                .header("X-Custom-Thing", "Kept As Sent")
                .build();

        TestResponse answer = server.send(request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(1);
        WebhookRequest received = server.events.deliveries.get(0);
        assertThat(received.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(received.headers()).containsEntry("x-hub-signature-256", "sha256=ABCdef")
                .containsEntry("x-custom-thing", "Kept As Sent")
                .containsEntry("content-type", "application/json");
        assertThat(received.headers().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
        assertThat(received.query()).containsEntry("source", List.of("fb", "again")).containsEntry("x", List.of("é"));
    }

    @Test
    void aBodyOfAnyTypeIsTakenAsItCame() {
        server.events.accepted = 3;
        HttpRequest request = server.as(null).request(EVENTS)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, (byte) 0xff, '{', '\n'}))
                .header("Content-Type", "application/octet-stream")
                .header("X-Hub-Signature-256", "sha256=x")
                .build();

        TestResponse answer = server.send(request);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(server.events.deliveries.get(0).body()).containsExactly(0, (byte) 0xff, '{', '\n');
    }

    @Test
    void anUnsignedDeliveryIs401() {
        TestResponse answer = server.post(EVENTS, null, "application/json", "{\"object\": \"page\"}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("requestId").asText()).isEqualTo(answer.requestId());
    }

    @Test
    void aDeliveryOverTheBodyLimitIs413AndNeverReachesTheUseCase() {
        byte[] body = new byte[(int) HttpApiSettings.DEFAULT_MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpRequest request = server.as(null).request(EVENTS)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=x")
                .build();

        TestResponse answer = server.send(request);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(server.events.deliveries).isEmpty();
    }

    @Test
    void deauthorizeTakesTheSignedRequestOfTheForm() {
        TestResponse answer = server.as(null).postForm(EVENTS + "/deauthorize",
                Map.of("signed_request", "sig-part.payload-part=="));
        TestResponse forged = server.as(null).postForm(EVENTS + "/deauthorize",
                Map.of("signed_request", RecordingEvents.FORGED));
        TestResponse missing = server.as(null).postForm(EVENTS + "/deauthorize", Map.of("other", "x"));
        TestResponse empty = server.post(EVENTS + "/deauthorize", null, FORM, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("deauthorized").asInt()).isEqualTo(1);
        assertThat(server.events.notices).containsExactly("sig-part.payload-part==", RecordingEvents.FORGED);
        assertThat(forged.status()).isEqualTo(401);
        for (TestResponse refused : List.of(missing, empty)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.message()).contains("signed_request");
        }
    }

    @Test
    void dataDeletionAnswersTheStatusUrlAndCodeThatThePageServes() {
        TestResponse answer = server.as(null).postForm(EVENTS + "/data-deletion", Map.of("signed_request", "a.b"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String code = answer.json().path("confirmation_code").asText();
        assertThat(code).matches("[0-9a-f]{32}");
        String url = answer.json().path("url").asText();
        assertThat(url).isEqualTo("http://127.0.0.1:" + server.port + EVENTS + "/data-deletion/" + code);
        assertThat(server.as(null).postForm(EVENTS + "/data-deletion", Map.of()).status()).isEqualTo(400);
        assertThat(server.as(null).postForm(EVENTS + "/data-deletion", Map.of("signed_request",
                RecordingEvents.FORGED)).status()).isEqualTo(401);

        TestResponse page = server.get(url.substring(url.indexOf(BASE)), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"en\">", "<title>", "<h1>", code, "2026-01-02T03:04:05",
                "<dd>2</dd>", "<dd>7</dd>");
        assertThat(page.body()).as("nothing is loaded from anywhere")
                .doesNotContain("http:", "https:", "src=", "href=", "<script", "<link", "@import", "url(");

        HttpRequest asJson = server.as(null).request(url.substring(url.indexOf(BASE)))
                .header("Accept", "application/json").GET().build();
        TestResponse json = server.send(asJson);

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("confirmationCode").asText()).isEqualTo(code);
        assertThat(json.json().path("requestedDate").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.json().path("instancesCleared").asInt()).isEqualTo(2);
        assertThat(json.json().path("eventsDeleted").asInt()).isEqualTo(7);
    }

    @Test
    void anUnknownConfirmationCodeIs404() {
        TestResponse answer = server.get(EVENTS + "/data-deletion/" + EventId.random(), null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("requestId").asText()).isEqualTo(answer.requestId());
    }

    @Test
    void theStatusPageEscapesWhatItShows() {
        String hostile = "<script>alert('x')</script>&\"";
        String html = DataDeletionPage.html(new DataDeletion(hostile, ElementKey.of("scripted"),
                Instant.parse("2026-01-02T03:04:05Z"), 1, 0));

        assertThat(html).doesNotContain("<script>", "alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
    }

    @Test
    void otherVerbsOnEventPathsAre405AndNoHubCall() {
        int hubCalls = server.provider.hubCalls();
        TestResponse put = server.send("PUT", EVENTS, ApiServer.withToken(server.auth(), token), "{}");
        TestResponse below = server.get(BASE + "/events", "Element " + token);

        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).contains("GET", "POST");
        assertThat(below.status()).isEqualTo(404);
        assertThat(server.provider.hubCalls()).isEqualTo(hubCalls);
    }

    @Test
    void noWebhookBodySignedRequestOrVerifyTokenIsLogged() {
        String inBody = "bodycanary-" + EventId.random();
        String inNotice = "noticecanary-" + EventId.random();
        String inQuery = "tokencanary-" + EventId.random();
        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            server.get(EVENTS + "?hub.mode=subscribe&hub.verify_token=" + inQuery + "&hub.challenge=1", null);
            server.post(EVENTS, null, "application/json", "{\"entry\": \"" + inBody + "\"}");
            server.as(null).postForm(EVENTS + "/deauthorize", Map.of("signed_request", inNotice));
            server.as(null).postForm(EVENTS + "/data-deletion", Map.of("signed_request", inNotice));
            lines = capture.lines();
        }

        assertThat(lines).as("the capture works").anyMatch(line -> line.contains("/events/scripted"));
        assertThat(lines).noneMatch(line -> line.contains(inBody) || line.contains(inNotice)
                || line.contains(inQuery));
    }

    // ---- An application's view ------------------------------------------------------------------

    private OutboxEvent store(DeliveryState state) {
        OutboxEvent event = RecordingEvents.event(new OrganizationId(1), new InstanceId(id), EventId.random(), state);
        server.events.stored.add(event);
        return event;
    }

    @Test
    void theInstancesEventsWithTheirDeliveryState() {
        OutboxEvent parked = store(DeliveryState.PARKED);
        OutboxEvent delivered = store(DeliveryState.DELIVERED);

        TestResponse listed = server.get(INSTANCES + "/" + id + "/events", server.auth());

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(server.events.limits).containsExactly(EventRoutes.DEFAULT_LIMIT);
        assertThat(listed.json()).hasSize(2);
        JsonNode first = listed.json().get(0);
        assertThat(first.path("id").asText()).isEqualTo(parked.id().value());
        assertThat(first.path("instanceId").asLong()).isEqualTo(id);
        assertThat(first.path("elementKey").asText()).isEqualTo("scripted");
        assertThat(first.path("createdDate").asText()).isEqualTo("2026-03-04T05:06:07.891Z");
        assertThat(first.path("state").asText()).isEqualTo("PARKED");
        assertThat(first.path("attempts").asInt()).isEqualTo(9);
        assertThat(first.path("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(first.path("callbackUrl").asText()).isEqualTo("https://app.example/events");
        assertThat(first.has("nextAttemptDate")).isFalse();
        assertThat(first.has("deliveredDate")).isFalse();
        assertThat(first.has("signature")).isFalse();
        assertThat(first.path("notification").path("message").path("raw").path("é").asText()).isEqualTo("ü");
        JsonNode second = listed.json().get(1);
        assertThat(second.path("id").asText()).isEqualTo(delivered.id().value());
        assertThat(second.path("deliveredDate").asText()).isEqualTo("2026-03-04T05:06:08.891Z");
        assertThat(second.has("lastError")).isFalse();
    }

    @Test
    void theLimitIsPassedOnAndMustBeANumber() {
        assertThat(server.get(INSTANCES + "/" + id + "/events?limit=7", server.auth()).status()).isEqualTo(200);
        TestResponse bad = server.get(INSTANCES + "/" + id + "/events?limit=seven", server.auth());

        assertThat(server.events.limits).containsExactly(7);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).contains("limit");
    }

    @Test
    void theElementTokenNamesTheInstanceToo() {
        store(DeliveryState.PENDING);

        TestResponse byToken = server.get(INSTANCES + "/events", ApiServer.withToken(server.auth(), token));
        TestResponse withoutToken = server.get(INSTANCES + "/events", server.auth());

        assertThat(byToken.status()).as(byToken.body()).isEqualTo(200);
        assertThat(byToken.json()).hasSize(1);
        assertThat(byToken.json().get(0).path("state").asText()).isEqualTo("PENDING");
        assertThat(byToken.json().get(0).path("nextAttemptDate").asText()).isEqualTo("2026-03-04T05:06:07.891Z");
        assertThat(server.events.listed).containsExactly(new InstanceId(id));
        assertThat(withoutToken.status()).isEqualTo(401);
    }

    @Test
    void redeliveringAParkedEventAndRefusals() {
        OutboxEvent parked = store(DeliveryState.PARKED);
        OutboxEvent delivered = store(DeliveryState.DELIVERED);
        String events = INSTANCES + "/" + id + "/events/";

        TestResponse again = server.send("POST", events + parked.id() + "/redeliver", server.auth(), null);
        TestResponse notParked = server.send("POST", events + delivered.id() + "/redeliver", server.auth(), null);
        TestResponse unknown = server.send("POST", events + EventId.random() + "/redeliver", server.auth(), null);
        TestResponse noEventId = server.send("POST", events + "not-an-event/redeliver", server.auth(), null);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(parked.id().value());
        assertThat(again.json().path("state").asText()).isEqualTo("PENDING");
        assertThat(notParked.status()).isEqualTo(409);
        assertThat(notParked.json().path("requestId").asText()).isEqualTo(notParked.requestId());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noEventId.status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationOrNoCallerNeverReachesTheEvents() {
        OutboxEvent parked = store(DeliveryState.PARKED);
        String other = server.otherOrganization();

        TestResponse list = server.get(INSTANCES + "/" + id + "/events", other);
        TestResponse redeliver = server.send("POST", INSTANCES + "/" + id + "/events/" + parked.id() + "/redeliver",
                other, null);
        TestResponse anonymous = server.get(INSTANCES + "/" + id + "/events", null);
        TestResponse wrong = server.get(INSTANCES + "/" + id + "/events", "User wrong, Organization wrong");
        TestResponse noSuchInstance = server.get(INSTANCES + "/424242/events", server.auth());

        assertThat(list.status()).isEqualTo(404);
        assertThat(redeliver.status()).isEqualTo(404);
        assertThat(noSuchInstance.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(server.events.listed).as("the use case was never asked").isEmpty();
    }
}
