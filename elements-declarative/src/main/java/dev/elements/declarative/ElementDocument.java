package dev.elements.declarative;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationScope;
import dev.elements.core.element.ConfigurationType;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.element.FieldDefinition;
import dev.elements.core.element.ObjectDefinition;
import dev.elements.core.element.ParameterShape;
import dev.elements.core.element.ResourceAnswer;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.element.ValueFormat;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.spi.hub.ErrorMapping;
import dev.elements.core.spi.hub.HubProfile;
import dev.elements.core.spi.hub.Paging;
import dev.elements.core.spi.hub.RateLimitHeaders;
import dev.elements.core.spi.hub.RequestBody;
import dev.elements.core.spi.oauth2.ClientAuthentication;
import dev.elements.core.spi.oauth2.OAuth2Options;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A document the schema accepted, made into what an element is: its definition, its OAuth2
 * options, its hub profile and how it learns the user. What the schema cannot say (placeholders
 * that match, expressions that compile) is checked here, and reported at its place as well.
 */
final class ElementDocument {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    private final String file;
    private final JsonNode root;

    ElementDocument(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    DeclarativeElementProvider provider() {
        ElementDefinition definition = definition();
        JsonNode userId = root.path("oauth2").path("userId");
        return new DeclarativeElementProvider(definition, options(), profile(definition.key()),
                text(userId.path("path"), null), text(userId.path("pointer"), null), file);
    }

    ElementKey key() {
        return ElementKey.of(root.path("key").asString());
    }

    long id() {
        return root.path("id").asLong();
    }

    /** Where a top-level member is, for problems about the document as a whole (its key, its id). */
    DocumentLocation placeOf(String member) {
        return DocumentLocation.of(root.path(member));
    }

    private ElementDefinition definition() {
        JsonNode oauth2 = root.path("oauth2");
        String name = root.path("name").asString();
        List<ConfigurationEntry> entries = new ArrayList<>(CommonConfiguration.oauth2Entries(name,
                text(oauth2.path("defaultScope"), ""), oauth2.path("authorizationUrl").asString(),
                oauth2.path("tokenUrl").asString(), oauth2.path("baseUrl").asString()));
        JsonNode declared = root.path("configuration");
        for (int index = 0; index < declared.size(); index++) {
            entries.add(entry(declared.get(index)));
        }
        List<ResourceDefinition> resources = new ArrayList<>();
        JsonNode listed = root.path("resources");
        for (int index = 0; index < listed.size(); index++) {
            resources.add(resource(listed.get(index), "$.resources[" + index + "]"));
        }
        checkUserPath(oauth2.path("userId").path("path"));
        try {
            return new ElementDefinition(id(), key(), name, root.path("description").asString(),
                    root.path("image").asString(), root.path("hub").path("name").asString(), "oauth2", false,
                    "The client id and secret of your " + name + " app, and its callback URL",
                    root.path("signupUrl").asString(), entries, resources, objects());
        } catch (IllegalArgumentException refused) {
            throw new ElementDocumentException(file, placeOf("configuration"), "$.configuration",
                    refused.getMessage());
        }
    }

    /** The optional {@code objects}; the schema checked their shape, the records check the rest at its place. */
    private List<ObjectDefinition> objects() {
        List<ObjectDefinition> objects = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode listed = root.path("objects");
        for (int index = 0; index < listed.size(); index++) {
            JsonNode object = listed.get(index);
            if (!names.add(object.path("name").asString())) {
                throw new ElementDocumentException(file, DocumentLocation.of(object.path("name")),
                        "$.objects[" + index + "].name", "names an object declared before it");
            }
            List<FieldDefinition> fields = new ArrayList<>();
            JsonNode declared = object.path("fields");
            for (int field = 0; field < declared.size(); field++) {
                JsonNode one = declared.get(field);
                fields.add(new FieldDefinition(one.path("name").asString(), one.path("type").asString(),
                        one.path("writable").asBoolean(false), text(one.path("description"), "")));
            }
            try {
                objects.add(new ObjectDefinition(object.path("name").asString(),
                        object.path("description").asString(), fields));
            } catch (IllegalArgumentException refused) {
                throw new ElementDocumentException(file, DocumentLocation.of(object), "$.objects[" + index + "]",
                        refused.getMessage());
            }
        }
        return objects;
    }

    private static ConfigurationEntry entry(JsonNode entry) {
        boolean secret = entry.path("secret").asBoolean(false);
        ValueFormat format = ValueFormat.valueOf(text(entry.path("format"), "text").toUpperCase(Locale.ROOT));
        ConfigurationScope scope = ConfigurationScope.valueOf(text(entry.path("scope"), "instance")
                .toUpperCase(Locale.ROOT));
        ConfigurationType type = secret ? ConfigurationType.PASSWORD
                : format == ValueFormat.BOOLEAN ? ConfigurationType.BOOLEAN : ConfigurationType.TEXTFIELD_1000;
        return new ConfigurationEntry(entry.path("key").asString(), entry.path("name").asString(),
                entry.path("description").asString(), text(entry.path("default"), null), type,
                entry.path("required").asBoolean(false), scope == ConfigurationScope.OPERATOR, scope, format);
    }

    private ResourceDefinition resource(JsonNode resource, String field) {
        String path = resource.path("path").asString();
        String vendorPath = resource.path("vendorPath").asString();
        Set<String> placeholders = placeholders(path);
        for (String needed : placeholders(vendorPath)) {
            if (!placeholders.contains(needed)) {
                throw new ElementDocumentException(file, DocumentLocation.of(resource.path("vendorPath")),
                        field + ".vendorPath", "uses {" + needed + "}, which the path " + path + " does not have");
            }
        }
        Map<String, ParameterShape> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> parameter : resource.path("parameters").properties()) {
            JsonNode shape = parameter.getValue();
            if (!placeholders.contains(parameter.getKey())) {
                throw new ElementDocumentException(file, DocumentLocation.of(shape),
                        field + ".parameters." + parameter.getKey(), "is not a placeholder of the path " + path);
            }
            try {
                shapes.put(parameter.getKey(), ParameterShape.matching(shape.path("pattern").asString(),
                        shape.path("maxLength").asInt(), shape.path("description").asString()));
            } catch (IllegalArgumentException notARegex) {
                throw new ElementDocumentException(file, DocumentLocation.of(shape.path("pattern")),
                        field + ".parameters." + parameter.getKey() + ".pattern",
                        "is not a regular expression: " + firstLine(notARegex.getMessage()));
            }
        }
        String answer = text(resource.path("answer"), ResourceAnswer.OBJECT);
        String method = resource.path("method").asString();
        return new ResourceDefinition(path, method, vendorPath, text(resource.path("vendorMethod"), method),
                resource.path("description").asString(), answer.equals(ResourceAnswer.LIST), shapes,
                strings(resource.path("fixedQuery")), new ResourceAnswer(answer, text(resource.path("pointer"), null)));
    }

    private void checkUserPath(JsonNode path) {
        if (PLACEHOLDER.matcher(path.asString()).find()) {
            throw new ElementDocumentException(file, DocumentLocation.of(path), "$.oauth2.userId.path",
                    "may not have placeholders: it is called with nothing but the new token");
        }
    }

    private OAuth2Options options() {
        JsonNode oauth2 = root.path("oauth2");
        OAuth2Options options = OAuth2Options.standard()
                .with(ClientAuthentication.valueOf(text(oauth2.path("clientAuthentication"), "client_secret_post")
                        .toUpperCase(Locale.ROOT)))
                .withScopeSeparator(text(oauth2.path("scopeSeparator"), " "))
                .withAuthorizationParameters(strings(oauth2.path("authorizationParameters")));
        return oauth2.path("pkce").asBoolean(false) ? options.withPkce() : options;
    }

    private HubProfile profile(ElementKey key) {
        JsonNode hub = root.path("hub");
        HubProfile profile = HubProfile.rest(paging(hub.path("paging")), text(hub.path("itemsPointer"), ""))
                .withRequestBody(RequestBody.valueOf(text(hub.path("requestBody"), "json").toUpperCase(Locale.ROOT)))
                .withReservedParameters(new LinkedHashSet<>(texts(hub.path("reservedParameters"))))
                .withErrors(errors(hub.path("errors")))
                .withHooks(new FixedHeaders(strings(hub.path("headers"))));
        JsonNode usage = hub.path("usage");
        if (!usage.isMissingNode()) {
            profile = profile.withUsage(new RateLimitHeaders(key.value(), usage.path("limitHeader").asString(),
                    usage.path("remainingHeader").asString(), usage.path("resetHeader").asString(),
                    usage.path("perUser").asBoolean(false)));
        }
        return hub.path("missingItemsAreEmpty").asBoolean(false) ? profile.withMissingItemsAreEmpty() : profile;
    }

    private static Paging paging(JsonNode paging) {
        return switch (paging.path("style").asString()) {
            case "cursor" -> Paging.bodyCursor(paging.path("limitParameter").asString(),
                    paging.path("cursorParameter").asString(), paging.path("nextCursorPointer").asString());
            case "link" -> Paging.linkHeader(paging.path("limitParameter").asString());
            case "offset" -> Paging.offset(paging.path("offsetParameter").asString(),
                    paging.path("limitParameter").asString());
            default -> Paging.none();
        };
    }

    /** The standard mapping, with the document's statuses over it and its message places instead. */
    private static ErrorMapping errors(JsonNode errors) {
        Map<Integer, ProviderErrorClass> byStatus = new HashMap<>(ErrorMapping.STANDARD_STATUSES);
        errors.path("byStatus").properties().forEach(status -> byStatus.put(Integer.parseInt(status.getKey()),
                ProviderErrorClass.valueOf(status.getValue().asString())));
        Map<String, ProviderErrorClass> byCode = new HashMap<>();
        errors.path("byCode").properties().forEach(code -> byCode.put(code.getKey(),
                ProviderErrorClass.valueOf(code.getValue().asString())));
        List<String> messages = errors.has("messagePointers")
                ? texts(errors.path("messagePointers"))
                : ErrorMapping.STANDARD_MESSAGES;
        return new ErrorMapping(byStatus, messages, text(errors.path("codePointer"), null), byCode);
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String text(JsonNode node, String fallback) {
        return node.isMissingNode() || node.isNull() ? fallback : node.asString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.values().forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> strings = new LinkedHashMap<>();
        object.properties().forEach(member -> strings.put(member.getKey(), member.getValue().asString()));
        return strings;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
