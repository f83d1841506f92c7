package dev.elements.http;

import static java.util.Objects.requireNonNull;

import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /organizations} and {@code /users}. Who may do what is core's call: administrators manage
 * their organization's users, others read only themselves, and a user of another organization is
 * not there (404). {@code /organizations/users[/{id}]} is Cloud Elements' other spelling of the
 * user routes.
 */
final class TenantRoutes {
    private final ManageTenantsUseCase tenants;
    private final Callers callers;
    private final RequestBodies bodies;
    private final JsonCodec json;

    TenantRoutes(ManageTenantsUseCase tenants, Callers callers, RequestBodies bodies, JsonCodec json) {
        this.tenants = requireNonNull(tenants, "tenants");
        this.callers = requireNonNull(callers, "callers");
        this.bodies = requireNonNull(bodies, "bodies");
        this.json = requireNonNull(json, "json");
    }

    void addTo(RoutesConfig routes) {
        String organizations = HttpApi.BASE_PATH + "/organizations";
        String users = HttpApi.BASE_PATH + "/users";
        routes.post(organizations, this::createOrganization);
        routes.post(organizations + "/users", this::addUser);
        routes.get(organizations + "/users", this::users);
        routes.get(organizations + "/users/{id}", this::user);
        routes.patch(organizations + "/users/{id}", this::updateUser);
        routes.get(users, this::users);
        routes.get(users + "/{id}", this::user);
        routes.patch(users + "/{id}", this::updateUser);
        routes.post(users + "/{id}/secret", this::regenerateSecret);
    }

    /** The operator is checked before the body is read: with the route off, nothing about it is revealed. */
    private void createOrganization(Context ctx) {
        callers.operator(ctx);
        json.respond(ctx, 200, OrganizationView.of(tenants.createOrganization(
                TenantRequests.organization(bodies.object(ctx)))));
    }

    private void addUser(Context ctx) {
        Principal principal = callers.principal(ctx);
        json.respond(ctx, 200, UserView.withSecret(tenants.addUser(principal,
                TenantRequests.newUser(bodies.object(ctx)))));
    }

    private void users(Context ctx) {
        Principal principal = callers.principal(ctx);
        json.respond(ctx, 200, tenants.users(principal).stream().map(UserView::of).toList());
    }

    private void user(Context ctx) {
        Principal principal = callers.principal(ctx);
        json.respond(ctx, 200, UserView.of(tenants.user(principal, PathIds.user(ctx.pathParam("id")))));
    }

    /** The user is looked up before the body is read: another organization's user is a 404 whatever the body. */
    private void updateUser(Context ctx) {
        Principal principal = callers.principal(ctx);
        UserId id = PathIds.user(ctx.pathParam("id"));
        tenants.user(principal, id);
        json.respond(ctx, 200, UserView.of(tenants.updateUser(principal, id,
                TenantRequests.userChanges(bodies.object(ctx)))));
    }

    private void regenerateSecret(Context ctx) {
        Principal principal = callers.principal(ctx);
        json.respond(ctx, 200, UserView.withSecret(tenants.regenerateSecret(principal,
                PathIds.user(ctx.pathParam("id")))));
    }
}
