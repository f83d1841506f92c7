package dev.elements.facebook;

import dev.elements.core.element.ParameterShape;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.facebook.GraphOperation.Answer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The social hub resources, as Cloud Elements exposed them, mapped to Graph paths. */
final class FacebookResources {
    /** A post, comment or page: Graph ids only. */
    private static final ParameterShape OBJECT = ParameterShape.matching(FacebookFacts.ID_PATTERN,
            FacebookFacts.ID_MAX_LENGTH, "a Facebook id (digits, or digits_digits)");
    /** A user or page by id, or {@code me} for the token's own. */
    private static final ParameterShape USER = ParameterShape.matching(FacebookFacts.ID_OR_ME_PATTERN,
            FacebookFacts.ID_MAX_LENGTH, "a Facebook id (digits, or digits_digits) or me");

    static final List<GraphOperation> OPERATIONS = List.of(
            operation("ping", "GET", "/me", "GET",
                    "Checks that the instance's token works; answers {\"id\": <the token's user or page>, \"status\":"
                            + " \"ok\"}", Answer.PING, Map.of("fields", "id")),
            object("user/me", "/me", "The user who authorized the instance"),
            object("user/{id}", "/{id}", "A user by id"),
            list("user/{id}/friends", "/{id}/friends", "The user's friends who use the app"),
            list("user/{id}/permissions", "/{id}/permissions", "The permissions granted or declined to the app"),
            list("user/{id}/accounts", "/{id}/accounts", "The pages the user manages (without their tokens)"),
            list("user/{id}/photos", "/{id}/photos", "The user's photos; type=uploaded for those they uploaded"),
            list("user/{id}/videos", "/{id}/videos", "The user's videos"),
            list("user/{id}/likes", "/{id}/likes", "The pages the user likes"),
            list("user/{id}/status", "/{id}/posts", "The posts the user or page wrote on its own feed"),
            operation("user/{id}/status", "POST", "/{id}/feed", "POST",
                    "Posts to a page's feed ({message, link}); answers the new post's id", Answer.OBJECT, Map.of()),
            object("status/{id}", "/{id}", "A post by id"),
            operation("status/{id}", "DELETE", "/{id}", "DELETE", "Deletes a post", Answer.OBJECT, Map.of()),
            list("status/{id}/comments", "/{id}/comments", "The comments on a post"),
            operation("status/{id}/comments", "POST", "/{id}/comments", "POST",
                    "Comments on a post ({message}); answers the new comment's id", Answer.OBJECT, Map.of()),
            list("status/{id}/likes", "/{id}/likes", "Who likes a post"),
            operation("status/{id}/like", "POST", "/{id}/likes", "POST", "Likes a post", Answer.OBJECT, Map.of()),
            operation("user/comment/{id}", "DELETE", "/{id}", "DELETE", "Deletes a comment", Answer.OBJECT,
                    Map.of()),
            list("pages", "/me/accounts", "The pages the user manages (without their tokens)"),
            operation("pages/{id}/page-access-token", "GET", "/{id}", "GET",
                    "A page's {id, name, access_token}: a page token, for the page's admin", Answer.PAGE_TOKEN,
                    Map.of("fields", "id,name,access_token")));

    static final List<ResourceDefinition> ALL = OPERATIONS.stream().map(GraphOperation::resource).toList();

    private FacebookResources() {
    }

    /** The operation behind a resource the platform matched, by its verb and path. */
    static Optional<GraphOperation> operationFor(ResourceDefinition resource) {
        return OPERATIONS.stream()
                .filter(operation -> operation.resource().method().equals(resource.method())
                        && operation.resource().path().equals(resource.path()))
                .findFirst();
    }

    private static GraphOperation object(String path, String vendorPath, String description) {
        return operation(path, "GET", vendorPath, "GET", description, Answer.OBJECT, Map.of());
    }

    private static GraphOperation list(String path, String vendorPath, String description) {
        return operation(path, "GET", vendorPath, "GET", description, Answer.LIST, Map.of());
    }

    private static GraphOperation operation(String path, String method, String vendorPath, String vendorMethod,
            String description, Answer answer, Map<String, String> fixedQuery) {
        ResourceDefinition resource = new ResourceDefinition(path, method, vendorPath, vendorMethod, description,
                answer == Answer.LIST);
        if (path.contains("{id}")) {
            resource = resource.withParameterShape("id", path.startsWith("user/{id}") ? USER : OBJECT);
        }
        return new GraphOperation(resource, fixedQuery, answer);
    }
}
