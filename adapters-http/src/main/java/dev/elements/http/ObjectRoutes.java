package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ObjectDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import io.javalin.http.Context;
import java.util.List;

/**
 * Cloud Elements' discovery routes ({@code GET /objects}, {@code GET /objects/{objectName}/metadata};
 * docs.cloud-elements.com, "Discovery APIs"): the objects the Element token's element declares, and
 * their fields. Served under {@code /hubs/{hub}} and directly under the base path, as Cloud Elements
 * did, for the instance the Element token names beside the caller's User and Organization (as that
 * page requires them), and answered without calling the provider.
 */
final class ObjectRoutes {
    static final String OBJECTS = "objects";
    static final String METADATA = "objects/{objectName}/metadata";

    private final JsonCodec json;

    ObjectRoutes(JsonCodec json) {
        this.json = requireNonNull(json, "json");
    }

    /**
     * The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}, before
     * {@link HubRoutes}, whose {@code /hubs/{hub}/<path>} would otherwise take them for resources.
     */
    void declare() {
        get(OBJECTS, this::objects, Access.INSTANCE_FROM_TOKEN);
        get(METADATA, this::metadata, Access.INSTANCE_FROM_TOKEN);
        path("hubs/{hub}", () -> {
            get(OBJECTS, this::objects, Access.INSTANCE_FROM_TOKEN);
            get(METADATA, this::metadata, Access.INSTANCE_FROM_TOKEN);
        });
    }

    private void objects(Context ctx) {
        List<String> names = Callers.instance(ctx).element().objects().stream().map(ObjectDefinition::name).toList();
        json.respond(ctx, 200, names);
    }

    private void metadata(Context ctx) {
        ElementDefinition element = Callers.instance(ctx).element();
        String name = ctx.pathParam("objectName");
        ObjectDefinition object = element.object(name).orElseThrow(() -> new PlatformException(
                ErrorCode.RESOURCE_NOT_FOUND, "The element " + element.key().value() + " has no object named "
                        + RequestValues.quote(name) + "; GET /objects lists its objects"));
        json.respond(ctx, 200, ObjectMetadataView.of(object));
    }
}
