package dev.elements.core.fake.oauth2;

/** Answers requests to one protected route; runs under the provider's lock. */
@FunctionalInterface
public interface ResourceHandler {
    FakeResponse handle(ProtectedRequest request);
}
