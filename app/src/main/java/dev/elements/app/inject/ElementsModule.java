package dev.elements.app.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.elements.app.config.ElementSettings;
import dev.elements.app.config.SettingsException;
import dev.elements.core.spi.ElementProvider;
import dev.elements.declarative.DeclarativeElements;
import dev.elements.declarative.ElementDocumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Binds the elements ({@code List<ElementProvider>}): the plugins found on the class path through
 * {@link ServiceLoader}, the element documents shipped with the server, and those in
 * {@code ELEMENTS_ELEMENTS_DIR}. A broken document stops the start-up with its file, line and
 * field, and core's registry refuses two elements with one key or id, or none at all.
 */
public final class ElementsModule extends AbstractModule {
    private final ElementSettings settings;

    public ElementsModule(ElementSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    @Provides
    @Singleton
    List<ElementProvider> plugins() {
        List<ElementProvider> found = new ArrayList<>();
        ServiceLoader.load(ElementProvider.class).forEach(found::add);
        found.addAll(DeclarativeElements.shipped());
        settings.documentsDirectory().ifPresent(directory -> {
            try {
                found.addAll(DeclarativeElements.fromDirectory(directory));
            } catch (ElementDocumentException broken) {
                throw new SettingsException(ElementSettings.DIRECTORY_SETTING + " " + directory + ": "
                        + broken.getMessage(), broken);
            }
        });
        return List.copyOf(found);
    }
}
