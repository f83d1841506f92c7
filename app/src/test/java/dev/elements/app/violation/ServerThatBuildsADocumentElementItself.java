package dev.elements.app.violation;

import dev.elements.declarative.DeclarativeElementProvider;

/** Deliberately wrong, for {@code ArchitectureTest}: the server reaching past the loader into an element. */
public final class ServerThatBuildsADocumentElementItself {
    private DeclarativeElementProvider element;
}
