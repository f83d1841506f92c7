package dev.elements.core.spi.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.element.ResourceAnswer;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.fake.oauth2.FakeJson;
import dev.elements.core.fake.oauth2.FakeOAuth2Options;
import dev.elements.core.fake.oauth2.FakeRequest;
import dev.elements.core.fake.oauth2.FakeResponse;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.PageRequest;
import dev.elements.core.json.Json;
import dev.elements.core.json.JsonArray;
import dev.elements.core.json.JsonValue;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.query.Comparison;
import dev.elements.core.query.Condition;
import dev.elements.core.query.Operator;
import dev.elements.core.query.Value;
import dev.elements.core.spi.oauth2.OAuth2Options;
import dev.elements.core.spi.oauth2.OAuth2Protocol;
import dev.elements.core.spi.oauth2.ProviderFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generic hub client against the generic fake provider over real HTTP. */
class HubClientTest {
    private final ProviderFixture fixture = new ProviderFixture(FakeOAuth2Options.defaults());
    private final TokenSet tokens = fixture.tokens(new OAuth2Protocol(OAuth2Options.standard()));

    @AfterEach
    void close() {
        fixture.close();
    }

    private HubResult call(HubClient client, ResourceDefinition resource, Map<String, String> path,
            Map<String, List<String>> query, String body, PageRequest page) {
        return call(client, resource, path, query, null, body, page);
    }

    private HubResult call(HubClient client, ResourceDefinition resource, Map<String, String> path,
            Map<String, List<String>> query, Condition where, String body, PageRequest page) {
        return client.call(new HubCall(resource, path, query, where,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), tokens, fixture.configuration(), page,
                true, null), fixture.context);
    }

    @Test
    void aLaterPagesCursorWinsOverTheParametersAWhereTranslatesTo() {
        fixture.provider.route("GET", "/api/feed", request -> FakeResponse.json(200, FakeJson.object()
                .putObjects("data", List.of()).put("next", "cursor-2")));
        HubClient client = new HubClient(HubProfile.rest(Paging.bodyCursor("limit", "until", "/next"), "/data")
                .withHooks(new HubHooks() {
                    @Override
                    public boolean translateWhere(HubCall call, Map<String, List<String>> query) {
                        query.put("until", List.of("the-where-bound"));
                        return true;
                    }
                }));
        ResourceDefinition feed = new ResourceDefinition("feed", "GET", "/feed", "GET", "Feed", true);
        Condition before = new Comparison("created_time", Operator.LESS, new Value.Text("2024-01-01"));

        call(client, feed, Map.of(), Map.of(), before, null, PageRequest.first(5));
        assertThat(lastRequest().query()).containsEntry("until", "the-where-bound");
        call(client, feed, Map.of(), Map.of(), before, null, new PageRequest(5, "cursor-2"));
        assertThat(lastRequest().query()).as("the second page continues where the first ended")
                .containsEntry("until", "cursor-2");
    }

    @Test
    void aWhereIsRefusedBeforeAnythingIsSentUnlessTheHooksTranslateIt() {
        fixture.provider.route("GET", "/api/things", request -> FakeResponse.json(200,
                FakeJson.object().putObjects("data", List.of())));
        ResourceDefinition things = new ResourceDefinition("things", "GET", "/things", "GET", "Things", false);
        Condition named = new Comparison("name", Operator.EQUAL, new Value.Text("x"));
        int before = fixture.provider.requests().size();

        assertThatThrownBy(() -> call(new HubClient(HubProfile.rest(Paging.none(), "/data")), things, Map.of(),
                Map.of(), named, null, null))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.WHERE_NOT_SUPPORTED);
                    assertThat(refusal.getMessage()).startsWith("GET things cannot be filtered with where");
                });
        assertThat(fixture.provider.requests()).hasSize(before);

        HubClient translating = new HubClient(HubProfile.rest(Paging.none(), "/data").withHooks(new HubHooks() {
            @Override
            public boolean translateWhere(HubCall call, Map<String, List<String>> query) {
                Comparison comparison = (Comparison) call.where();
                query.put(comparison.field(), List.of(((Value.Text) comparison.value()).text()));
                return true;
            }
        }));
        call(translating, things, Map.of(), Map.of(), named, null, null);
        assertThat(lastRequest().query()).containsEntry("name", "x");
    }

    private FakeRequest lastRequest() {
        List<FakeRequest> requests = fixture.provider.requests();
        return requests.get(requests.size() - 1);
    }

    @Test
    void theApplicationCannotSetReservedOrPagingParametersAndFixedOnesWin() {
        fixture.provider.route("GET", "/api/things", request -> FakeResponse.json(200,
                FakeJson.object().putObjects("data", List.of()).put("meta", FakeJson.object())));
        HubClient client = new HubClient(HubProfile.rest(Paging.bodyCursor("limit", "cursor", "/meta/next"), "/data")
                .withReservedParameters(java.util.Set.of("method")));
        ResourceDefinition things = new ResourceDefinition("things", "GET", "/things", "GET", "Things", true)
                .withFixedQuery(Map.of("fields", "id"));

        call(client, things, Map.of(), Map.of("access_token", List.of("stolen"), " LIMIT ", List.of("999"),
                "Method", List.of("delete"), "fields", List.of("everything"), "q", List.of("kept")), null,
                new PageRequest(5, "c1"));

        FakeRequest sent = lastRequest();
        assertThat(sent.query()).containsEntry("limit", "5").containsEntry("cursor", "c1").containsEntry("fields", "id")
                .containsEntry("q", "kept").doesNotContainKeys("access_token", " LIMIT ", "Method");
        assertThat(sent.header("Authorization")).contains("Bearer " + tokens.accessToken());
    }

    @Test
    void aPathValueThatLeavesItsSegmentIsRefusedBeforeAnythingIsSent() {
        HubClient client = new HubClient(HubProfile.rest(Paging.offset("start", "count"), "/elements"));
        ResourceDefinition thing = new ResourceDefinition("things/{id}", "GET", "/things/{id}", "GET", "One", false);
        int before = fixture.provider.requests().size();

        for (String value : List.of("..", "a/b", "a\\b", "x\ny", "")) {
            assertThatThrownBy(() -> call(client, thing, Map.of("id", value), Map.of(), null, null))
                    .isInstanceOfSatisfying(PlatformException.class, refused -> {
                        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                        assertThat(refused.getMessage()).contains("{id}");
                    });
        }
        assertThat(fixture.provider.requests()).hasSize(before);
    }

    @Test
    void aFormBodyCarriesValuesAsTextAndStructuresAsJsonWithoutNullsOrReservedMembers() {
        fixture.provider.route("POST", "/api/things", request -> FakeResponse.json(200, FakeJson.object().put("id", "7")));
        HubClient client = new HubClient(HubProfile.rest(Paging.linkHeader("per_page"), "")
                .withRequestBody(RequestBody.FORM));
        ResourceDefinition create = new ResourceDefinition("things", "POST", "/things", "POST", "Create", false);

        HubResult result = call(client, create, Map.of(), Map.of(),
                "{\"message\":\"hi & bye\",\"count\":3,\"privacy\":{\"value\":\"SELF\"},\"gone\":null,\"access_token\":\"x\"}",
                null);

        assertThat(lastRequest().form()).containsExactlyInAnyOrderEntriesOf(Map.of("message", "hi & bye", "count", "3",
                "privacy", "{\"value\":\"SELF\"}"));
        assertThat(Json.parse(result.body()).path("id").text()).isEqualTo("7");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsTheApplicationsMistake() {
        HubClient client = new HubClient(HubProfile.rest(Paging.offset("start", "count"), ""));
        ResourceDefinition create = new ResourceDefinition("things", "POST", "/things", "POST", "Create", false);

        assertThatThrownBy(() -> call(client, create, Map.of(), Map.of(), "[1,2]", null))
                .isInstanceOfSatisfying(PlatformException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD));
        assertThatThrownBy(() -> call(client, create, Map.of(), Map.of(), "{\"a\":", null))
                .isInstanceOf(PlatformException.class).hasMessageContaining("JSON object");
    }

    @Test
    void refusalsAreClassifiedByStatusWithTheProvidersWordsAndNoToken() {
        fixture.provider.route("GET", "/api/things/{id}", request -> FakeResponse.json(404, FakeJson.object()
                .put("title", "Not Found").put("detail", "No thing " + request.pathValue("id") + " for token "
                        + request.request().header("Authorization").orElse(""))));
        fixture.provider.route("GET", "/api/busy", request -> FakeResponse.json(429,
                FakeJson.object().put("message", "Slow down")).withHeader("Retry-After", "42"));
        HubClient client = new HubClient(HubProfile.rest(Paging.offset("start", "count"), ""));

        assertThatThrownBy(() -> call(client, new ResourceDefinition("things/{id}", "GET", "/things/{id}", "GET", "One",
                false), Map.of("id", "9"), Map.of(), null, null))
                .isInstanceOfSatisfying(ProviderException.class, refused -> {
                    assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.NOT_FOUND);
                    assertThat(refused.error().providerMessage()).startsWith("No thing 9 for token Bearer ")
                            .doesNotContain(tokens.accessToken());
                });
        assertThatThrownBy(() -> call(client, new ResourceDefinition("busy", "GET", "/busy", "GET", "Busy", false),
                Map.of(), Map.of(), null, null))
                .isInstanceOfSatisfying(ProviderException.class, refused -> {
                    assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.RATE_LIMITED);
                    assertThat(refused.error().retryAfter()).isEqualTo(Duration.ofSeconds(42));
                    assertThat(refused.error().providerMessage()).isEqualTo("Slow down");
                });
    }

    @Test
    void aRevokedTokenIsInvalidToken() {
        fixture.provider.route("GET", "/api/me", request -> FakeResponse.json(200, FakeJson.object().put("id", "1")));
        HubClient client = new HubClient(HubProfile.rest(Paging.offset("start", "count"), ""));
        fixture.provider.revokeAll();

        assertThatThrownBy(() -> call(client, new ResourceDefinition("me", "GET", "/me", "GET", "Me", false), Map.of(),
                Map.of(), null, null))
                .isInstanceOfSatisfying(ProviderException.class,
                        refused -> assertThat(refused.errorClass()).isEqualTo(ProviderErrorClass.INVALID_TOKEN));
    }

    @Test
    void linkHeadersPageThroughEveryItemAndNeverKeepTheLinksHostOrCredentials() {
        List<String> all = List.of("a", "b", "c", "d", "e");
        fixture.provider.route("GET", "/api/repos", request -> {
            int page = Integer.parseInt(request.request().query().getOrDefault("page", "1"));
            int size = Integer.parseInt(request.request().query().get("per_page"));
            List<FakeJson> items = new ArrayList<>();
            for (int i = (page - 1) * size; i < Math.min(all.size(), page * size); i++) {
                items.add(FakeJson.object().put("name", all.get(i)));
            }
            FakeResponse answer = FakeResponse.json(200, "[" + String.join(",", items.stream().map(Object::toString)
                    .toList()) + "]");
            return page * size < all.size()
                    ? answer.withHeader("Link", "<https://elsewhere.example/repos?page=" + (page + 1) + "&per_page="
                            + size + "&access_token=leak>; rel=\"next\", <https://elsewhere.example/repos?page=9>; "
                            + "rel=\"last\"")
                    : answer;
        });
        HubClient client = new HubClient(HubProfile.rest(Paging.linkHeader("per_page"), ""));
        ResourceDefinition repos = new ResourceDefinition("repos", "GET", "/repos", "GET", "Repos", true);

        List<String> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(2);
        for (int calls = 0; calls < 5 && page != null; calls++) {
            HubResult result = call(client, repos, Map.of(), Map.of(), null, page);
            ((JsonArray) Json.parse(result.body())).items().forEach(item -> seen.add(item.path("name").text()));
            if (result.nextCursor() != null) {
                assertThat(result.nextCursor()).doesNotContain("elsewhere").doesNotContain("leak");
            }
            page = result.nextCursor() == null ? null : new PageRequest(2, result.nextCursor());
        }
        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(fixture.provider.requests()).allSatisfy(request -> assertThat(request.query())
                .doesNotContainKey("access_token"));
    }

    @Test
    void anOffsetListEndsAtAShortPage() {
        fixture.provider.route("GET", "/api/posts", request -> {
            int start = Integer.parseInt(request.request().query().get("start"));
            int count = Integer.parseInt(request.request().query().get("count"));
            List<FakeJson> items = new ArrayList<>();
            for (int i = start; i < Math.min(7, start + count); i++) {
                items.add(FakeJson.object().put("n", i));
            }
            return FakeResponse.json(200, FakeJson.object().putObjects("elements", items));
        });
        HubClient client = new HubClient(HubProfile.rest(Paging.offset("start", "count"), "/elements"));
        ResourceDefinition posts = new ResourceDefinition("posts", "GET", "/posts", "GET", "Posts", true);

        HubResult first = call(client, posts, Map.of(), Map.of(), null, PageRequest.first(5));
        HubResult second = call(client, posts, Map.of(), Map.of(), null, new PageRequest(5, first.nextCursor()));

        assertThat(first.itemCount()).isEqualTo(5);
        assertThat(first.nextCursor()).isEqualTo("5");
        assertThat(second.itemCount()).isEqualTo(2);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void answersLoseTokenMembersSecretsAndNullsAndAnObjectIsFoundByItsPointer() {
        fixture.provider.route("GET", "/api/me", request -> FakeResponse.json(200, "{\"data\":{\"id\":\"1\","
                + "\"access_token\":\"page-token\",\"note\":\"" + request.request().header("Authorization").orElse("")
                + "\",\"gone\":null,\"list\":[null,1]}}"));
        HubClient client = new HubClient(HubProfile.rest(Paging.offset("start", "count"), ""));
        ResourceDefinition me = new ResourceDefinition("me", "GET", "/me", "GET", "Me", false)
                .withAnswer(new ResourceAnswer(ResourceAnswer.OBJECT, "/data"));

        JsonValue answer = Json.parse(call(client, me, Map.of(), Map.of(), null, null).body());

        assertThat(answer.toJson()).isEqualTo("{\"id\":\"1\",\"note\":\"Bearer ********\",\"list\":[null,1]}");
    }

    @Test
    void anAnswerThatIsNotWhatTheResourceAnswersIsAnOutage() {
        fixture.provider.route("GET", "/api/list", request -> FakeResponse.text(200, "<html>proxy error</html>"));
        HubClient client = new HubClient(HubProfile.rest(Paging.offset("start", "count"), "/data"));

        assertThatThrownBy(() -> call(client, new ResourceDefinition("list", "GET", "/list", "GET", "L", true),
                Map.of(), Map.of(), null, PageRequest.first(5)))
                .isInstanceOfSatisfying(ProviderException.class,
                        failed -> assertThat(failed.errorClass()).isEqualTo(ProviderErrorClass.TRANSIENT));
    }
}
