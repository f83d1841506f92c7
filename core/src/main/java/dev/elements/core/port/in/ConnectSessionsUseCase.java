package dev.elements.core.port.in;

import dev.elements.core.tenant.Principal;
import java.net.URI;
import java.util.Optional;

/**
 * The hosted connect flow: an application makes a session and hands its user the page's link; the
 * user logs in at the provider from that page; the platform makes the instance and sends the
 * browser back to the application, which reads the session for the instance and its token.
 */
public interface ConnectSessionsUseCase {
    /** Checks now what {@code POST /instances} would check, so that the user never meets a broken page. */
    ConnectSessionCreated create(CreateConnectSessionCommand command);

    /**
     * The page of session {@code id}, with the provider's login for it while it is pending.
     *
     * @param callbackUrl the platform's {@code /connect/callback}
     * @return empty when there is no such session (the page is open to anyone who has the link)
     */
    Optional<ConnectPage> page(String id, URI callbackUrl);

    /** Takes the login's state (once), exchanges the code and makes the instance; never throws for the provider's or the person's doing. */
    ConnectOutcome complete(ConnectCallbackCommand command);

    /** @throws dev.elements.core.error.PlatformException {@code CONNECT_SESSION_NOT_FOUND}, also for another organization's */
    ConnectSessionState session(Principal principal, String id);
}
