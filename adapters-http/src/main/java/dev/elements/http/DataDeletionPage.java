package dev.elements.http;

import dev.elements.core.event.DataDeletion;

/**
 * The status page of a provider user's data deletion request, which the provider links the user to
 * by its confirmation code: a plain page that loads nothing from anywhere, readable by screen
 * readers, or the same facts as JSON.
 */
final class DataDeletionPage {
    private DataDeletionPage() {
    }

    record View(String confirmationCode, String elementKey, String requestedDate, int instancesCleared,
            int eventsDeleted) {
    }

    static View view(DataDeletion deletion) {
        return new View(deletion.confirmationCode(), deletion.elementKey().value(),
                UserView.date(deletion.requestedAt()), deletion.instancesCleared(), deletion.eventsDeleted());
    }

    static String html(DataDeletion deletion) {
        View view = view(deletion);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Data deletion request %1$s</title>
                </head>
                <body>
                <main>
                <h1>Your data deletion request</h1>
                <p>Confirmation code: <code>%1$s</code></p>
                <h2>What was deleted</h2>
                <dl>
                <dt>Received</dt>
                <dd><time datetime="%2$s">%2$s</time> (UTC)</dd>
                <dt>Connections whose stored access tokens were removed</dt>
                <dd>%3$d</dd>
                <dt>Stored events deleted</dt>
                <dd>%4$d</dd>
                </dl>
                <p>The request came through the %5$s integration.</p>
                </main>
                </body>
                </html>
                """.formatted(HtmlText.escape(view.confirmationCode()), HtmlText.escape(view.requestedDate()),
                view.instancesCleared(), view.eventsDeleted(), HtmlText.escape(view.elementKey()));
    }
}
