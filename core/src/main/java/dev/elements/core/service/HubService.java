package dev.elements.core.service;

import static java.util.Objects.requireNonNull;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ResourceDefinition;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.hub.HubCall;
import dev.elements.core.hub.HubResult;
import dev.elements.core.hub.PageRequest;
import dev.elements.core.hub.ResourceMatcher;
import dev.elements.core.instance.Configuration;
import dev.elements.core.instance.Instance;
import dev.elements.core.instance.InstanceSecrets;
import dev.elements.core.oauth.ProviderErrorClass;
import dev.elements.core.oauth.ProviderException;
import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.CallHubUseCase;
import dev.elements.core.port.in.HubRequest;
import dev.elements.core.port.in.HubResponse;
import dev.elements.core.port.in.PresentedCredentials;
import dev.elements.core.port.out.InstanceRepository;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.tenant.Principal;
import dev.elements.core.tenant.SecretDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls the provider through an instance: finds the instance from the element token, renews its
 * credentials first if they are due (once, however many calls arrive together), translates Cloud
 * Elements paging into the provider's cursors, retries what may be retried, and turns the provider's
 * refusals into the platform's answers. A rejected token makes the instance {@code NEEDS_REAUTH}.
 */
public final class HubService implements CallHubUseCase {
    static final Set<String> PAGING_PARAMETERS = Set.of("page", "pageSize", "nextPage");
    /** Cloud Elements' page size when the application names none, before {@code pagination.max} caps it. */
    static final int DEFAULT_PAGE_SIZE = 200;
    /**
     * The most provider pages one request walks to reach a {@code page} number: each is a provider
     * call on the application's quota, so deeper pages are reached with {@code nextPage} instead.
     */
    static final int MAX_PAGES_WALKED = 10;
    /** Attempts of a GET that failed for a passing reason, with these pauses in between. */
    static final List<Duration> RETRY_PAUSES = List.of(Duration.ofMillis(200), Duration.ofMillis(600));

    private final ElementRegistry registry;
    private final InstanceRepository instances;
    private final AuthenticateUseCase authentication;
    private final CredentialVault vault;
    private final RenewalService renewals;
    private final UsageGovernor usage;
    private final PageTokens pageTokens;
    private final RetryPolicy retries;
    private final ElementContext context;
    private final CredentialRejections rejections;

    HubService(ElementRegistry registry, InstanceRepository instances, AuthenticateUseCase authentication,
            CredentialVault vault, RenewalService renewals, UsageGovernor usage, PageTokens pageTokens,
            RetryPolicy retries, ElementContext context) {
        this.registry = requireNonNull(registry, "registry");
        this.instances = requireNonNull(instances, "instances");
        this.authentication = requireNonNull(authentication, "authentication");
        this.vault = requireNonNull(vault, "vault");
        this.renewals = requireNonNull(renewals, "renewals");
        this.usage = requireNonNull(usage, "usage");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens");
        this.retries = requireNonNull(retries, "retries");
        this.context = requireNonNull(context, "context");
        this.rejections = new CredentialRejections(instances, vault, context.clock());
    }

    @Override
    public void authenticate(PresentedCredentials credentials) {
        instanceOf(requireNonNull(credentials, "credentials"));
    }

    @Override
    public boolean takesUploads(PresentedCredentials credentials, String method, String path) {
        Instance instance = instanceOf(requireNonNull(credentials, "credentials"));
        List<ResourceDefinition> resources = registry.installed(instance.elementKey()).definition().resources();
        try {
            return ResourceMatcher.match(resources, method.toUpperCase(Locale.ROOT), path).resource()
                    .takesUploads();
        } catch (PlatformException noSuchResource) {
            // The call itself gives the answer (404, 405, 400) once the body is read as any other.
            return false;
        }
    }

    @Override
    public HubResponse call(HubRequest request) {
        Instance instance = instanceOf(request.credentials());
        try {
            return call(request, instance);
        } catch (PlatformException failure) {
            throw failure.concerning(instance.id());
        }
    }

    private HubResponse call(HubRequest request, Instance instance) {
        if (instance.disabled()) {
            throw new PlatformException(ErrorCode.INSTANCE_DISABLED, "Instance " + instance.id() + " is disabled");
        }
        RegisteredElement element = registry.installed(instance.elementKey());
        ResourceMatcher.Match match = ResourceMatcher.match(element.definition().resources(), request.method(),
                request.path());
        if (!match.resource().served()) {
            throw new PlatformException(ErrorCode.RESOURCE_REMOVED, request.method() + " " + match.resource().path()
                    + " is no longer served: the provider removed it. " + match.resource().replacement());
        }
        if (match.resource().paged() && first(request.query(), "nextPage").isEmpty()) {
            pageNumber(request);
        }
        if (!instance.valid()) {
            throw new PlatformException(ErrorCode.PROVIDER_TOKEN_REJECTED, "Instance " + instance.id()
                    + " needs a new authorization: " + instance.statusReason());
        }
        // One provider timeout for the whole client call: its inline renewal, pages and retries.
        CallDeadline deadline = CallDeadline.startingNow(context);
        Instance fresh = renewals.renewIfDue(instance, deadline);
        InstanceSecrets secrets = vault.open(fresh);
        Configuration configuration = ConfigurationPolicy.effective(element.definition(), fresh, secrets);
        element.provider().usageBuckets(configuration, secrets.tokens()).forEach(usage::beforeCall);

        ResourceDefinition resource = match.resource();
        String resourceKey = request.method() + " " + request.path();
        Map<String, List<String>> query = new LinkedHashMap<>(request.query());
        query.keySet().removeAll(PAGING_PARAMETERS);
        Paging paging = resource.paged() ? paging(request, fresh, resourceKey, configuration) : null;
        HubResult result = null;
        PageRequest page = paging == null ? null : new PageRequest(paging.pageSize(), paging.cursor());
        int walks = paging == null ? 1 : paging.pagesToWalk();
        boolean removeNulls = configuration.flag(CommonConfiguration.FILTER_RESPONSE_NULLS, true);
        for (int walked = 1; walked <= walks; walked++) {
            HubCall call = new HubCall(resource, match.pathParameters(), query, request.where(), request.body(),
                    secrets.tokens(), configuration, page, removeNulls, request.contentType());
            result = callWhere(element, fresh, call, deadline);
            if (walked < walks) {
                if (result.nextCursor() == null) {
                    result = new HubResult(200, "[]".getBytes(StandardCharsets.UTF_8), 0, null, null);
                    break;
                }
                page = new PageRequest(paging.pageSize(), result.nextCursor());
            }
        }
        String nextPage = paging == null || result.nextCursor() == null
                ? null
                : pageTokens.issue(fresh.id(), resourceKey, new PageTokens.Page(result.nextCursor(),
                        paging.pageSize()), context.clock().instant());
        return new HubResponse(fresh.id(), result.status(), result.body(), result.itemCount(), nextPage);
    }

    /** The call, with a refused {@code where} named after the element, which the plugin's hub client does not know. */
    private HubResult callWhere(RegisteredElement element, Instance instance, HubCall call, CallDeadline deadline) {
        try {
            return callWithRetries(element, instance, call, deadline);
        } catch (PlatformException refused) {
            if (refused.code() != ErrorCode.WHERE_NOT_SUPPORTED) {
                throw refused;
            }
            throw new PlatformException(ErrorCode.WHERE_NOT_SUPPORTED, "where: element "
                    + element.definition().key() + ": " + refused.getMessage());
        }
    }

    /**
     * @param pageSize items per page, capped by {@code pagination.max}
     * @param cursor where to start (a {@code nextPage} token), or null for the first page
     * @param pagesToWalk how many provider pages to read to reach the page asked for
     */
    private record Paging(int pageSize, String cursor, int pagesToWalk) {
    }

    private Paging paging(HubRequest request, Instance instance, String resourceKey, Configuration configuration) {
        int maximum = (int) Math.min(Integer.MAX_VALUE,
                configuration.positiveNumber(CommonConfiguration.PAGINATION_MAX, DEFAULT_PAGE_SIZE));
        Optional<String> nextPage = first(request.query(), "nextPage");
        Optional<Integer> pageSize = first(request.query(), "pageSize").map(value -> positive("pageSize", value));
        if (nextPage.isPresent()) {
            PageTokens.Page page = pageTokens.open(nextPage.get(), instance.id(), resourceKey,
                    context.clock().instant());
            return new Paging(Math.min(pageSize.orElse(page.pageSize()), maximum), page.cursor(), 1);
        }
        int number = pageNumber(request);
        return new Paging(Math.min(pageSize.orElse(DEFAULT_PAGE_SIZE), maximum), null, number);
    }

    /** The page asked for, 1 when none; refused before anything is called when it is out of reach. */
    private static int pageNumber(HubRequest request) {
        int number = first(request.query(), "page").map(value -> positive("page", value)).orElse(1);
        if (number > MAX_PAGES_WALKED) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, "page may be at most " + MAX_PAGES_WALKED
                    + ", because each page before it is a call to the provider; for later pages follow nextPage"
                    + " (the Elements-Next-Page-Token header of the previous page)");
        }
        return number;
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PlatformException(ErrorCode.INVALID_FIELD, name + " must be a whole number of 1 or more");
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private HubResult callWithRetries(RegisteredElement element, Instance instance, HubCall call,
            CallDeadline deadline) {
        boolean retryable = call.resource().method().equals("GET");
        for (int attempt = 1; ; attempt++) {
            try {
                HubResult result = element.provider().callHub(call, deadline);
                result.usageIfKnown().ifPresent(reading -> usage.observed(reading, null));
                return result;
            } catch (ProviderException e) {
                e.error().usageIfKnown().ifPresent(reading -> usage.observed(reading, e.error().retryAfter()));
                if (retryable && e.errorClass() == ProviderErrorClass.TRANSIENT
                        && pauseBeforeRetry(attempt, deadline.remaining())) {
                    continue;
                }
                if (e.errorClass().rejectsCredentials()) {
                    rejections.record(instance, call.tokens().accessToken(), e);
                }
                throw ProviderFailures.duringCall(e, element.key().value());
            }
        }
    }

    /**
     * The instance the element token names; User and Organization, or the User alone, when sent,
     * must be its organization's. Refusals before this point name no instance.
     */
    private Instance instanceOf(PresentedCredentials credentials) {
        if (credentials.elementToken() == null) {
            throw new PlatformException(ErrorCode.MISSING_CREDENTIALS,
                    "Hub calls need an Authorization header with an Element token");
        }
        Instance instance = instances.findByTokenDigest(SecretDigest.of(credentials.elementToken()))
                .orElseThrow(() -> new PlatformException(ErrorCode.INVALID_CREDENTIALS, "Invalid Element token"));
        if (credentials.userSecret() != null || credentials.organizationSecret() != null) {
            Principal principal = authentication.authenticateWithElementToken(credentials);
            if (!principal.organizationId().equals(instance.organizationId())) {
                throw new PlatformException(ErrorCode.INVALID_CREDENTIALS,
                        "The Element token does not belong to this organization");
            }
        }
        return instance;
    }

    private boolean pauseBeforeRetry(int failedAttempts, Duration timeLeft) {
        try {
            return retries.pauseBeforeRetry(failedAttempts, timeLeft);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(ErrorCode.INTERNAL_ERROR, "Interrupted while waiting to retry");
        }
    }
}
