package dev.elements.http;

import dev.elements.core.port.in.OrganizationDescription;

/** The answer of {@code POST /organizations}: the organization and its first administrator, both secrets this once. */
record OrganizationView(long id, String name, String createdDate, String secret, UserView user) {

    static OrganizationView of(OrganizationDescription created) {
        return new OrganizationView(created.organization().id().value(), created.organization().name(),
                UserView.date(created.organization().createdAt()), created.secret(),
                UserView.withSecret(created.administrator()));
    }

    @Override
    public String toString() {
        return "OrganizationView[id=" + id + "]";
    }
}
