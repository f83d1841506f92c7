package dev.elements.declarative;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads element documents with the place of every node, and holds them to the published schema
 * ({@value #SCHEMA}), so that each problem is reported where it is.
 */
final class DocumentReader {
    static final String SCHEMA = "/dev/elements/declarative/element.schema.json";

    private final NodeReader reader;
    private final Schema schema;

    DocumentReader() {
        // A member written twice is a mistake in a hand-written document, not a value to pick from.
        reader = NodeReader.builder()
                .jsonMapper(JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .locationAware()
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.nodeReader(reader)
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
        try (InputStream published = DocumentReader.class.getResourceAsStream(SCHEMA)) {
            if (published == null) {
                throw new IllegalStateException("The element schema " + SCHEMA + " is missing from the jar");
            }
            schema = registry.getSchema(published, InputFormat.JSON);
        } catch (IOException cannotRead) {
            throw new UncheckedIOException("The element schema " + SCHEMA + " cannot be read", cannotRead);
        }
    }

    /** The document, valid against the schema. */
    JsonNode read(String file, byte[] bytes) {
        JsonNode document = parse(file, bytes);
        List<Error> errors = new ArrayList<>(schema.validate(document));
        if (errors.isEmpty()) {
            return document;
        }
        // One problem is enough: a misspelt member first (it explains the required one found missing),
        // then the first in reading order.
        errors.sort(Comparator.comparing((Error error) -> isAbout(error, "additionalProperties") ? 0 : 1)
                .thenComparing(error -> place(error).line())
                .thenComparing(error -> place(error).column()));
        Error first = errors.get(0);
        throw new ElementDocumentException(file, place(first), field(first), problem(first));
    }

    private JsonNode parse(String file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ElementDocumentException(file, DocumentLocation.UNKNOWN, null, "is not UTF-8 text");
        }
        try {
            JsonNode document = reader.readTree(text, InputFormat.JSON);
            if (document == null || document.isMissingNode()) {
                throw new ElementDocumentException(file, DocumentLocation.UNKNOWN, null, "is empty");
            }
            return document;
        } catch (JacksonException notJson) {
            throw new ElementDocumentException(file, DocumentLocation.of(notJson.getLocation()), null,
                    "is not valid JSON: " + notJson.getOriginalMessage());
        }
    }

    /** Where the problem is: a misspelt member's own value, else the node the schema refused. */
    private static DocumentLocation place(Error error) {
        JsonNode node = error.getInstanceNode();
        if (isAbout(error, "additionalProperties") && node != null && error.getProperty() != null
                && node.has(error.getProperty())) {
            return DocumentLocation.of(node.get(error.getProperty()));
        }
        return DocumentLocation.of(node);
    }

    private static String field(Error error) {
        String location = error.getInstanceLocation().toString();
        boolean namesAMember = isAbout(error, "additionalProperties") || isAbout(error, "required");
        return namesAMember && error.getProperty() != null ? location + "." + error.getProperty() : location;
    }

    private static String problem(Error error) {
        JsonNode rule = error.getSchemaNode();
        return switch (String.valueOf(error.getKeyword())) {
            case "additionalProperties" -> "is not a field here (check its spelling)";
            case "required" -> "is required";
            case "enum" -> "must be one of " + String.join(", ", texts(rule));
            case "const" -> "must be " + rule;
            case "false" -> "is not allowed here";
            default -> withoutLocation(error);
        };
    }

    private static boolean isAbout(Error error, String keyword) {
        return keyword.equals(error.getKeyword());
    }

    private static List<String> texts(JsonNode values) {
        if (values == null || !values.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asString).toList();
    }

    /** The validator's own words, which start with the location the exception names already. */
    private static String withoutLocation(Error error) {
        String message = error.getMessage();
        String prefix = error.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
