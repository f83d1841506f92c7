package dev.elements.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.elements.core.port.in.UserDescription;
import dev.elements.core.tenant.Role;
import dev.elements.core.tenant.User;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A user as Cloud Elements shows one. {@code email} repeats {@code emailAddress} because Cloud
 * Elements' own user JSON calls it that; {@code secret} appears only in the answer that made it,
 * and never as a digest.
 */
record UserView(
        long id,
        String emailAddress,
        String email,
        String firstName,
        String lastName,
        String fullName,
        boolean active,
        boolean enabled,
        String createdDate,
        List<RoleView> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static UserView of(User user) {
        return of(user, null);
    }

    static UserView withSecret(UserDescription description) {
        return of(description.user(), description.secretShownOnce().orElse(null));
    }

    private static UserView of(User user, String secret) {
        String fullName = (user.firstName() + " " + user.lastName()).strip();
        return new UserView(user.id().value(), user.emailAddress(), user.emailAddress(), user.firstName(),
                user.lastName(), fullName, user.active(), user.active(), date(user.createdAt()),
                List.of(RoleView.of(user.role())), secret);
    }

    static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Never the secret: views are the one place it exists in full. */
    @Override
    public String toString() {
        return "UserView[id=" + id + ", secret=" + (secret != null) + "]";
    }

    /** A role as Cloud Elements lists it. */
    record RoleView(String key, String name) {
        static RoleView of(Role role) {
            return new RoleView(role.key(), switch (role) {
                case ORG_ADMIN -> "Organization Administrator";
                case ORG -> "Organization User";
            });
        }
    }
}
