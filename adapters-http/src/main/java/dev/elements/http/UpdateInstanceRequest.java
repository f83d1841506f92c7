package dev.elements.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.port.in.UpdateInstanceCommand;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT} and {@code PATCH /instances/{id}}: the fields of {@code POST /instances}
 * ({@code name}, {@code tags}, {@code configuration}, {@code providerData.code} to authorize again,
 * {@code element}, which must be the instance's own). Other fields, such as the {@code id} Cloud
 * Elements clients send back, are ignored. Only types are checked here.
 */
record UpdateInstanceRequest(String name, List<String> tags, Map<String, String> configuration, String code,
        String element) {

    /** @throws dev.elements.core.error.PlatformException (400) naming every field of a wrong type */
    static UpdateInstanceRequest from(ObjectNode body) {
        JsonFields fields = new JsonFields();
        String element = ProvisionRequest.element(fields, body);
        ObjectNode providerData = fields.object(body, "providerData", "providerData");
        String code = providerData == null ? null : fields.string(providerData, "code", "providerData.code");
        Map<String, String> configuration = fields.stringMap(body, "configuration", "configuration");
        List<String> tags = fields.strings(body, "tags", "tags");
        String name = fields.string(body, "name", "name");
        fields.orThrow();
        return new UpdateInstanceRequest(name, tags, configuration, code, element);
    }

    /** @param replace {@code PUT}: what the body leaves out is cleared; {@code PATCH}: it is kept */
    UpdateInstanceCommand command(boolean replace) {
        return new UpdateInstanceCommand(replace, name, tags, configuration, code, element);
    }

    @Override
    public String toString() {
        return "UpdateInstanceRequest[code=" + (code != null) + "]";
    }
}
