package dev.elements.http;

import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.testing.ScriptedElementProvider;
import java.net.URI;

/**
 * The scripted element under another key and id, so that a test has instances of two elements;
 * it shares the script of the provider it wraps.
 */
final class SecondElementProvider implements ElementProvider {
    static final String KEY = "second";
    static final long ID = 9002;

    private final ScriptedElementProvider script;

    SecondElementProvider(ScriptedElementProvider script) {
        this.script = java.util.Objects.requireNonNull(script, "script");
    }

    @Override
    public ElementDefinition definition() {
        ElementDefinition scripted = script.definition();
        return new ElementDefinition(ID, ElementKey.of(KEY), "Second", scripted.description(), scripted.image(),
                scripted.hub(), scripted.authenticationType(), scripted.trialAccount(), scripted.configDescription(),
                scripted.signupUrl(), scripted.configuration(), scripted.resources());
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request, Configuration configuration) {
        return script.authorizationUrl(request, configuration);
    }

    @Override
    public TokenSet exchangeCode(AuthorizationCode code, Configuration configuration, ElementContext context) {
        return script.exchangeCode(code, configuration, context);
    }

    @Override
    public TokenSet renew(TokenSet current, Configuration configuration, ElementContext context) {
        return script.renew(current, configuration, context);
    }
}
