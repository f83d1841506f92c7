package dev.elements.core.port.out;

/** One thing the platform needs to serve requests, such as its database. */
public interface ReadinessCheck {
    String name();

    /** Whether it works now; must answer within a second or two and never throw. */
    boolean ready();
}
