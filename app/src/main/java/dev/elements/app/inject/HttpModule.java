package dev.elements.app.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.elements.app.config.HttpSettings;
import dev.elements.core.Elements;
import dev.elements.http.ApiUseCases;
import dev.elements.http.HttpApi;
import dev.elements.http.HttpApiSettings;

/** The HTTP API over the use cases. */
public final class HttpModule extends AbstractModule {
    private final HttpSettings http;

    public HttpModule(HttpSettings http) {
        this.http = requireNonNull(http, "http");
    }

    @Provides
    @Singleton
    HttpApi httpApi(Elements elements) {
        return new HttpApi(ApiUseCases.of(elements),
                HttpApiSettings.defaults().withMaxBodyBytes(http.maxBodyBytes())
                        .withBodyReadTimeout(http.bodyReadTimeout())
                        .withMaxThreads(http.maxThreads())
                        .withFailedAuthentications(http.maxFailedAuthentications(), http.failedAuthenticationWindow()));
    }
}
