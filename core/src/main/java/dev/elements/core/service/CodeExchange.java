package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.CredentialState;
import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.port.out.PlatformMetrics;
import dev.elements.core.port.out.PlatformMetrics.ProviderOperation;
import dev.elements.core.spi.ElementContext;
import java.lang.System.Logger.Level;
import java.time.Duration;

/** Trades a callback code (or tokens the application holds) for credentials; shared by provisioning and re-authorization. */
final class CodeExchange {
    private static final System.Logger LOG = System.getLogger(CodeExchange.class.getName());
    static final Duration DEFAULT_RENEWAL_INTERVAL = Duration.ofHours(1);

    private final ElementContext context;
    private final PkceVerifiers verifiers;
    private final ProviderCalls calls;

    CodeExchange(ElementContext context, PkceVerifiers verifiers, PlatformMetrics metrics) {
        this.context = requireNonNull(context, "context");
        this.verifiers = requireNonNull(verifiers, "verifiers");
        this.calls = new ProviderCalls(metrics);
    }

    /**
     * Asks the provider; a refusal becomes the request's fault, an outage a 502 or 504. For an
     * element that uses PKCE, the verifier kept for {@code state} goes with the code, and is kept
     * again when the provider could not answer, so that a retry works.
     *
     * @param state the state the callback carried; required for an element that uses PKCE
     */
    TokenSet exchange(RegisteredElement element, String code, String state, Configuration configuration) {
        PkceVerifiers.Verifier verifier = element.provider().usesPkce() ? verifiers.take(element.key(), state) : null;
        AuthorizationCode authorizationCode = verifier == null
                ? AuthorizationCode.of(code)
                : new AuthorizationCode(code, verifier.value());
        try {
            // The exchange may take several provider calls; together they get one provider timeout.
            return calls.measure(element.key(), ProviderOperation.CODE_EXCHANGE, () -> element.provider()
                    .exchangeCode(authorizationCode, configuration, CallDeadline.startingNow(context)));
        } catch (ProviderException e) {
            LOG.log(Level.INFO, "Code exchange for element {0} failed: {1} ({2})", element.key(), e.errorClass(),
                    e.getMessage());
            if (verifier != null && providerNeverSawTheCode(e)) {
                verifiers.restore(verifier);
            }
            throw ProviderFailures.duringAuthorization(e, element.key().value());
        }
    }

    /**
     * Has the provider check tokens the application already holds, and learns what a code exchange
     * would have taught (user, expiry, scopes). Nothing is stored when it refuses them.
     */
    TokenSet adopt(RegisteredElement element, TokenSet given, Configuration configuration) {
        try {
            return calls.measure(element.key(), ProviderOperation.TOKEN_ADOPTION,
                    () -> element.provider().adoptTokens(given, configuration, CallDeadline.startingNow(context)));
        } catch (ProviderException e) {
            LOG.log(Level.INFO, "Adopting tokens for element {0} failed: {1} ({2})", element.key(), e.errorClass(),
                    e.getMessage());
            throw ProviderFailures.duringAdoption(e, element.key().value());
        }
    }

    /** An outage or a limit, not a refusal: the code is likely still good, and needs its verifier. */
    private static boolean providerNeverSawTheCode(ProviderException failure) {
        return switch (failure.errorClass()) {
            case TRANSIENT, TIMEOUT, RATE_LIMITED -> true;
            default -> false;
        };
    }

    /** The state of credentials just obtained, renewed on the instance's interval. */
    CredentialState freshState(RegisteredElement element, TokenSet tokens, Configuration configuration) {
        return CredentialState.obtained(context.clock().instant(), tokens.expiresAt(),
                renewalInterval(configuration), element.provider().renewBeforeExpiry());
    }

    static Duration renewalInterval(Configuration configuration) {
        return configuration.seconds(CommonConfiguration.REFRESH_INTERVAL, DEFAULT_RENEWAL_INTERVAL);
    }
}
