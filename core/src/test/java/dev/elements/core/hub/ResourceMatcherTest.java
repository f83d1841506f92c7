package dev.elements.core.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.element.ParameterShape;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceMatcherTest {
    private static final List<ResourceDefinition> RESOURCES = List.of(
            new ResourceDefinition("user/{id}", "GET", "/{id}", "GET", "a user", false),
            new ResourceDefinition("user/{id}/status", "GET", "/{id}/posts", "GET", "posts", true),
            new ResourceDefinition("user/{id}/status", "POST", "/{id}/feed", "POST", "post", false),
            new ResourceDefinition("user/comment/{id}", "DELETE", "/{id}", "DELETE", "a comment", false),
            new ResourceDefinition("user/{id}/{edge}", "DELETE", "/{id}/{edge}", "DELETE", "anything", false));

    @Test
    void bindsPlaceholdersAndPrefersLiteralSegments() {
        ResourceMatcher.Match user = ResourceMatcher.match(RESOURCES, "GET", "/user/me/");
        ResourceMatcher.Match comment = ResourceMatcher.match(RESOURCES, "DELETE", "user/comment/42");

        assertThat(user.resource().vendorPath()).isEqualTo("/{id}");
        assertThat(user.pathParameters()).isEqualTo(Map.of("id", "me"));
        assertThat(comment.resource().path()).isEqualTo("user/comment/{id}");
        assertThat(comment.pathParameters()).isEqualTo(Map.of("id", "42"));
        assertThat(ResourceMatcher.match(RESOURCES, "POST", "user/10/status").resource().vendorPath())
                .isEqualTo("/{id}/feed");
    }

    @Test
    void anUnknownPathIsNotFoundAndAKnownOneWithAnotherVerbIsNotSupported() {
        assertThatThrownBy(() -> ResourceMatcher.match(RESOURCES, "GET", "user/.."))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
        assertThatThrownBy(() -> ResourceMatcher.match(RESOURCES, "GET", "groups/1"))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
        assertThatThrownBy(() -> ResourceMatcher.match(RESOURCES, "PUT", "user/10/status"))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("GET").contains("POST");
                });
    }

    @Test
    void valuesAreCheckedAgainstTheShapesTheResourceDeclaresLengthFirst() {
        ParameterShape digits = ParameterShape.matching("[0-9]+", 5, "a number");
        List<ResourceDefinition> shaped = List.of(
                new ResourceDefinition("user/{id}", "GET", "/{id}", "GET", "a user", false)
                        .withParameterShape("id", digits),
                new ResourceDefinition("user/comment/{id}", "DELETE", "/{id}", "DELETE", "a comment", false));

        assertThat(ResourceMatcher.match(shaped, "GET", "user/12345").pathParameters()).containsEntry("id", "12345");
        assertThat(ResourceMatcher.match(shaped, "DELETE", "user/comment/x_y").pathParameters())
                .containsEntry("id", "x_y");
        for (String value : List.of("debug_token", "123456", "12a")) {
            assertThatThrownBy(() -> ResourceMatcher.match(shaped, "GET", "user/" + value))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                        assertThat(e.getMessage()).isEqualTo("The path parameter {id} of user/{id} must be a number");
                    });
        }
        assertThatThrownBy(() -> new ResourceDefinition("user/{id}", "GET", "/{id}", "GET", "a user", false)
                .withParameterShape("edge", digits)).isInstanceOf(IllegalArgumentException.class);
    }
}
