package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.port.in.ConfigurationValue;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.InstancePage;
import dev.elements.core.port.in.ListInstancesQuery;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.UpdateInstanceCommand;
import dev.elements.core.tenant.Principal;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InstanceServiceTest {
    private final Platform platform = new Platform();
    private final ManageInstancesUseCase instances = platform.elements.instances();
    private final Principal principal = platform.principal;

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static UpdateInstanceCommand patch(Map<String, String> configuration) {
        return new UpdateInstanceCommand(false, null, null, configuration, null, null);
    }

    @Test
    void listsByTagsInPagesWithTheTotal() {
        InstanceDescription a = platform.provision("a", List.of("blue", "green"));
        InstanceDescription b = platform.provision("b", List.of("blue"));
        platform.provision("c", List.of("red"));

        InstancePage blue = instances.instances(principal, new ListInstancesQuery(List.of("blue"), null, null, null, 1, 1));
        InstancePage second = instances.instances(principal, new ListInstancesQuery(List.of("blue"), "9001", null, null, 2, 1));

        assertThat(blue.total()).isEqualTo(2);
        assertThat(blue.instances()).extracting(InstanceDescription::id).containsExactly(a.id());
        assertThat(second.instances()).extracting(InstanceDescription::id).containsExactly(b.id());
        assertThat(second.instances().get(0).token()).isEmpty();
        assertRefused(() -> instances.instances(principal, new ListInstancesQuery(List.of(), "myspace", null, null, 1, 10)),
                ErrorCode.ELEMENT_NOT_FOUND);
        assertThatThrownBy(() -> new ListInstancesQuery(List.of(), null, null, null, 0, 10)).hasMessageContaining("page");
    }

    @Test
    void patchReplacesTagsAndMergesConfiguration() {
        InstanceDescription created = platform.provision("before", List.of("old", "tags"));

        InstanceDescription patched = instances.update(principal, created.id(), new UpdateInstanceCommand(false,
                "<b>after</b>", List.of("new"), Map.of("filter.response.nulls", "false"), null, null));

        assertThat(patched.name()).isEqualTo("after");
        assertThat(patched.tags()).containsExactly("new");
        assertThat(patched.configuration()).containsEntry("filter.response.nulls", "false")
                .containsEntry("oauth.api.key", "app-1").containsEntry("oauth.api.secret", InstanceDescription.MASK);
        assertThat(platform.secretsOf(created).secretConfiguration()).containsEntry("oauth.api.secret",
                "canary-app-secret");
    }

    @Test
    void putReplacesTheConfigurationItSendsAndAMaskedSecretKeepsItsValue() {
        InstanceDescription created = platform.provision("before", List.of("old"));
        var tokensBefore = platform.secretsOf(created).tokens();
        Map<String, String> readBack = Map.of("oauth.api.key", "app-2", "oauth.api.secret", InstanceDescription.MASK,
                "oauth.callback.url", "https://app.example/cb");

        InstanceDescription replaced = instances.update(principal, created.id(),
                new UpdateInstanceCommand(true, "replaced", null, readBack, null, "scripted"));

        assertThat(replaced.tags()).as("not named, so kept").containsExactly("old");
        assertThat(replaced.configuration()).containsEntry("oauth.api.key", "app-2");
        assertThat(platform.secretsOf(created).secretConfiguration()).containsEntry("oauth.api.secret",
                "canary-app-secret");
        assertThat(platform.secretsOf(created).tokens()).as("no code, no new credentials").isEqualTo(tokensBefore);
        assertThatThrownBy(() -> instances.update(principal, created.id(),
                new UpdateInstanceCommand(true, "x", null, Map.of("oauth.api.key", "k"), null, null)))
                .hasMessage("Missing required configuration: oauth.api.secret, oauth.callback.url");
    }

    /** Cloud Elements' own example of {@code PUT /instances/{id}} sends only {@code {name, tags}}. */
    @Test
    void putWithNameAndTagsKeepsTheConfigurationAndCredentials() {
        InstanceDescription created = platform.provision("before", List.of("old"));
        var secretsBefore = platform.secretsOf(created);

        InstanceDescription renamed = instances.update(principal, created.id(),
                new UpdateInstanceCommand(true, "after", List.of("new"), null, null, null));

        assertThat(renamed.name()).isEqualTo("after");
        assertThat(renamed.tags()).containsExactly("new");
        assertThat(renamed.configuration()).isEqualTo(created.configuration());
        assertThat(platform.secretsOf(created)).isEqualTo(secretsBefore);

        InstanceDescription untouched = instances.update(principal, created.id(),
                new UpdateInstanceCommand(true, null, null, null, null, null));
        assertThat(untouched.name()).isEqualTo("after");
        assertThat(untouched.tags()).containsExactly("new");
    }

    @Test
    void whatAClientReadCanBeSentBackButEndpointsStillCannotChange() {
        InstanceDescription created = platform.provision("x", List.of());
        Map<String, String> asRead = new java.util.HashMap<>(instances.instance(principal, created.id()).configuration());
        asRead.values().removeIf(java.util.Objects::isNull);
        asRead.put("filter.response.nulls", "false");

        InstanceDescription updated = instances.update(principal, created.id(),
                new UpdateInstanceCommand(true, "x", null, asRead, null, null));

        assertThat(updated.configuration()).containsEntry("filter.response.nulls", "false")
                .containsEntry("oauth.api.secret", InstanceDescription.MASK);
        assertThat(platform.secretsOf(created).secretConfiguration()).containsEntry("oauth.api.secret",
                "canary-app-secret");
        asRead.put("oauth.token.url", "https://attacker.example/token");
        assertRefused(() -> instances.update(principal, created.id(),
                new UpdateInstanceCommand(true, "x", null, asRead, null, null)), ErrorCode.INVALID_CONFIGURATION);
    }

    @Test
    void theElementCannotChange() {
        InstanceDescription created = platform.provision("x", List.of());

        assertRefused(() -> instances.update(principal, created.id(),
                new UpdateInstanceCommand(false, null, null, null, null, "facebooksocial")), ErrorCode.INVALID_FIELD);
    }

    @Test
    void aNewCodeReauthorizesAndReturnsTheInstanceToActive() {
        InstanceDescription created = platform.provision("x", List.of());
        Instance stored = platform.stored(created);
        platform.instances.update(stored.change().credentials(stored.credentials().rejected("revoked"))
                .at(Fixtures.NOW));
        assertThat(instances.instance(principal, created.id()).status()).isEqualTo(InstanceStatus.NEEDS_REAUTH);
        String oldToken = platform.secretsOf(created).tokens().accessToken();

        InstanceDescription reauthorized = instances.update(principal, created.id(),
                new UpdateInstanceCommand(true, "x", null, Platform.configuration(), platform.code(), null));

        assertThat(reauthorized.status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(reauthorized.valid()).isTrue();
        assertThat(platform.secretsOf(created).tokens().accessToken()).isNotEqualTo(oldToken);
    }

    @Test
    void aProviderFailureDuringReauthorizationChangesNothing() {
        InstanceDescription created = platform.provision("x", List.of("keep"));
        Instance before = platform.stored(created);

        platform.provider.failNext(ProviderErrorClass.TRANSIENT, "(#2) Service temporarily unavailable");
        assertRefused(() -> instances.update(principal, created.id(), new UpdateInstanceCommand(true, "changed",
                List.of(), Platform.configuration(), platform.code(), null)), ErrorCode.PROVIDER_UNAVAILABLE);
        assertRefused(() -> instances.update(principal, created.id(), new UpdateInstanceCommand(false, "changed",
                null, null, "never-issued", null)), ErrorCode.PROVIDER_REJECTED_AUTHORIZATION);

        assertThat(platform.stored(created)).isEqualTo(before);
    }

    @Test
    void configurationEntriesAreListedReadAndChangedById() {
        InstanceDescription created = platform.provision("x", List.of());
        List<ConfigurationValue> entries = instances.configuration(principal, created.id());
        ConfigurationValue interval = entries.stream().filter(e -> e.key().equals("oauth.user.refresh_interval"))
                .findFirst().orElseThrow();
        ConfigurationValue secret = entries.stream().filter(e -> e.key().equals("oauth.api.secret"))
                .findFirst().orElseThrow();

        assertThat(interval.propertyValue()).isEqualTo("3600");
        assertThat(secret.propertyValue()).isEqualTo(InstanceDescription.MASK);
        assertThat(instances.configurationValue(principal, created.id(), interval.id())).isEqualTo(interval);

        ConfigurationValue changed = instances.updateConfigurationValue(principal, created.id(), interval.id(), "60");

        assertThat(changed.propertyValue()).isEqualTo("60");
        assertThat(platform.stored(created).credentials().nextRenewalAt())
                .as("a new interval applies at once").isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(1)));
        assertRefused(() -> instances.configurationValue(principal, created.id(), 42), ErrorCode.RESOURCE_NOT_FOUND);
        assertRefused(() -> instances.updateConfigurationValue(principal, created.id(), interval.id(), "soon"),
                ErrorCode.INVALID_CONFIGURATION);
        long baseUrl = entries.stream().filter(e -> e.key().equals("base.url")).findFirst().orElseThrow().id();
        assertRefused(() -> instances.updateConfigurationValue(principal, created.id(), baseUrl,
                "https://attacker.example"), ErrorCode.INVALID_CONFIGURATION);
    }

    @Test
    void disablingAndEnablingShowInTheStatus() {
        InstanceDescription created = platform.provision("x", List.of());

        InstanceDescription disabled = instances.setEnabled(principal, created.id(), false);
        assertThat(disabled.disabled()).isTrue();
        assertThat(disabled.status()).isEqualTo(InstanceStatus.DISABLED);
        assertThat(disabled.valid()).isTrue();

        assertThat(instances.setEnabled(principal, created.id(), true).status()).isEqualTo(InstanceStatus.ACTIVE);
    }

    @Test
    void aNewElementTokenReplacesTheOldOneAndDeletionForgetsIt() {
        InstanceDescription created = platform.provision("x", List.of());
        String first = created.token().orElseThrow();

        InstanceDescription regenerated = instances.regenerateToken(principal, created.id());
        String second = regenerated.token().orElseThrow();

        assertThat(second).isNotEqualTo(first);
        assertRefused(() -> instances.instanceOfToken(principal, first), ErrorCode.INVALID_CREDENTIALS);
        assertThat(instances.instanceOfToken(principal, second)).isEqualTo(created.id());

        instances.delete(principal, created.id());
        assertRefused(() -> instances.instanceOfToken(principal, second), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> instances.instance(principal, created.id()), ErrorCode.INSTANCE_NOT_FOUND);
        assertRefused(() -> instances.delete(principal, created.id()), ErrorCode.INSTANCE_NOT_FOUND);
    }

    @Test
    void anotherOrganizationGetsNotFoundEverywhere() {
        InstanceDescription created = platform.provision("x", List.of());
        String token = created.token().orElseThrow();
        Principal stranger = Fixtures.organization(platform.tenants, "Other");
        var id = created.id();

        assertRefused(() -> instances.instance(stranger, id), ErrorCode.INSTANCE_NOT_FOUND);
        assertRefused(() -> instances.update(stranger, id, patch(Map.of())), ErrorCode.INSTANCE_NOT_FOUND);
        assertRefused(() -> instances.delete(stranger, id), ErrorCode.INSTANCE_NOT_FOUND);
        assertRefused(() -> instances.configuration(stranger, id), ErrorCode.INSTANCE_NOT_FOUND);
        assertRefused(() -> instances.setEnabled(stranger, id, false), ErrorCode.INSTANCE_NOT_FOUND);
        assertRefused(() -> instances.regenerateToken(stranger, id), ErrorCode.INSTANCE_NOT_FOUND);
        assertRefused(() -> instances.refresh(stranger, id), ErrorCode.INSTANCE_NOT_FOUND);
        assertRefused(() -> instances.instanceOfToken(stranger, token), ErrorCode.INSTANCE_NOT_FOUND);
        assertThat(instances.instances(stranger, ListInstancesQuery.firstPage()).instances()).isEmpty();
        assertThat(instances.instance(principal, id).disabled()).isFalse();
    }
}
