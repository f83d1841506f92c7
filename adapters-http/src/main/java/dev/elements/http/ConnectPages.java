package dev.elements.http;

import dev.elements.core.connect.ConnectFailure;
import dev.elements.core.connect.ConnectSessionStatus;
import dev.elements.core.port.in.ConnectPage;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The HTML of the hosted connect flow, rendered on the server: one self-contained document per
 * answer, its CSS inline, no script, no font or image from elsewhere, so it works offline and under
 * a strict Content-Security-Policy. Every value from a request or from storage is escaped.
 */
final class ConnectPages {
    /** How long a failure page stays before the browser goes back to the application by itself. */
    static final int REDIRECT_SECONDS = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
                   background: #eef1f6; color: #1b1f2a; line-height: 1.5;
                   font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { width: 100%; max-width: 28rem; margin: 1.5rem; padding: 2rem; background: #ffffff;
                   border-radius: 0.75rem; box-shadow: 0 1px 3px rgba(16, 24, 40, 0.12), 0 8px 24px rgba(16, 24, 40, 0.08); }
            .brand { display: flex; align-items: center; gap: 0.75rem; margin-bottom: 1.25rem; }
            .logo { width: 2.75rem; height: 2.75rem; border-radius: 0.6rem; background: #1e3a8a; color: #ffffff;
                    display: flex; align-items: center; justify-content: center; font-weight: 700; font-size: 1.25rem; }
            .logo.failed { background: #9f1239; }
            .logo.done { background: #166534; }
            .eyebrow { margin: 0; font-size: 0.875rem; color: #4b5563; }
            h1 { margin: 0; font-size: 1.35rem; line-height: 1.3; }
            h2 { margin: 1.5rem 0 0.5rem; font-size: 1rem; }
            p { margin: 0.75rem 0; }
            ul { margin: 0; padding-left: 1.25rem; }
            li { margin: 0.25rem 0; }
            code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em;
                   background: #f1f3f7; padding: 0.1rem 0.35rem; border-radius: 0.3rem; }
            .button { display: block; margin-top: 1.75rem; padding: 0.8rem 1rem; border-radius: 0.5rem;
                      background: #1d4ed8; color: #ffffff; text-align: center; font-weight: 600; text-decoration: none; }
            .button:hover { background: #1e40af; }
            a { color: #1d4ed8; }
            a:focus-visible, .button:focus-visible { outline: 3px solid #111827; outline-offset: 3px; }
            .note { margin-top: 1.25rem; font-size: 0.875rem; color: #4b5563; }
            footer { margin-top: 1.75rem; padding-top: 1rem; border-top: 1px solid #e5e7eb; font-size: 0.8rem; color: #4b5563; }
            """;

    private ConnectPages() {
    }

    /** The page of a pending session: who asks, for which account, with which permissions, and the way to the login. */
    static String login(ConnectPage page) {
        String element = HtmlText.escape(page.elementName());
        String organization = page.organizationName().isBlank() ? "An application" : HtmlText.escape(page.organizationName());
        StringBuilder body = new StringBuilder()
                .append(brand(page.elementName(), "", "Connect your account"))
                .append("<h1>").append(organization).append(" would like to connect to your ").append(element)
                .append(" account</h1>\n");
        if (page.scopes().isEmpty()) {
            body.append("<p>It asks for no permissions beyond your basic profile.</p>\n");
        } else {
            body.append("<h2 id=\"permissions\">It asks for these permissions</h2>\n<ul aria-labelledby=\"permissions\">\n");
            page.scopes().forEach(scope -> body.append("<li><code>").append(HtmlText.escape(scope)).append("</code></li>\n"));
            body.append("</ul>\n");
        }
        body.append("<a class=\"button\" id=\"continue\" href=\"").append(HtmlText.escape(page.loginUrl().toString()))
                .append("\">Continue to ").append(element).append("</a>\n")
                .append("<p class=\"note\">You will sign in at ").append(element)
                .append(", never on this page, and can review the permissions there. This link works until ")
                .append(TIME.format(page.expiresAt())).append(".</p>\n");
        return document("Connect your " + page.elementName() + " account", body.toString(), null);
    }

    /** The page of a session that is over: connected already, or failed. */
    static String over(ConnectPage page, URI back) {
        if (page.status() == ConnectSessionStatus.CONNECTED) {
            String body = brand(page.elementName(), "done", "Connected")
                    + "<h1>Your " + HtmlText.escape(page.elementName()) + " account is connected</h1>\n"
                    + "<p>There is nothing more to do here.</p>\n"
                    + "<a class=\"button\" href=\"" + HtmlText.escape(back.toString()) + "\">Return to the application</a>\n";
            return document("Account connected", body, null);
        }
        return failed(page.failure(), back);
    }

    /**
     * Why a login did not connect, in plain words, and the way back to the application, which the
     * browser also takes by itself after {@link #REDIRECT_SECONDS}.
     *
     * @param back the application's redirect URL with the error, or null when no session is known
     */
    static String failed(ConnectFailure failure, URI back) {
        StringBuilder body = new StringBuilder()
                .append(brand("!", "failed", "Not connected"))
                .append("<h1>Your account was not connected</h1>\n")
                .append("<p role=\"status\">").append(HtmlText.escape(failure.description())).append("</p>\n");
        if (back != null) {
            body.append("<a class=\"button\" id=\"return\" href=\"").append(HtmlText.escape(back.toString()))
                    .append("\">Return to the application</a>\n")
                    .append("<p class=\"note\">You will be taken back to the application in ").append(REDIRECT_SECONDS)
                    .append(" seconds.</p>\n");
        } else {
            body.append("<p class=\"note\">You can close this window.</p>\n");
        }
        return document("Account not connected", body.toString(), back);
    }

    /** An unknown or forgotten page: the same for a wrong link and another organization's. */
    static String notFound() {
        String body = brand("?", "failed", "Not found")
                + "<h1>This connect link is not valid</h1>\n"
                + "<p>It may be mistyped, or it expired and was removed. Ask the application for a new link.</p>\n";
        return document("Connect link not found", body, null);
    }

    private static String brand(String elementName, String kind, String eyebrow) {
        String initial = elementName.isBlank() ? "?" : elementName.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
        return "<div class=\"brand\"><div class=\"logo " + kind + "\" aria-hidden=\"true\">" + HtmlText.escape(initial)
                + "</div><p class=\"eyebrow\">" + HtmlText.escape(eyebrow) + "</p></div>\n";
    }

    private static String document(String title, String body, URI refresh) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + (refresh == null ? ""
                        : "<meta http-equiv=\"refresh\" content=\"" + REDIRECT_SECONDS + ";url="
                                + HtmlText.escape(refresh.toString()) + "\">\n")
                + "<title>" + HtmlText.escape(title) + " · Elements</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + "<main>\n" + body + "<footer>Secured by Elements</footer>\n</main>\n</body>\n</html>\n";
    }
}
