package dev.elements.core.tenant;

import java.util.Arrays;
import java.util.Optional;

/** The Cloud Elements roles within an organization. */
public enum Role {
    ORG_ADMIN("org-admin"),
    ORG("org");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Role> fromKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }
}
