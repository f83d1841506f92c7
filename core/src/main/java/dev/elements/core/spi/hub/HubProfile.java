package dev.elements.core.spi.hub;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one element's provider API is called: everything the {@link HubClient} needs beyond each
 * resource's own definition.
 *
 * @param requestBody how bodies are sent: JSON or FORM ({@code MULTIPART} is a resource's choice)
 * @param paging how lists page
 * @param itemsPointer where a list's items are in an answer, unless the resource says otherwise
 *     (JSON pointer; {@code ""} when the answer is the array)
 * @param missingItemsAreEmpty whether an answer without the items member is an empty page (X
 *     leaves {@code data} out when nothing matches) rather than an unreadable answer
 * @param reservedParameters query parameters and body members only the plugin may set (the
 *     credentials, parameters that change the verb or the answer's form); paging's are added
 * @param droppedMembers answer members never handed to the application, besides the token members;
 *     {@code outer/inner} for a member only where it is inside another ({@code paging/next})
 * @param errors how refusals are read
 * @param usage how usage headers are read
 * @param customAnswers the answer shapes the plugin makes itself, by name
 * @param hooks where the provider departs from plain REST
 */
public record HubProfile(RequestBody requestBody, Paging paging, String itemsPointer, boolean missingItemsAreEmpty,
        Set<String> reservedParameters, Set<String> droppedMembers, HubErrors errors, UsageReader usage,
        Map<String, CustomAnswer> customAnswers, HubHooks hooks) {

    public HubProfile {
        requireNonNull(requestBody, "requestBody");
        requireNonNull(paging, "paging");
        requireNonNull(itemsPointer, "itemsPointer");
        requireNonNull(errors, "errors");
        requireNonNull(usage, "usage");
        requireNonNull(hooks, "hooks");
        if (requestBody == RequestBody.MULTIPART) {
            throw new IllegalArgumentException("Uploads are a resource's choice (ResourceDefinition.withUploads), not"
                    + " a profile's");
        }
        Set<String> reserved = new HashSet<>();
        reservedParameters.forEach(name -> reserved.add(normalized(name)));
        paging.parameterNames().forEach(name -> reserved.add(normalized(name)));
        reserved.add("access_token");
        reservedParameters = Set.copyOf(reserved);
        droppedMembers = Set.copyOf(droppedMembers);
        customAnswers = Map.copyOf(customAnswers);
    }

    /** A JSON REST API with bearer tokens, standard statuses and no usage headers. */
    public static HubProfile rest(Paging paging, String itemsPointer) {
        return new HubProfile(RequestBody.JSON, paging, itemsPointer, false, Set.of(), Set.of(),
                ErrorMapping.standard(), UsageReader.NONE, Map.of(), HubHooks.PLAIN);
    }

    public HubProfile withRequestBody(RequestBody body) {
        return new HubProfile(body, paging, itemsPointer, missingItemsAreEmpty, reservedParameters, droppedMembers,
                errors, usage, customAnswers, hooks);
    }

    public HubProfile withMissingItemsAreEmpty() {
        return new HubProfile(requestBody, paging, itemsPointer, true, reservedParameters, droppedMembers, errors,
                usage, customAnswers, hooks);
    }

    public HubProfile withReservedParameters(Set<String> reserved) {
        return new HubProfile(requestBody, paging, itemsPointer, missingItemsAreEmpty, reserved, droppedMembers,
                errors, usage, customAnswers, hooks);
    }

    public HubProfile withDroppedMembers(Set<String> dropped) {
        return new HubProfile(requestBody, paging, itemsPointer, missingItemsAreEmpty, reservedParameters, dropped,
                errors, usage, customAnswers, hooks);
    }

    public HubProfile withErrors(HubErrors refusals) {
        return new HubProfile(requestBody, paging, itemsPointer, missingItemsAreEmpty, reservedParameters,
                droppedMembers, refusals, usage, customAnswers, hooks);
    }

    public HubProfile withUsage(UsageReader reader) {
        return new HubProfile(requestBody, paging, itemsPointer, missingItemsAreEmpty, reservedParameters,
                droppedMembers, errors, reader, customAnswers, hooks);
    }

    public HubProfile withCustomAnswers(Map<String, CustomAnswer> answers) {
        return new HubProfile(requestBody, paging, itemsPointer, missingItemsAreEmpty, reservedParameters,
                droppedMembers, errors, usage, answers, hooks);
    }

    public HubProfile withHooks(HubHooks departures) {
        return new HubProfile(requestBody, paging, itemsPointer, missingItemsAreEmpty, reservedParameters,
                droppedMembers, errors, usage, customAnswers, departures);
    }

    /**
     * Compared without case and blanks, and with {@code .} and spaces read as {@code _} and a
     * {@code [...]} suffix dropped, as PHP-style servers read parameter names: {@code access.token}
     * and {@code method[]} are reserved too.
     */
    public boolean isReserved(String name) {
        return reservedParameters.contains(normalized(name));
    }

    private static String normalized(String name) {
        String plain = name.strip().toLowerCase(Locale.ROOT);
        int bracket = plain.indexOf('[');
        return (bracket < 0 ? plain : plain.substring(0, bracket)).replace('.', '_').replace(' ', '_');
    }
}
