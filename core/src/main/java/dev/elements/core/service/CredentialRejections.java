package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.instance.Instance;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.out.InstanceRepository;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * Records that the provider no longer takes an instance's token (a hub call or a poll was refused
 * with it): the instance needs a new authorization. The mark is written only while the instance
 * still holds the token that was refused, so a re-authorization that happened meanwhile stands.
 */
final class CredentialRejections {
    private static final System.Logger LOG = System.getLogger(CredentialRejections.class.getName());
    private static final int WRITE_ATTEMPTS = 5;

    private final InstanceRepository instances;
    private final CredentialVault vault;
    private final Clock clock;

    CredentialRejections(InstanceRepository instances, CredentialVault vault, Clock clock) {
        this.instances = requireNonNull(instances, "instances");
        this.vault = requireNonNull(vault, "vault");
        this.clock = requireNonNull(clock, "clock");
    }

    /** @param refusedAccessToken the access token the provider refused */
    void record(Instance instance, String refusedAccessToken, ProviderException failure) {
        String why = "The provider rejected the credentials" + failure.error().message().map(m -> " (" + m + ")")
                .orElse("") + "; the user must authorize again";
        Instance current = instance;
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            if (!vault.open(current).tokens().accessToken().equals(refusedAccessToken)) {
                return;
            }
            if (instances.update(current.change().credentials(current.credentials().rejected(why))
                    .at(clock.instant()))) {
                LOG.log(Level.WARNING, "Instance {0} needs a new authorization: its token was rejected", current.id());
                return;
            }
            Optional<Instance> reread = instances.findById(current.id());
            if (reread.isEmpty()) {
                return;
            }
            current = reread.get();
        }
    }
}
