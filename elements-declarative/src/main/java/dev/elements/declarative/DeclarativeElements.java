package dev.elements.declarative;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.ElementKey;
import dev.elements.core.spi.ElementProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Elements declared as JSON documents, one element per document, each validated against the
 * published schema ({@code dev/elements/declarative/element.schema.json}). A document that is
 * unreadable, not JSON, not valid, or that claims the key or id of another stops the loading with
 * an {@link ElementDocumentException} naming the file, the line and the field: an element that is
 * silently missing would be found only when an application needs it.
 */
public final class DeclarativeElements {
    /** Lists the shipped documents: a shaded jar cannot be listed as a directory can. */
    static final String SHIPPED_INDEX = "/dev/elements/declarative/elements/index.txt";
    private static final String SHIPPED_FOLDER = "/dev/elements/declarative/elements/";

    private DeclarativeElements() {
    }

    /** The elements shipped in this jar (GitHub, LinkedIn). */
    public static List<ElementProvider> shipped() {
        DocumentReader reader = new DocumentReader();
        Elements elements = new Elements();
        for (String name : shippedNames()) {
            elements.add(name, new ElementDocument(name, reader.read(name, resource(SHIPPED_FOLDER + name))));
        }
        return elements.providers();
    }

    /**
     * Every {@code *.json} file directly in {@code directory}, in the order of their names.
     *
     * @throws ElementDocumentException when the directory or a document cannot be read or is not a
     *     valid element, or when two documents claim the same key or id
     */
    public static List<ElementProvider> fromDirectory(Path directory) {
        requireNonNull(directory, "directory");
        DocumentReader reader = new DocumentReader();
        Elements elements = new Elements();
        for (Path file : documentsIn(directory)) {
            String name = file.getFileName().toString();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException unreadable) {
                throw new ElementDocumentException(file.toString(), "cannot be read (" + unreadable + ")",
                        unreadable);
            }
            elements.add(name, new ElementDocument(name, reader.read(name, bytes)));
        }
        return elements.providers();
    }

    private static List<Path> documentsIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException unreadable) {
            throw new ElementDocumentException(directory.toString(), "is not a directory that can be read ("
                    + unreadable + ")", unreadable);
        }
    }

    private static List<String> shippedNames() {
        return new String(resource(SHIPPED_INDEX), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static byte[] resource(String path) {
        try (InputStream in = DeclarativeElements.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new IllegalStateException(path + " cannot be read from the jar", unreadable);
        }
    }

    /** Documents loaded together, which may not share a key or an id. */
    private static final class Elements {
        private final Map<ElementKey, String> keys = new HashMap<>();
        private final Map<Long, String> ids = new HashMap<>();
        private final List<ElementProvider> providers = new ArrayList<>();

        void add(String file, ElementDocument document) {
            String sameKey = keys.putIfAbsent(document.key(), file);
            if (sameKey != null) {
                throw new ElementDocumentException(file, document.placeOf("key"), "$.key",
                        document.key() + " is the key of " + sameKey + " too");
            }
            String sameId = ids.putIfAbsent(document.id(), file);
            if (sameId != null) {
                throw new ElementDocumentException(file, document.placeOf("id"), "$.id",
                        document.id() + " is the id of " + sameId + " too");
            }
            providers.add(document.provider());
        }

        List<ElementProvider> providers() {
            return List.copyOf(providers);
        }
    }
}
