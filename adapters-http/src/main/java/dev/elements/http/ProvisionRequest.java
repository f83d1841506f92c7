package dev.elements.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.port.in.ProvisionInstanceCommand;
import dev.elements.core.tenant.Principal;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /instances} as Cloud Elements clients send it: {@code element} as
 * {@code {"key": ...}} or {@code {"id": 48}}, {@code providerData.code}, {@code configuration},
 * {@code tags}, {@code name}. Only types are checked here; what is required is the command's call.
 */
record ProvisionRequest(String element, String code, Map<String, String> configuration, List<String> tags,
        String name) {

    /** @throws dev.elements.core.error.PlatformException (400) naming every field of a wrong type */
    static ProvisionRequest from(ObjectNode body) {
        JsonFields fields = new JsonFields();
        String element = element(fields, body);
        ObjectNode providerData = fields.object(body, "providerData", "providerData");
        String code = providerData == null ? null : fields.string(providerData, "code", "providerData.code");
        Map<String, String> configuration = fields.stringMap(body, "configuration", "configuration");
        List<String> tags = fields.strings(body, "tags", "tags");
        String name = fields.string(body, "name", "name");
        fields.orThrow();
        return new ProvisionRequest(element, code, configuration, tags, name);
    }

    /** {@code element} as {@code {"key": ...}} or {@code {"id": ...}}: the key when given, else the id, as text. */
    static String element(JsonFields fields, ObjectNode body) {
        ObjectNode element = fields.object(body, "element", "element");
        String key = element == null ? null : fields.string(element, "key", "element.key");
        String id = element == null ? null : fields.integer(element, "id", "element.id");
        return key != null && !key.isBlank() ? key : id;
    }

    /** The same request with the element a route path named. */
    ProvisionRequest withElement(String pathElement) {
        return new ProvisionRequest(pathElement, code, configuration, tags, name);
    }

    ProvisionInstanceCommand command(Principal principal, String idempotencyKey) {
        return new ProvisionInstanceCommand(principal, element, code, configuration, tags, name, idempotencyKey);
    }
}
