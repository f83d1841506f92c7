package dev.elements.twitter;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationType;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.element.FieldDefinition;
import dev.elements.core.element.ObjectDefinition;
import dev.elements.core.element.ValueFormat;
import java.util.ArrayList;
import java.util.List;

/** The twitter element: its metadata, the OAuth2 entries with X's endpoints, and the page size X allows. */
final class TwitterElementDefinition {
    private TwitterElementDefinition() {
    }

    static ElementDefinition create() {
        List<ConfigurationEntry> configuration = new ArrayList<>(CommonConfiguration.oauth2Entries("X",
                TwitterFacts.DEFAULT_SCOPE, TwitterFacts.AUTHORIZATION_URL, TwitterFacts.TOKEN_URL,
                TwitterFacts.BASE_URL));
        configuration.add(ConfigurationEntry.instance(CommonConfiguration.PAGINATION_MAX, "Largest page size",
                "The most items asked of X in one call", Integer.toString(TwitterFacts.LARGEST_PAGE),
                ConfigurationType.TEXTFIELD_32, false, ValueFormat.POSITIVE_INTEGER)
                .withRange(1, TwitterFacts.LARGEST_PAGE));
        return new ElementDefinition(TwitterFacts.ID, ElementKey.of(TwitterFacts.KEY), TwitterFacts.NAME,
                "Add an X instance to read and write posts and likes of an X account through the Social Hub, with"
                        + " X's API v2.",
                "elements/provider_twitter.png", TwitterFacts.HUB, "oauth2", false,
                "You need an app in the X developer portal with OAuth 2.0 on, as a confidential client (Web App),"
                        + " and its callback URL registered.",
                "https://developer.x.com", configuration, TwitterResources.ALL, objects());
    }

    /**
     * What the resources answer with, inside X's {@code data}: a user's default fields, and a post's
     * default fields plus the {@code author_id} and {@code created_at} the list resources ask for (X API
     * v2 reference: User and Tweet objects). "status" is the post, as in the hub's paths.
     */
    private static List<ObjectDefinition> objects() {
        FieldDefinition id = FieldDefinition.readOnly("id", "string", "X's id");
        return List.of(
                new ObjectDefinition("user", "An X account (user/me, user/{id})", List.of(id,
                        FieldDefinition.readOnly("name", "string", "The display name"),
                        FieldDefinition.readOnly("username", "string", "The handle, without @"))),
                new ObjectDefinition("status", "A post (status/{id}, user/{id}/status, user/{id}/likes)", List.of(id,
                        FieldDefinition.writable("text", "string", "The text of the post"),
                        FieldDefinition.readOnly("edit_history_tweet_ids", "array", "The ids of its versions"),
                        FieldDefinition.readOnly("author_id", "string", "Who wrote it"),
                        FieldDefinition.readOnly("created_at", "date", "When it was posted"))));
    }
}
