package dev.elements.app.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.elements.app.config.HttpSettings;
import dev.elements.core.port.in.AuthenticateUseCase;
import dev.elements.core.port.in.CallHubUseCase;
import dev.elements.core.port.in.CheckHealthUseCase;
import dev.elements.core.port.in.DescribeElementsUseCase;
import dev.elements.core.port.in.GetAuthorizationUrlUseCase;
import dev.elements.core.port.in.ManageCredentialKeysUseCase;
import dev.elements.core.port.in.ManageEventsUseCase;
import dev.elements.core.port.in.ManageInstancesUseCase;
import dev.elements.core.port.in.ManageTenantsUseCase;
import dev.elements.core.port.in.ProvisionInstanceUseCase;
import dev.elements.core.port.in.ReceiveProviderEventsUseCase;
import dev.elements.http.ApiUseCases;
import dev.elements.http.HttpApi;
import dev.elements.http.HttpApiSettings;

/**
 * Binds the inbound HTTP adapter: {@link HttpApi}, built from the use cases {@link CoreModule}
 * binds, with the body size limit from the settings. The adapter never sees how core was built.
 */
public final class HttpModule extends AbstractModule {
    private final HttpSettings http;

    public HttpModule(HttpSettings http) {
        this.http = requireNonNull(http, "http");
    }

    @Provides
    @Singleton
    HttpApi httpApi(DescribeElementsUseCase elements, GetAuthorizationUrlUseCase authorizationUrls,
            ProvisionInstanceUseCase provisioning, ManageInstancesUseCase instances, ManageTenantsUseCase tenants,
            ManageCredentialKeysUseCase credentialKeys, AuthenticateUseCase authentication,
            CheckHealthUseCase health, CallHubUseCase hub, ReceiveProviderEventsUseCase receiveEvents,
            ManageEventsUseCase events) {
        return new HttpApi(new ApiUseCases(elements, authorizationUrls, provisioning, instances, tenants,
                credentialKeys, authentication, health, hub, receiveEvents, events),
                HttpApiSettings.defaults().withMaxBodyBytes(http.maxBodyBytes())
                        .withBodyReadTimeout(http.bodyReadTimeout())
                        .withMaxUploadBytes(http.maxUploadBytes())
                        .withMaxThreads(http.maxThreads())
                        .withFailedAuthentications(http.maxFailedAuthentications(), http.failedAuthenticationWindow())
                        .withCorsOrigins(http.corsOrigins()));
    }
}
