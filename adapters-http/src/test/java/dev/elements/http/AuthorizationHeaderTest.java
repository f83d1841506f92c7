package dev.elements.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.error.ErrorType;
import dev.elements.core.error.PlatformException;
import dev.elements.core.port.in.PresentedCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationHeaderTest {

    @Test
    void readsEveryTypeInAnyOrder() {
        PresentedCredentials credentials = AuthorizationHeader.parse(
                "Element e1, Organization o1,User u1 ,  Operator op1");

        assertThat(credentials.userSecret()).isEqualTo("u1");
        assertThat(credentials.organizationSecret()).isEqualTo("o1");
        assertThat(credentials.elementToken()).isEqualTo("e1");
        assertThat(credentials.operatorSecret()).isEqualTo("op1");
    }

    @Test
    void absentTypesAreNull() {
        PresentedCredentials credentials = AuthorizationHeader.parse("User u1, Element e1");

        assertThat(credentials.organizationSecret()).isNull();
        assertThat(credentials.operatorSecret()).isNull();
    }

    @Test
    void typesAreCaseInsensitive() {
        assertThat(AuthorizationHeader.parse("user u1, ORGANIZATION o1").organizationSecret()).isEqualTo("o1");
    }

    @Test
    void noHeaderIsNoCredentials() {
        assertThat(AuthorizationHeader.parse(null)).isEqualTo(PresentedCredentials.none());
        assertThat(AuthorizationHeader.parse("   ")).isEqualTo(PresentedCredentials.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"just-a-secret-value", "User", "User a b", "User a,", ",User a", "User a,, Organization b",
            "User=a", "Basic dXNlcjpwYXNz", "Bearer token-value"})
    void malformedOrUnknownIsRefusedWithoutEchoingValues(String header) {
        assertThatThrownBy(() -> AuthorizationHeader.parse(header))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.UNAUTHENTICATED);
                    assertThat(e.getMessage()).startsWith("Malformed Authorization header")
                            .doesNotContain("just-a-secret-value")
                            .doesNotContain("dXNlcjpwYXNz")
                            .doesNotContain("token-value");
                });
    }

    @Test
    void aTypeGivenTwiceIsRefused() {
        assertThatThrownBy(() -> AuthorizationHeader.parse("User a, Organization b, user canary-second-user"))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("User is given more than once")
                .hasMessageNotContaining("canary-second-user");
    }
}
