package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.instance.Instance;
import dev.elements.core.port.in.ConfigurationValue;
import dev.elements.core.port.in.InstanceDescription;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.port.in.UpdateInstanceCommand;
import dev.elements.core.testing.Fixtures;
import dev.elements.core.testing.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Numeric configuration stays within declared bounds, checked on every way in before the provider is asked. */
class ConfigurationBoundsTest {
    private static final String INTERVAL = "oauth.user.refresh_interval";

    private final Platform platform = new Platform();
    private final ManageInstancesUseCase instances = platform.elements.instances();

    private static void assertRefusedNaming(ThrowingCallable call, String key, String bounds) {
        PlatformException refused = catchThrowableOfType(call, PlatformException.class);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(refused.getMessage()).isEqualTo("Invalid configuration: " + key + " must be a whole number " + bounds);
    }

    private InstanceDescription provisionWith(String key, String value) {
        Map<String, String> configuration = Platform.configuration();
        configuration.put(key, value);
        return platform.elements.provisioning().provision(new ProvisionInstanceCommand(platform.principal, "scripted",
                platform.code(), configuration, List.of(), "bounded", null));
    }

    @Test
    void aRenewalIntervalOutsideAMinuteToAYearIsRefusedOnEveryWayInWithoutAskingTheProvider() {
        InstanceDescription existing = platform.provision("existing", List.of());
        Instance before = platform.stored(existing);
        long entryId = instances.configuration(platform.principal, existing.id()).stream()
                .filter(value -> value.key().equals(INTERVAL)).findFirst().orElseThrow().id();
        int exchanges = platform.provider.exchanges();

        for (String value : List.of("9223372036854775807", "9223372036854775808", "31536001", "59", "0", "-1",
                "1e9")) {
            Map<String, String> change = Map.of(INTERVAL, value);
            Map<String, String> whole = Platform.configuration();
            whole.put(INTERVAL, value);
            assertRefusedNaming(() -> provisionWith(INTERVAL, value), INTERVAL, "from 60 to 31536000");
            assertRefusedNaming(() -> instances.update(platform.principal, existing.id(),
                    new UpdateInstanceCommand(true, null, null, whole, platform.code(), null)), INTERVAL,
                    "from 60 to 31536000");
            assertRefusedNaming(() -> instances.update(platform.principal, existing.id(),
                    new UpdateInstanceCommand(false, null, null, change, null, null)), INTERVAL,
                    "from 60 to 31536000");
            assertRefusedNaming(() -> instances.updateConfigurationValue(platform.principal, existing.id(), entryId,
                    value), INTERVAL, "from 60 to 31536000");
        }
        assertThat(platform.provider.exchanges()).as("the provider was never asked").isEqualTo(exchanges);
        assertThat(platform.stored(existing)).isEqualTo(before);
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        InstanceDescription yearly = provisionWith(INTERVAL, "31536000");
        assertThat(platform.stored(yearly).credentials().nextRenewalAt())
                .isBeforeOrEqualTo(Fixtures.NOW.plus(Duration.ofDays(365)));

        ConfigurationValue minute = instances.updateConfigurationValue(platform.principal, yearly.id(),
                instances.configuration(platform.principal, yearly.id()).stream()
                        .filter(value -> value.key().equals(INTERVAL)).findFirst().orElseThrow().id(), "60");
        assertThat(minute.propertyValue()).isEqualTo("60");
    }

    @Test
    void pageSizesAndPollerIntervalsHaveTheirBoundsToo() {
        assertRefusedNaming(() -> provisionWith("pagination.max", "1001"), "pagination.max", "from 1 to 1000");
        assertRefusedNaming(() -> provisionWith("pagination.max", "99999999999999999999"), "pagination.max",
                "from 1 to 1000");
        assertRefusedNaming(() -> provisionWith("event.poller.refresh_interval", "525601"),
                "event.poller.refresh_interval", "from 1 to 525600");
        assertThat(provisionWith("pagination.max", "1000").configuration()).containsEntry("pagination.max", "1000");
        assertThat(platform.provider.exchanges()).isEqualTo(1);
    }

    @Test
    void controlCharactersInConfigurationValuesAreRefusedNamingTheKey() {
        PlatformException refused = catchThrowableOfType(() -> provisionWith("oauth.scope", "read\u0000write"),
                PlatformException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(refused.getMessage())
                .isEqualTo("Invalid configuration: oauth.scope contains a control or text-direction character");
        assertThat(platform.provider.exchanges()).isZero();
    }
}
