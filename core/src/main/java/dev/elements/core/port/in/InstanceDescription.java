package dev.elements.core.port.in;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.instance.InstanceId;
import dev.elements.core.instance.InstanceStatus;
import dev.elements.core.tenant.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instance as its organization sees it: effective configuration with every secret masked, and
 * the element token only in the answer that created it (or, where the operator turned on element
 * token read-back, in every answer).
 *
 * @param id its number
 * @param name its name
 * @param elementToken the element token in full, or null when this answer must not show it
 * @param element the element it connects through
 * @param tags its labels
 * @param status what to expect of it
 * @param statusReason why, in words
 * @param valid false exactly when it needs a new authorization
 * @param disabled whether the application switched it off
 * @param configuration effective values of every entry by key, null when unset, secrets as {@link #MASK},
 *     then the values of keys the element does not declare; each declared key's id is its entry's
 *     in {@code element}
 * @param owner the user who created it
 * @param createdAt when it was created
 */
public record InstanceDescription(
        InstanceId id,
        String name,
        String elementToken,
        ElementDefinition element,
        List<String> tags,
        InstanceStatus status,
        String statusReason,
        boolean valid,
        boolean disabled,
        Map<String, String> configuration,
        Owner owner,
        Instant createdAt) {

    /** How every secret value is shown. */
    public static final String MASK = "********";

    public InstanceDescription {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(element, "element");
        requireNonNull(status, "status");
        requireNonNull(statusReason, "statusReason");
        requireNonNull(owner, "owner");
        requireNonNull(createdAt, "createdAt");
        tags = List.copyOf(tags);
        configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
    }

    /**
     * The user who created an instance, as Cloud Elements' instance JSON shows it under {@code user}.
     * Addresses and names are blank when that user no longer exists.
     */
    public record Owner(UserId id, String emailAddress, String firstName, String lastName) {
        public Owner {
            requireNonNull(id, "id");
            requireNonNull(emailAddress, "emailAddress");
            requireNonNull(firstName, "firstName");
            requireNonNull(lastName, "lastName");
        }
    }

    public Optional<String> token() {
        return Optional.ofNullable(elementToken);
    }

    public boolean eventsEnabled() {
        return Boolean.parseBoolean(configuration.get("event.notification.enabled"));
    }

    @Override
    public String toString() {
        return "InstanceDescription[id=" + id + ", element=" + element.key() + ", status=" + status + "]";
    }
}
