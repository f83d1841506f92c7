package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import io.javalin.http.Context;
import java.io.InputStream;
import java.util.Map;

/**
 * The platform API's description: its OpenAPI document ({@code /openapi.json}) and Swagger UI
 * ({@code /docs/}) over it, from the Swagger UI webjar on the class path, so the docs work offline
 * and load nothing from anywhere else. Only the files the page uses are served, by name.
 */
final class ApiDocsRoutes {
    static final String DOCUMENT = "openapi.json";
    static final String DOCS = "docs";
    private static final String DOCS_PATH = HttpApi.BASE_PATH + "/" + DOCS + "/";
    private static final String INITIALIZER = "swagger-initializer.js";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    /** The webjar's files the page loads, with their media types. */
    private static final Map<String, String> WEBJAR_FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", JAVASCRIPT,
            "swagger-ui-standalone-preset.js", JAVASCRIPT,
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    /** Versioned files, so a browser may keep them; the page and the document change with the server. */
    private static final String CACHE_WEBJAR_FILES = "public, max-age=86400";

    /** The webjar's own index.html, with the initializer below pointing at this server's document. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Elements API docs</title>
            <link rel="stylesheet" href="%1$sswagger-ui.css">
            <link rel="stylesheet" href="%1$sindex.css">
            <link rel="icon" type="image/png" href="%1$sfavicon-32x32.png" sizes="32x32">
            <link rel="icon" type="image/png" href="%1$sfavicon-16x16.png" sizes="16x16">
            </head>
            <body>
            <main id="swagger-ui" aria-label="Elements API documentation">
            <noscript><p>The interactive docs need JavaScript. The API is described by
            <a href="%2$s">its OpenAPI document</a>.</p></noscript>
            </main>
            <script src="%1$sswagger-ui-bundle.js"></script>
            <script src="%1$sswagger-ui-standalone-preset.js"></script>
            <script src="%1$s%3$s"></script>
            </body>
            </html>
            """.formatted(DOCS_PATH, HttpApi.BASE_PATH + "/" + DOCUMENT, INITIALIZER);

    /** validatorUrl null: Swagger UI would otherwise send the document to validator.swagger.io. */
    private static final String INITIALIZER_SCRIPT = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "%s",
                dom_id: "#swagger-ui",
                deepLinking: true,
                validatorUrl: null,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                layout: "StandaloneLayout"
              });
            };
            """.formatted(HttpApi.BASE_PATH + "/" + DOCUMENT);

    private final byte[] document;
    private final String webjarDirectory;

    /** @throws IllegalStateException when the Swagger UI webjar is not on the class path */
    ApiDocsRoutes(PlatformApiDocument document, JsonCodec json, String version) {
        requireNonNull(document, "document");
        requireNonNull(json, "json");
        requireNonNull(version, "version");
        try {
            this.document = json.mapper().writeValueAsBytes(document.document(version));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The OpenAPI document could not be serialized", e);
        }
        this.webjarDirectory = "META-INF/resources/webjars/swagger-ui/" + ServerVersion.swaggerUi() + "/";
        if (ApiDocsRoutes.class.getClassLoader().getResource(webjarDirectory + "swagger-ui-bundle.js") == null) {
            throw new IllegalStateException("The Swagger UI webjar is not on the class path: no " + webjarDirectory);
        }
    }

    /** The routes below the base path; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}. */
    void declare() {
        get(DOCUMENT, ctx -> ctx.status(200).contentType(JsonCodec.CONTENT_TYPE).result(document), Access.ANYONE);
        get(DOCS, this::page, Access.ANYONE);
        get(DOCS + "/{file}", this::file, Access.ANYONE);
    }

    private void page(Context ctx) {
        ctx.status(200).contentType("text/html; charset=utf-8").result(PAGE);
    }

    private void file(Context ctx) {
        String name = ctx.pathParam("file");
        if (name.equals(INITIALIZER)) {
            ctx.status(200).contentType(JAVASCRIPT).result(INITIALIZER_SCRIPT);
            return;
        }
        String mediaType = WEBJAR_FILES.get(name);
        InputStream file = mediaType == null ? null
                : ApiDocsRoutes.class.getClassLoader().getResourceAsStream(webjarDirectory + name);
        if (file == null) {
            throw new PlatformException(ErrorCode.RESOURCE_NOT_FOUND, "The API docs have no such file");
        }
        ctx.header("Cache-Control", CACHE_WEBJAR_FILES);
        ctx.status(200).contentType(mediaType).result(file);
    }
}
