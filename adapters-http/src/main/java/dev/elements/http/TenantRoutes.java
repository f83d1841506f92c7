package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static java.util.Objects.requireNonNull;

import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.UserId;
import io.javalin.http.Context;

/**
 * {@code /organizations} and {@code /users}. Who may do what is core's call: administrators manage
 * their organization's users, others read only themselves, and a user of another organization is
 * not there (404). {@code /organizations/users[/{id}]} is Cloud Elements' other spelling of the
 * user routes.
 */
final class TenantRoutes {
    private final ManageTenantsUseCase tenants;
    private final RequestBodies bodies;
    private final JsonCodec json;

    TenantRoutes(ManageTenantsUseCase tenants, RequestBodies bodies, JsonCodec json) {
        this.tenants = requireNonNull(tenants, "tenants");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    /** The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. */
    void declare() {
        path("organizations", () -> {
            // The operator is checked before the body is read: with the route off, nothing about it is revealed.
            post(this::createOrganization, Access.OPERATOR);
            path("users", () -> {
                post(this::addUser, Access.CALLER);
                get(this::users, Access.CALLER);
                get("{id}", this::user, Access.CALLER);
                patch("{id}", this::updateUser, Access.CALLER);
            });
        });
        path("users", () -> {
            get(this::users, Access.CALLER);
            get("{id}", this::user, Access.CALLER);
            patch("{id}", this::updateUser, Access.CALLER);
            post("{id}/secret", this::regenerateSecret, Access.CALLER);
        });
    }

    private void createOrganization(Context ctx) {
        json.respond(ctx, 200, OrganizationView.of(tenants.createOrganization(
                bodies.bind(ctx, TenantRequests.NewOrganization.class).command())));
    }

    private void addUser(Context ctx) {
        Principal principal = Callers.principal(ctx);
        json.respond(ctx, 200, UserView.withSecret(tenants.addUser(principal,
                bodies.bind(ctx, TenantRequests.NewUser.class).command())));
    }

    private void users(Context ctx) {
        Principal principal = Callers.principal(ctx);
        json.respond(ctx, 200, tenants.users(principal, WhereParameter.parse(ctx.queryParam("where"))).stream()
                .map(UserView::of).toList());
    }

    private void user(Context ctx) {
        Principal principal = Callers.principal(ctx);
        json.respond(ctx, 200, UserView.of(tenants.user(principal, PathIds.user(ctx.pathParam("id")))));
    }

    /** The user is looked up before the body is read: another organization's user is a 404 whatever the body. */
    private void updateUser(Context ctx) {
        Principal principal = Callers.principal(ctx);
        UserId id = PathIds.user(ctx.pathParam("id"));
        tenants.user(principal, id);
        json.respond(ctx, 200, UserView.of(tenants.updateUser(principal, id,
                bodies.bind(ctx, TenantRequests.UserChanges.class).command())));
    }

    private void regenerateSecret(Context ctx) {
        Principal principal = Callers.principal(ctx);
        json.respond(ctx, 200, UserView.withSecret(tenants.regenerateSecret(principal,
                PathIds.user(ctx.pathParam("id")))));
    }
}
