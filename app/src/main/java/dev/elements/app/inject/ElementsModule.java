package dev.elements.app.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.elements.core.spi.ElementProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Binds the element plugins ({@code List<ElementProvider>}), found on the class path through
 * {@link ServiceLoader}; core's registry refuses to start without any.
 */
public final class ElementsModule extends AbstractModule {
    @Provides
    @Singleton
    List<ElementProvider> plugins() {
        List<ElementProvider> found = new ArrayList<>();
        ServiceLoader.load(ElementProvider.class).forEach(found::add);
        return List.copyOf(found);
    }
}
