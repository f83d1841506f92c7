/**
 * Fakes of GitHub and LinkedIn over real HTTP, built on core's generic fake OAuth2 provider
 * ({@code dev.elements.core.fake.oauth2}). Each follows the documentation named in
 * {@code dev.elements.declarative}'s package description; what that documentation leaves open (the
 * wording of messages, LinkedIn's answer to a missing version header, which is 400 here) is
 * <em>inferred</em>.
 */
package dev.elements.declarative.fake;
