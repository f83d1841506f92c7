package dev.elements.core.instance;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.core.tenant.SecretDigest;
import dev.elements.core.tenant.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One authenticated connection of an organization to a provider, as stored. Secrets live only in
 * {@code secrets}, sealed for this organization and instance; the element token only as a digest.
 *
 * @param id the instance's number
 * @param organizationId who owns it
 * @param ownerId the user who created it
 * @param elementKey which element it connects through
 * @param name the application's name for it, free of HTML
 * @param tags the application's labels, free of HTML
 * @param configuration the non-secret values the application set (defaults are not copied here,
 *     so that a changed default or operator override applies to existing instances)
 * @param secrets the provider credentials and secret configuration values, sealed
 * @param providerAccountId the provider's id of the authorized user or page, for routing webhooks
 * @param tokenDigest the digest of the element token
 * @param disabled whether the application switched the instance off
 * @param credentials the state of the provider credentials
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version increases with every change, so that a stale writer cannot overwrite a newer one
 */
public record Instance(
        InstanceId id,
        OrganizationId organizationId,
        UserId ownerId,
        ElementKey elementKey,
        String name,
        List<String> tags,
        Map<String, String> configuration,
        Sealed secrets,
        String providerAccountId,
        SecretDigest tokenDigest,
        boolean disabled,
        CredentialState credentials,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Instance {
        requireNonNull(id, "id");
        requireNonNull(organizationId, "organizationId");
        requireNonNull(ownerId, "ownerId");
        requireNonNull(elementKey, "elementKey");
        requireNonNull(name, "name");
        requireNonNull(secrets, "secrets");
        requireNonNull(tokenDigest, "tokenDigest");
        requireNonNull(credentials, "credentials");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
        tags = List.copyOf(tags);
        configuration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
    }

    public InstanceStatus status() {
        return disabled ? InstanceStatus.DISABLED : credentials.status();
    }

    public String statusReason() {
        return disabled ? "Disabled by the application" : credentials.reason();
    }

    public boolean valid() {
        return credentials.valid();
    }

    /** A builder seeded with this instance, for the changes that make up an update. */
    public Changes change() {
        return new Changes(this);
    }

    /** Collects changes and produces the next version of the instance. */
    public static final class Changes {
        private final Instance from;
        private String name;
        private List<String> tags;
        private Map<String, String> configuration;
        private Sealed secrets;
        private String providerAccountId;
        private SecretDigest tokenDigest;
        private boolean disabled;
        private CredentialState credentials;

        private Changes(Instance from) {
            this.from = from;
            this.name = from.name;
            this.tags = from.tags;
            this.configuration = from.configuration;
            this.secrets = from.secrets;
            this.providerAccountId = from.providerAccountId;
            this.tokenDigest = from.tokenDigest;
            this.disabled = from.disabled;
            this.credentials = from.credentials;
        }

        public Changes name(String newName) {
            this.name = newName;
            return this;
        }

        public Changes tags(List<String> newTags) {
            this.tags = newTags;
            return this;
        }

        public Changes configuration(Map<String, String> newConfiguration) {
            this.configuration = newConfiguration;
            return this;
        }

        public Changes secrets(Sealed newSecrets) {
            this.secrets = newSecrets;
            return this;
        }

        public Changes providerAccountId(String newProviderAccountId) {
            this.providerAccountId = newProviderAccountId;
            return this;
        }

        public Changes tokenDigest(SecretDigest newTokenDigest) {
            this.tokenDigest = newTokenDigest;
            return this;
        }

        public Changes disabled(boolean nowDisabled) {
            this.disabled = nowDisabled;
            return this;
        }

        public Changes credentials(CredentialState newCredentials) {
            this.credentials = newCredentials;
            return this;
        }

        /** The next version, stamped {@code now}. */
        public Instance at(Instant now) {
            return new Instance(from.id, from.organizationId, from.ownerId, from.elementKey, name, tags,
                    configuration, secrets, providerAccountId, tokenDigest, disabled, credentials, from.createdAt,
                    now, from.version + 1);
        }
    }
}
