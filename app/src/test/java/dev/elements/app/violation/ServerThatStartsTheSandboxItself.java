package dev.elements.app.violation;

import dev.elements.sandbox.facebook.SandboxFacebook;

/** Deliberately wrong, for {@code ArchitectureTest}: wiring outside demo mode reaching the sandbox Facebook. */
public final class ServerThatStartsTheSandboxItself {
    private SandboxFacebook facebook;
}
