package dev.elements.http;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.elements.core.port.in.UpdateInstanceCommand;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT} and {@code PATCH /instances/{id}}: the fields of {@code POST /instances}
 * ({@code name}, {@code tags}, {@code configuration}, {@code providerData.code} to authorize again,
 * with {@code providerData.state} for elements that use PKCE,
 * {@code element}, which must be the instance's own). Other fields, such as the {@code id} Cloud
 * Elements clients send back, are ignored. Only types are checked in binding.
 */
record UpdateInstanceRequest(String name, List<String> tags,
        @JsonDeserialize(contentUsing = BodyBinding.ConfigurationText.class) Map<String, String> configuration,
        ProviderData providerData, ElementReference element) {

    /** @param replace {@code PUT}: what the body leaves out is cleared; {@code PATCH}: it is kept */
    UpdateInstanceCommand command(boolean replace) {
        return new UpdateInstanceCommand(replace, name, tags, configuration, ProviderData.code(providerData),
                ProviderData.state(providerData), ElementReference.of(element));
    }
}
