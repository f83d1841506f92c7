package dev.elements.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.elements.core.oauth.AuthorizationCode;
import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ConfigurationScope;
import dev.elements.core.element.ConfigurationType;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.ElementKey;
import dev.elements.core.element.OperatorOverrides;
import dev.elements.core.element.ValueFormat;
import dev.elements.core.instance.Configuration;
import dev.elements.core.oauth.AuthorizationRequest;
import dev.elements.core.oauth.TokenSet;
import dev.elements.core.spi.ElementContext;
import dev.elements.core.spi.ElementProvider;
import dev.elements.core.testing.ScriptedElementProvider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementRegistryTest {

    @Test
    void findsElementsByKeyAndById() {
        ElementRegistry registry = new ElementRegistry(List.of(new ScriptedElementProvider()), OperatorOverrides.none());

        assertThat(registry.find("scripted")).hasValueSatisfying(e -> assertThat(e.definition().id()).isEqualTo(9001));
        assertThat(registry.find("9001")).hasValueSatisfying(e -> assertThat(e.key().value()).isEqualTo("scripted"));
        assertThat(registry.find("unknown")).isEmpty();
        assertThat(registry.find("12")).isEmpty();
        assertThat(registry.find("99999999999999999999999")).isEmpty();
        assertThat(registry.find("")).isEmpty();
    }

    @Test
    void refusesToStartWithoutElements() {
        assertThatThrownBy(() -> new ElementRegistry(List.of(), OperatorOverrides.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No element plugins");
    }

    @Test
    void refusesTwoPluginsWithOneKeyNamingBoth() {
        assertThatThrownBy(() -> new ElementRegistry(
                List.of(new ScriptedElementProvider(), new ScriptedElementProvider()), OperatorOverrides.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scripted")
                .hasMessageContaining(ScriptedElementProvider.class.getName());
    }

    @Test
    void refusesTwoPluginsWithOneId() {
        ElementProvider sameId = new Renamed(new ScriptedElementProvider(), "other");
        assertThatThrownBy(() -> new ElementRegistry(List.of(new ScriptedElementProvider(), sameId),
                OperatorOverrides.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("same id 9001");
    }

    @Test
    void addsTheCommonConfigurationAndAppliesOperatorOverrides() {
        String tokenUrlSetting = OperatorOverrides.settingName(ElementKey.of("scripted"), "oauth.token.url");
        ElementRegistry registry = new ElementRegistry(List.of(new ScriptedElementProvider()),
                OperatorOverrides.fromSettings(Map.of(tokenUrlSetting, "http://127.0.0.1:9/token",
                        "ELEMENTS_SCRIPTED_FILTER_RESPONSE_NULLS", "false")));

        ElementDefinition definition = registry.find("scripted").orElseThrow().definition();

        assertThat(tokenUrlSetting).isEqualTo("ELEMENTS_SCRIPTED_OAUTH_TOKEN_URL");
        assertThat(definition.defaults())
                .containsEntry("oauth.token.url", "http://127.0.0.1:9/token")
                .containsEntry("filter.response.nulls", "false")
                .containsEntry("oauth.user.refresh_interval", "3600")
                .containsEntry("oauth.authorization.url", "https://login.scripted.invalid/authorize");
        assertThat(definition.entry("oauth.user.token")).hasValueSatisfying(entry -> {
            assertThat(entry.secret()).isTrue();
            assertThat(entry.scope()).isEqualTo(ConfigurationScope.PLATFORM);
        });
    }

    @Test
    void anElementsOwnEntryWinsOverTheCommonOne() {
        ElementDefinition declared = new ScriptedElementProvider().definition();
        ConfigurationEntry ownPageSize = declared.entry("pagination.max").orElseThrow();
        ElementDefinition completed = declared.withEntriesIfAbsent(List.of(ownPageSize.withDefaultValue("7")));

        assertThat(completed.entry("pagination.max").orElseThrow().defaultValue()).isEqualTo("100");
    }

    @Test
    void configurationEntryIdsDependOnTheKeyAlone() {
        ConfigurationEntry one = ConfigurationEntry.instance("oauth.api.key", "a", "b", null,
                ConfigurationType.TEXTFIELD_32, true, ValueFormat.TEXT);
        ConfigurationEntry same = ConfigurationEntry.instance("oauth.api.key", "other name", "other", "x",
                ConfigurationType.TEXTAREA, false, ValueFormat.TEXT);
        ConfigurationEntry other = same.withDefaultValue(null);

        assertThat(one.id()).isEqualTo(same.id()).isEqualTo(other.id()).isPositive();
        assertThat(one.id()).isNotEqualTo(ConfigurationEntry.instance("oauth.api.secret", "a", "b", null,
                ConfigurationType.PASSWORD, true, ValueFormat.TEXT).id());
    }

    /** A plugin that claims another key but keeps the delegate's id. */
    private record Renamed(ElementProvider delegate, String key) implements ElementProvider {
        @Override
        public ElementDefinition definition() {
            ElementDefinition d = delegate.definition();
            return new ElementDefinition(d.id(), ElementKey.of(key), d.name(), d.description(), d.image(), d.hub(),
                    d.authenticationType(), d.trialAccount(), d.configDescription(), d.signupUrl(),
                    d.configuration(), d.resources());
        }

        @Override
        public URI authorizationUrl(AuthorizationRequest request, Configuration configuration) {
            return delegate.authorizationUrl(request, configuration);
        }

        @Override
        public TokenSet exchangeCode(AuthorizationCode code, Configuration configuration, ElementContext context) {
            return delegate.exchangeCode(code, configuration, context);
        }

        @Override
        public TokenSet renew(TokenSet current, Configuration configuration, ElementContext context) {
            return delegate.renew(current, configuration, context);
        }
    }

    @Test
    void anOperatorDefaultOutsideAnEntrysBoundsStopsTheStartNamingTheSetting() {
        String setting = OperatorOverrides.settingName(ElementKey.of(ScriptedElementProvider.KEY), "pagination.max");

        assertThatThrownBy(() -> new ElementRegistry(List.of(new ScriptedElementProvider()),
                OperatorOverrides.fromSettings(Map.of(setting, "9223372036854775807"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(setting)
                .hasMessageContaining("from 1 to 1000")
                .hasMessageNotContaining("9223372036854775807");
        assertThat(new ElementRegistry(List.of(new ScriptedElementProvider()),
                OperatorOverrides.fromSettings(Map.of(setting, "250"))).find(ScriptedElementProvider.KEY)
                .orElseThrow().definition().entry("pagination.max").orElseThrow().defaultValue())
                .isEqualTo("250");
    }
}
