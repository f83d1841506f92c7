package dev.elements.sandbox.violation;

import dev.elements.core.element.ElementKey;

/** Deliberately wrong, for {@code ArchitectureTest}: a sandbox Facebook that reaches into the platform. */
public final class SandboxThatKnowsThePlatform {
    private ElementKey element;
}
