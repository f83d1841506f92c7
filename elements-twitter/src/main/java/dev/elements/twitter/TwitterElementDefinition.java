package dev.elements.twitter;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationType;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
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
                "https://developer.x.com", configuration, TwitterResources.ALL);
    }
}
