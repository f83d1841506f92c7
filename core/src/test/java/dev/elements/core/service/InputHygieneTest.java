package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.AddUserCommand;
import dev.elements.core.port.in.CreateOrganizationCommand;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ListInstancesQuery;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.in.UpdateInstanceCommand;
import dev.elements.core.port.in.UpdateUserCommand;
import dev.elements.core.testing.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Names, tags and user fields are bounded and free of control characters before anything else happens. */
class InputHygieneTest {
    /** NUL (which PostgreSQL refuses), other controls, and the text-direction overrides and isolates. */
    static final List<String> CONTROLS = List.of("\u0000", "\u0007", "\n", "\u007f", "\u0085", "\u202a", "\u202e",
            "\u2066", "\u2069", "\ud800");

    private final Platform platform = new Platform();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "input-hygiene-test");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private static PlatformException refusal(ThrowingCallable call) {
        return catchThrowableOfType(call, PlatformException.class);
    }

    private ProvisionInstanceCommand provisioning(String name, List<String> tags) {
        return new ProvisionInstanceCommand(platform.principal, "scripted", platform.code(), Platform.configuration(),
                tags, name, null);
    }

    @Test
    void aMebibyteNameOrTagOfHostileMarkupIsRefusedPromptlyWithoutAskingTheProvider() throws Exception {
        String hostile = "<".repeat(1 << 20);
        Future<PlatformException> name = worker.submit(() -> refusal(() ->
                platform.elements.provisioning().provision(provisioning(hostile, List.of()))));
        Future<PlatformException> tag = worker.submit(() -> refusal(() ->
                platform.elements.provisioning().provision(provisioning("ok", List.of(hostile)))));

        // Generous deadlines, not measurements: the refusal must not depend on work over the whole value.
        assertThat(name.get(5, TimeUnit.SECONDS)).satisfies(refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(refused.getMessage()).isEqualTo("name is longer than 1000 characters");
        });
        assertThat(tag.get(5, TimeUnit.SECONDS)).satisfies(refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(refused.getMessage()).isEqualTo("tags: a value is longer than 400 characters");
        });
        assertThat(platform.provider.exchanges()).isZero();
    }

    @Test
    void markupWithinTheLimitsIsStillStripped() throws Exception {
        String name = "<b>" + "<".repeat(980) + "</b>My page";
        Future<InstanceDescription> created = worker.submit(() -> platform.elements.provisioning()
                .provision(provisioning(name, List.of("<i>blue</i>", "<script>x</script>green"))));

        InstanceDescription instance = created.get(5, TimeUnit.SECONDS);
        assertThat(instance.name()).isEqualTo("My page");
        assertThat(instance.tags()).containsExactly("blue", "green");
    }

    @Test
    void controlCharactersInANameOrTagAreRefusedNamingTheFieldBeforeTheProviderIsAsked() {
        InstanceDescription existing = platform.provision("fine", List.of("fine"));
        int exchanges = platform.provider.exchanges();
        for (String control : CONTROLS) {
            String text = "My" + control + "page";
            List<ThrowingCallable> calls = List.of(
                    () -> platform.elements.provisioning().provision(provisioning(text, List.of())),
                    () -> platform.elements.provisioning().provision(provisioning("ok", List.of("a", text))),
                    () -> platform.elements.instances().update(platform.principal, existing.id(),
                            new UpdateInstanceCommand(false, text, null, null, platform.code(), null)),
                    () -> platform.elements.instances().update(platform.principal, existing.id(),
                            new UpdateInstanceCommand(true, null, List.of(text), null, platform.code(), null)));
            List<String> messages = new ArrayList<>();
            for (ThrowingCallable call : calls) {
                PlatformException refused = refusal(call);
                assertThat(refused.code()).as(escaped(control)).isEqualTo(ErrorCode.INVALID_FIELD);
                messages.add(refused.getMessage());
            }
            assertThat(messages).as(escaped(control)).containsExactly(
                    "name contains a control or text-direction character",
                    "tags: a value contains a control or text-direction character",
                    "name contains a control or text-direction character",
                    "tags: a value contains a control or text-direction character");
        }
        assertThat(platform.provider.exchanges()).isEqualTo(exchanges);
        assertThat(platform.stored(existing).name()).isEqualTo("fine");
    }

    @Test
    void controlCharactersInUserAndOrganizationFieldsAreRefusedNamingTheField() {
        for (String control : CONTROLS) {
            assertThat(refusal(() -> new AddUserCommand("ada" + control + "@example.com", null, null, null))
                    .getMessage()).as(escaped(control)).contains("emailAddress contains a control");
            assertThat(refusal(() -> new AddUserCommand("ada@example.com", "Ada" + control, null, null))
                    .getMessage()).isEqualTo("firstName contains a control or text-direction character");
            assertThat(refusal(() -> new AddUserCommand("ada@example.com", null, control + "Lovelace", null))
                    .getMessage()).isEqualTo("lastName contains a control or text-direction character");
            assertThat(refusal(() -> new UpdateUserCommand(null, "Ada" + control, null, null)).getMessage())
                    .isEqualTo("firstName contains a control or text-direction character");
            assertThat(refusal(() -> new UpdateUserCommand(null, null, "Love" + control + "lace", null)).getMessage())
                    .isEqualTo("lastName contains a control or text-direction character");
            assertThat(refusal(() -> new CreateOrganizationCommand("Acme" + control, "ada@example.com")).getMessage())
                    .isEqualTo("name contains a control or text-direction character");
        }
        assertThat(refusal(() -> new AddUserCommand("ada@example.com", "A".repeat(256), null, null)).getMessage())
                .isEqualTo("firstName is longer than 255 characters");
    }

    @Test
    void ordinaryTextOfEveryScriptStillPasses() {
        InstanceDescription created = platform.elements.provisioning().provision(provisioning(
                "Zoë's Seite – 東京 😀 مرحبا", List.of("café", "\u200dwith joiner")));

        assertThat(created.name()).isEqualTo("Zoë's Seite – 東京 😀 مرحبا");
        assertThat(created.tags()).containsExactly("café", "\u200dwith joiner");
        assertThat(platform.elements.tenants().addUser(platform.principal,
                new AddUserCommand("zoë@example.com", "Zoë", "Ørsted-東", null)).user().firstName()).isEqualTo("Zoë");
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }

    @Test
    void controlCharactersInATagFilterOrAnIdempotencyKeyAreRefusedToo() {
        assertThat(refusal(() -> new ListInstancesQuery(List.of("blue\u0000"), null, null, null, 1, 10)).getMessage())
                .isEqualTo("tags[]: a value contains a control or text-direction character");
        assertThat(refusal(() -> new ProvisionInstanceCommand(platform.principal, "scripted", "code",
                Platform.configuration(), List.of(), "ok", "key\u0000")).getMessage())
                .isEqualTo("Idempotency-Key contains a control or text-direction character");
    }
}
