package dev.elements.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * {@code /} and the base path itself: what this server is, its version, and where its docs, its
 * health and the connect flow are. A browser (asking for {@code text/html}) gets a page that loads
 * nothing from anywhere; an API client gets the same as JSON.
 */
final class LandingRoutes {
    static final String NAME = "Elements";
    private static final String B = HttpApi.BASE_PATH;
    static final LandingView.Links LINKS = new LandingView.Links(B + "/" + ApiDocsRoutes.DOCS + "/",
            B + "/" + ApiDocsRoutes.DOCUMENT, "/health", B + "/connect/sessions");

    private final JsonCodec json;
    private final LandingView view;
    private final String page;

    LandingRoutes(JsonCodec json, String version) {
        this.json = requireNonNull(json, "json");
        this.view = new LandingView(NAME, requireNonNull(version, "version"), LINKS);
        this.page = html(view);
    }

    /** {@code /}; at the root, outside the base path. */
    void declareAtRoot() {
        get("/", this::landing, Access.ANYONE);
    }

    /** The base path itself; inside {@code ApiBuilder.path(HttpApi.BASE_PATH, ...)}, before the hub-less routes. */
    void declare() {
        get(this::landing, Access.ANYONE);
    }

    private void landing(Context ctx) {
        // A cache must not hand the page to an API client, nor the JSON to a browser.
        ctx.header("Vary", "Accept");
        if (wantsHtml(ctx)) {
            // Nothing on the page is fetched from anywhere; its one style sheet is inline.
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            ctx.status(200).contentType("text/html; charset=utf-8").result(page);
            return;
        }
        json.respond(ctx, 200, view);
    }

    private static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    /** The landing answer of an API client. */
    record LandingView(String name, String version, Links links) {
        /** Paths on this server. */
        record Links(String docs, String openapi, String health, String connect) {
        }
    }

    private static String html(LandingView view) {
        LandingView.Links links = view.links();
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light dark">
                <title>Elements %1$s</title>
                <style>
                :root { --bg: #f5f6fa; --card: #ffffff; --text: #1b1f2a; --muted: #4a5162; --accent: #2f4fd8;
                  --accent-text: #ffffff; --line: #d9dce6; }
                @media (prefers-color-scheme: dark) {
                  :root { --bg: #12141b; --card: #1c1f29; --text: #eceef4; --muted: #b4b9c8; --accent: #8fa6ff;
                    --accent-text: #10131c; --line: #2e3342; }
                }
                * { box-sizing: border-box; }
                body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
                  background: var(--bg); color: var(--text); line-height: 1.5;
                  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
                main { width: min(42rem, calc(100%% - 2rem)); margin: 2rem 0; padding: 2.5rem; background: var(--card);
                  border: 1px solid var(--line); border-radius: 16px; box-shadow: 0 10px 30px rgba(20, 25, 45, .08); }
                header { display: flex; align-items: center; gap: .9rem; }
                .mark { width: 2.75rem; height: 2.75rem; flex: none; border-radius: 12px; background: var(--accent);
                  color: var(--accent-text); display: grid; place-items: center; font-weight: 700; font-size: 1.3rem; }
                h1 { margin: 0; font-size: 1.6rem; letter-spacing: -.01em; }
                .version { color: var(--muted); font-size: .95rem; margin: 0; }
                p.lead { color: var(--muted); margin: 1.25rem 0 1.75rem; }
                ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; }
                a.card { display: block; padding: 1rem 1.1rem; border: 1px solid var(--line); border-radius: 12px;
                  color: var(--text); text-decoration: none; }
                a.card:hover { border-color: var(--accent); }
                a.card:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
                a.card strong { display: block; color: var(--accent); }
                a.card span { color: var(--muted); font-size: .95rem; }
                code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
                footer { margin-top: 1.75rem; color: var(--muted); font-size: .9rem; }
                </style>
                </head>
                <body>
                <main>
                <header>
                <div class="mark" aria-hidden="true">E</div>
                <div>
                <h1>%2$s</h1>
                <p class="version">Version %1$s</p>
                </div>
                </header>
                <p class="lead">A self-hosted integration platform that keeps the Cloud Elements API: connect your
                users' accounts once, then call their providers through one token.</p>
                <nav aria-label="Where to go from here">
                <ul>
                <li><a class="card" href="%3$s"><strong>API docs</strong>
                <span>Every route, tried in the browser (Swagger UI)</span></a></li>
                <li><a class="card" href="%4$s"><strong>OpenAPI document</strong>
                <span>The API as OpenAPI 3.1, for client generators</span></a></li>
                <li><a class="card" href="%5$s"><strong>Health</strong>
                <span>Whether this server is ready to serve</span></a></li>
                <li><a class="card" href="%3$s#/"><strong>Connect an account</strong>
                <span>Start a hosted connect session with <code>POST %6$s</code> and send your user to its
                page</span></a></li>
                </ul>
                </nav>
                <footer>The API lives below <code>%7$s</code>; send <code>Accept: application/json</code> to
                get this page as JSON.</footer>
                </main>
                </body>
                </html>
                """.formatted(HtmlText.escape(view.version()), HtmlText.escape(view.name()),
                links.docs(), links.openapi(), links.health(), links.connect(), B);
    }
}
