package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.delete;
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
                delete("{id}", this::deleteUser, Access.CALLER);
            });
        });
        path("users", () -> {
            get(this::users, Access.CALLER);
            get("{id}", this::user, Access.CALLER);
            patch("{id}", this::updateUser, Access.CALLER);
            delete("{id}", this::deleteUser, Access.CALLER);
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

    /**
     * Cloud Elements' {@code GET /users/{emailOrId}}: an id is digits and an email address has an
     * {@code @}, so one segment names either without doubt.
     */
    private void user(Context ctx) {
        Principal principal = Callers.principal(ctx);
        String emailOrId = ctx.pathParam("id");
        json.respond(ctx, 200, UserView.of(emailOrId.contains("@")
                ? tenants.userByEmail(principal, emailOrId)
                : tenants.user(principal, PathIds.user(emailOrId))));
    }

    private void deleteUser(Context ctx) {
        tenants.deleteUser(Callers.principal(ctx), PathIds.user(ctx.pathParam("id")));
        InstanceRoutes.respondDeleted(ctx, json);
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
