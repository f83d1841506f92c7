package dev.elements.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.elements.app.ElementsApi;
import dev.elements.testing.TestHttpClient;
import dev.elements.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CEQL on the instance list, with Cloud Elements' operators, and a bad query pointed at. */
class InstancesCeqlCompatTest {
    @RegisterExtension
    final CompatServer server = new CompatServer();
    private final TestHttpClient platform = server.platform();

    @BeforeEach
    void threeInstances() {
        for (String name : List.of("Sales page", "Support page", "Personal")) {
            TestResponse created = server.provisionAsTheSeedDoes(name);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
        }
        assertThat(names("/instances")).hasSize(3);
    }

    private List<String> names(String path) {
        TestResponse listed = platform.get(path);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        listed.json().forEach(instance -> names.add(instance.path("name").asText()));
        return names;
    }

    private List<String> where(String ceql) {
        return names("/instances?where=" + ElementsApi.encode(ceql));
    }

    @Test
    void eachOperatorFiltersAsCloudElementsDocumentsIt() {
        assertThat(where("name = 'Personal'")).containsExactly("Personal");
        assertThat(where("name != 'Personal'")).containsExactlyInAnyOrder("Sales page", "Support page");
        assertThat(where("name like '%page'")).containsExactlyInAnyOrder("Sales page", "Support page");
        assertThat(where("name in ('Personal', 'Sales page')")).containsExactlyInAnyOrder("Personal", "Sales page");
        assertThat(where("(name = 'Personal' or name like 'Su%') and disabled = false"))
                .containsExactlyInAnyOrder("Personal", "Support page");
        assertThat(where("tags = 'compat'")).hasSize(3);
        assertThat(names("/instances?searchText=SUPPORT")).containsExactly("Support page");
    }

    @Test
    void aBadQueryIsA400ThatPointsAtWhereItWentWrong() {
        TestResponse bad = platform.get("/instances?where=" + ElementsApi.encode("name = 'Personal' and"));
        TestResponse unknownField = platform.get("/instances?where=" + ElementsApi.encode("colour = 'red'"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("message").asText()).contains("where").containsPattern("position \\d+");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("message").asText()).contains("colour");
    }
}
