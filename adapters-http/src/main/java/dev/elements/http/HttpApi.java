package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.path;
import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cloud Elements compatible HTTP API over the platform's use cases, served by Javalin (Jetty).
 * One instance serves once: {@link #start} then {@link #stop}.
 *
 * <p>This is the HTTP module's one place of wiring: every route group, the caller resolution and
 * the one exception mapper are built here from the use cases in {@link ApiUseCases}.
 */
public final class HttpApi {
    /** Where Cloud Elements serves its platform API; every route but {@code /health} lives below it. */
    public static final String BASE_PATH = "/elements/api-v2";

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Duration IDLE_THREAD_TIMEOUT = Duration.ofMinutes(1);

    private final HttpApiSettings settings;
    private final RouteTable routeTable = new RouteTable();
    private final Javalin app;
    private boolean started;
    private boolean stopped;

    /** The API over these use cases; every route of API.md. */
    public HttpApi(ApiUseCases useCases, HttpApiSettings settings) {
        this(useCases, settings, Clock.systemUTC());
    }

    /** @param clock what the window of failed authentications is measured by */
    HttpApi(ApiUseCases useCases, HttpApiSettings settings, Clock clock) {
        requireNonNull(useCases, "useCases");
        this.settings = requireNonNull(settings, "settings");
        requireNonNull(clock, "clock");

        JsonCodec json = new JsonCodec();
        RequestIds requestIds = new RequestIds();
        RequestBodies bodies = new RequestBodies(json, settings.maxBodyBytes(), settings.maxUploadBytes(),
                new BodyReads(settings.maxConcurrentBodyReads(), settings.bodyReadTimeout()));
        FailedAuthentications failures = new FailedAuthentications(settings.failedAuthenticationLimit(),
                settings.failedAuthenticationWindow(), clock);
        Callers callers = new Callers(useCases.authentication(), useCases.instances(), useCases.elements(),
                routeTable, failures);
        ErrorResponses errors = new ErrorResponses(json, requestIds);
        CrossOrigins crossOrigins = new CrossOrigins(settings.corsOrigins());
        ElementRoutes elementRoutes = new ElementRoutes(useCases.elements(), useCases.authorizationUrls(), bodies,
                json);
        InstanceRoutes instanceRoutes = new InstanceRoutes(useCases.provisioning(), useCases.instances(), bodies,
                json);
        ElementInstanceRoutes elementInstanceRoutes = new ElementInstanceRoutes(useCases.elements(),
                useCases.provisioning(), useCases.instances(), instanceRoutes, bodies, json);
        TenantRoutes tenantRoutes = new TenantRoutes(useCases.tenants(), bodies, json);
        OperatorRoutes operatorRoutes = new OperatorRoutes(useCases.credentialKeys(), json);
        HealthRoutes healthRoutes = new HealthRoutes(useCases.health(), json);
        HubRoutes hubRoutes = new HubRoutes(useCases.hub(), bodies, callers, routeTable);
        ObjectRoutes objectRoutes = new ObjectRoutes(json);
        EventRoutes eventRoutes = new EventRoutes(useCases.receiveEvents(), useCases.events(), bodies, json);
        DocsRoutes docsRoutes = new DocsRoutes(useCases.elements(), new OpenApiDocument(json.mapper()), json);

        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json.mapper(), false));
            configureServer(config, new JettyErrors(json, requestIds));
            GracefulStop.install(config, settings.stopTimeout());
            WireMethod.install(config);
            config.requestLogger.http(new RequestLog(requestIds));
            config.routes.before(ctx -> {
                requestIds.assign(ctx);
                crossOrigins.handle(ctx);
            });
            config.routes.beforeMatched(callers);
            // After the caller is resolved: an anonymous client's oversize body on a route that
            // needs credentials gets its 401 without a byte of it read.
            config.routes.beforeMatched(bodies::refuseDeclaredOversize);
            config.routes.apiBuilder(() -> {
                healthRoutes.declare();
                path(BASE_PATH, () -> {
                    elementRoutes.declare();
                    elementInstanceRoutes.declare();
                    docsRoutes.declare();
                    eventRoutes.declare();
                    instanceRoutes.declare();
                    tenantRoutes.declare();
                    operatorRoutes.declare();
                    healthRoutes.declare();
                    objectRoutes.declare();
                    hubRoutes.declare();
                    // Last: every route above wins over the hub-less form.
                    hubRoutes.declareHubLess();
                });
            });
            // One mapper for what handlers, before- and after-handlers and Javalin itself throw.
            // Javalin maps its own HttpResponseException (404, 405, 413...) unless that class is
            // claimed explicitly: the most specific registration wins.
            config.routes.exception(HttpResponseException.class, errors::handle);
            config.routes.exception(Exception.class, errors::handle);
        });
        routeTable.read(app);
        HeadRoutes.serveLikeGet(app);
    }

    private void configureServer(JavalinConfig config, JettyErrors jettyErrors) {
        config.startup.showJavalinBanner = false;
        config.startup.startupWatcherEnabled = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.defaultContentType = JsonCodec.CONTENT_TYPE;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.prefer405over404 = true;
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), HttpApiSettings.MIN_THREADS,
                (int) IDLE_THREAD_TIMEOUT.toMillis());
        threads.setName("elements-http");
        config.jetty.threadPool = threads;
        // Javalin routes java.lang.Errors around the exception mappers; turn them into exceptions so
        // that the client still gets the JSON 500 with its request id.
        config.router.handlerWrapper(HttpApi::surfaceErrors);
        config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
    }

    private static Handler surfaceErrors(Endpoint endpoint) {
        return ctx -> {
            try {
                endpoint.handler.handle(ctx);
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (Error e) {
                throw new IllegalStateException("Error in handler of " + endpoint.method.name() + " "
                        + endpoint.path, e);
            }
        };
    }

    /**
     * Starts serving.
     *
     * @param host the address to bind, such as {@code 0.0.0.0} or {@code 127.0.0.1}
     * @param port the port, or 0 for any free one
     * @return the port bound
     */
    public synchronized int start(String host, int port) {
        requireNonNull(host, "host");
        if (started) {
            throw new IllegalStateException("This HttpApi was started already; make a new one");
        }
        started = true;
        app.start(host, port);
        int bound = app.port();
        LOG.info("Serving the Elements API on {}:{}{}", host, bound, BASE_PATH);
        return bound;
    }

    /**
     * Every route the router holds, read from Javalin's own table rather than from a list kept
     * beside it, so that a test over these sees exactly what is served.
     */
    List<Route> routes() {
        return routeTable.routes();
    }

    /** A verb and a path template as registered, such as {@code GET /elements/api-v2/instances/{id}}. */
    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The bound port, after {@link #start}. */
    public int port() {
        return app.port();
    }

    /**
     * Stops accepting connections, lets requests in flight finish for up to the stop timeout, then
     * closes everything.
     */
    public synchronized void stop() {
        if (!started || stopped) {
            return;
        }
        stopped = true;
        app.stop();
        LOG.info("Stopped the Elements API");
    }
}
