package dev.elements.core.port.in;

/** The first step of provisioning: the provider login URL an application sends its user to. */
public interface GetAuthorizationUrlUseCase {
    AuthorizationUrl authorizationUrl(GetAuthorizationUrlCommand command);
}
