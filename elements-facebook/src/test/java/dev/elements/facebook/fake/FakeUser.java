package dev.elements.facebook.fake;

/**
 * A person on the fake Facebook. Ids are numeric strings, as Facebook's app-scoped user ids are.
 *
 * @param id the app-scoped user id, e.g. {@code 10000000000123}
 * @param name the full name ({@code name})
 * @param firstName {@code first_name}
 * @param lastName {@code last_name}
 * @param email {@code email}; Graph shows it only to a token granted the {@code email} permission
 */
public record FakeUser(String id, String name, String firstName, String lastName, String email) {
}
