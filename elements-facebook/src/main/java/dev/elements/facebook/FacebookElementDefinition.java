package dev.elements.facebook;

import dev.elements.core.element.CommonConfiguration;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationType;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.element.ValueFormat;
import java.util.List;

/** The facebooksocial element as Cloud Elements published it, with its configuration entries. */
final class FacebookElementDefinition {
    private FacebookElementDefinition() {
    }

    static ElementDefinition create() {
        return new ElementDefinition(
                FacebookFacts.ID,
                ElementKey.of(FacebookFacts.KEY),
                "Facebook",
                "Add a Facebook Instance to connect your existing Facebook account to the Social Hub, allowing you"
                        + " to manage photos and posts across multiple Social Elements. You will need your Facebook"
                        + " account information to add an instance.",
                "elements/provider_facebook.png",
                FacebookFacts.HUB,
                "oauth2",
                false,
                "If you do not have an Facebook account, you can create one at https://www.facebook.com",
                "https://www.facebook.com",
                configuration(),
                FacebookResources.ALL);
    }

    private static List<ConfigurationEntry> configuration() {
        return List.of(
                ConfigurationEntry.instance(FacebookFacts.CONFIG_API_KEY, "App ID",
                        "The App ID of your Facebook app", null, ConfigurationType.TEXTFIELD_128, true,
                        ValueFormat.TEXT),
                ConfigurationEntry.instance(FacebookFacts.CONFIG_API_SECRET, "App Secret",
                        "The App Secret of your Facebook app", null, ConfigurationType.PASSWORD, true,
                        ValueFormat.TEXT),
                ConfigurationEntry.instance(FacebookFacts.CONFIG_CALLBACK_URL, "Callback URL",
                        "A Valid OAuth Redirect URI of your Facebook app, exactly as registered", null,
                        ConfigurationType.TEXTFIELD_1000, true, ValueFormat.HTTP_URL),
                ConfigurationEntry.instance(FacebookFacts.CONFIG_SCOPE, "Scope",
                        "The permissions to ask for, separated by commas", FacebookFacts.DEFAULT_SCOPE,
                        ConfigurationType.TEXTFIELD_1000, false, ValueFormat.TEXT),
                ConfigurationEntry.endpoint(FacebookFacts.CONFIG_BASE_URL, "Graph API URL",
                        "The Graph API, with its version", FacebookFacts.BASE_URL),
                ConfigurationEntry.endpoint(FacebookFacts.CONFIG_AUTHORIZATION_URL, "Login dialog URL",
                        "Facebook's login dialog", FacebookFacts.AUTHORIZATION_URL),
                ConfigurationEntry.endpoint(FacebookFacts.CONFIG_TOKEN_URL, "Token URL",
                        "Where codes and tokens are exchanged", FacebookFacts.TOKEN_URL),
                ConfigurationEntry.instance(CommonConfiguration.PAGINATION_MAX, "Largest page size",
                        "The most items asked of Facebook in one call", "100", ConfigurationType.TEXTFIELD_32, false,
                        ValueFormat.POSITIVE_INTEGER).withRange(1, CommonConfiguration.MAX_PAGINATION_MAX),
                ConfigurationEntry.instance("pagination.offset", "Offset paging",
                        "Whether pages are addressed by offset instead of cursor", "false",
                        ConfigurationType.BOOLEAN, false, ValueFormat.BOOLEAN),
                ConfigurationEntry.instance("event.notification.instance.finder", "Instance finder",
                        "Which field of a Facebook webhook entry names the instance", null,
                        ConfigurationType.TEXTFIELD_128, false, ValueFormat.TEXT),
                ConfigurationEntry.instance(CommonConfiguration.EVENT_VENDOR_TYPE, "Event type",
                        "How the platform learns of Facebook changes", "webhook", ConfigurationType.TEXTFIELD_32,
                        false, ValueFormat.TEXT));
    }
}
