package dev.elements.facebook;

import static dev.elements.facebook.HubFixture.ids;
import static dev.elements.facebook.HubFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.core.hub.HubResult;
import dev.elements.core.spi.FormEncoding;
import dev.elements.core.port.out.ProviderHttp;
import dev.elements.core.port.out.ProviderHttpRequest;
import dev.elements.core.port.out.ProviderHttpResponse;
import dev.elements.facebook.fake.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graph's cursor paging behind the platform's page requests. */
class FacebookHubPagingTest {
    private HubFixture fixture;
    private final List<String> newestFirst = new ArrayList<>();

    @BeforeEach
    void start() {
        fixture = new HubFixture();
        for (int number = 1; number <= 60; number++) {
            newestFirst.add(0, fixture.facebook.addPost(fixture.ada, "post " + number).id());
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HubResult page(String cursor) {
        return fixture.get("user/" + fixture.ada.id() + "/status").query("fields", "id,message").page(25, cursor)
                .send();
    }

    @Test
    void sixtyPostsComeInThreePagesThroughTheReturnedCursors() {
        HubResult first = page(null);
        RecordedRequest firstSent = fixture.lastGraphCall();
        HubResult second = page(first.nextCursor());
        RecordedRequest secondSent = fixture.lastGraphCall();
        HubResult third = page(second.nextCursor());
        RecordedRequest thirdSent = fixture.lastGraphCall();

        assertThat(List.of(first.itemCount(), second.itemCount(), third.itemCount())).containsExactly(25, 25, 10);
        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.nextCursor()).isNotNull().isNotEqualTo(first.nextCursor());
        assertThat(third.nextCursor()).as("the last page has no next").isNull();
        List<String> all = new ArrayList<>(ids(json(first)));
        all.addAll(ids(json(second)));
        all.addAll(ids(json(third)));
        assertThat(all).containsExactlyElementsOf(newestFirst).doesNotHaveDuplicates();

        assertThat(firstSent.query()).containsEntry("limit", "25").doesNotContainKey("after");
        assertThat(secondSent.query()).containsEntry("limit", "25").containsEntry("after", first.nextCursor())
                .containsEntry("fields", "id,message");
        assertThat(thirdSent.query()).containsEntry("after", second.nextCursor());
        for (HubResult result : List.of(first, second, third)) {
            String body = new String(result.body(), StandardCharsets.UTF_8);
            assertThat(json(result).isArray()).isTrue();
            assertThat(body).doesNotContain("paging").doesNotContain(fixture.token);
        }
    }

    @Test
    void thePageSizeIsThePlatformsNotTheApplications() {
        HubResult page = fixture.get("user/" + fixture.ada.id() + "/status").query("limit", "100")
                .query("after", "forged").page(7, null).send();

        assertThat(page.itemCount()).isEqualTo(7);
        assertThat(fixture.lastGraphCall().query()).containsEntry("limit", "7").doesNotContainKey("after");
        assertThat(ids(json(page))).containsExactlyElementsOf(newestFirst.subList(0, 7));
    }

    @Test
    void aPageThatEndsTheListHasNoCursor() {
        HubResult all = fixture.get("user/" + fixture.ada.id() + "/status").page(60, null).send();

        assertThat(all.itemCount()).isEqualTo(60);
        assertThat(all.nextCursor()).isNull();
    }

    @Test
    void edgesThatPageByTimeContinueFromTheNextUrlsParametersWithoutItsToken() {
        List<ProviderHttpRequest> sent = new ArrayList<>();
        String next = "https://graph.facebook.com/v25.0/1/posts?access_token=" + fixture.token
                + "&limit=25&until=1700000000&__paging_token=enc_Aa%2Bb&appsecret_proof=abc&fields=id";
        String firstPage = "{\"data\":[{\"id\":\"1_2\"}],\"paging\":{\"previous\":\"" + next.replace("until", "since")
                + "\",\"next\":\"" + next + "\"}}";
        String lastPage = "{\"data\":[{\"id\":\"1_1\"}],\"paging\":{\"previous\":\"" + next + "\"}}";
        List<String> answers = new ArrayList<>(List.of(firstPage, lastPage));
        ProviderHttp facebook = request -> {
            sent.add(request);
            return new ProviderHttpResponse(200, Map.of(), answers.remove(0).getBytes(StandardCharsets.UTF_8));
        };

        HubResult first = fixture.get("user/1/status").http(facebook).page(25, null).send();
        HubResult last = fixture.get("user/1/status").http(facebook).page(25, first.nextCursor()).send();

        assertThat(first.nextCursor()).isNotNull().doesNotContain(fixture.token).doesNotContain("appsecret_proof");
        assertThat(last.nextCursor()).isNull();
        Map<String, String> continued = FormEncoding.decode(sent.get(1).uri().getRawQuery());
        assertThat(continued).containsEntry("until", "1700000000").containsEntry("__paging_token", "enc_Aa+b")
                .containsEntry("limit", "25").doesNotContainKey("access_token").doesNotContainKey("after");
        assertThat(sent.get(1).uri().getRawQuery()).doesNotContain(fixture.token);
    }
}
