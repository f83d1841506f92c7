package dev.elements.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.aead.AeadConfig;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Start-up is mostly loading and initializing classes, one subsystem after another on the main
 * thread, while the second core idles. This begins, on a second thread at once, the one-time
 * initializations that later steps need and that depend on no setting: the cipher library's
 * registration, the TLS context the provider client is built on, JSON, and the HTTP server's
 * classes. When the main thread gets there they are done or under way (the JVM lets it wait for a
 * class being initialized, never initializes one twice). Nothing here is started or kept; a step
 * that fails is left for the main thread to meet and report in its own words.
 */
final class StartupWarmup {
    private StartupWarmup() {
    }

    static void begin() {
        Thread warmup = new Thread(StartupWarmup::run, "elements-startup-warmup");
        warmup.setDaemon(true);
        warmup.setPriority(Thread.NORM_PRIORITY - 1);
        warmup.start();
    }

    private static void run() {
        List<Step> steps = List.of(AeadConfig::register, SSLContext::getDefault,
                () -> new ObjectMapper().readTree(new ObjectMapper().writeValueAsBytes(Map.of("warm", 1))),
                () -> new ServerConnector(new Server()));
        for (Step step : steps) {
            try {
                step.run();
            } catch (Exception | LinkageError ignored) {
                // The main thread meets the same step and reports it.
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws GeneralSecurityException, Exception;
    }
}
