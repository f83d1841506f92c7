package dev.elements.bench.suite;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.function.Consumer;

/** What the suite's own small servers share: Javalin with nothing on, on loopback, its port announced. */
public final class StandIns {
    public static final String APP_ID = "480111222333444";

    private StandIns() {
    }

    static Javalin quietJavalin(Consumer<JavalinConfig> routes) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            routes.accept(config);
        });
    }

    /** Serves on a free loopback port and prints {@code port=<n>}, which the suite waits for. */
    static void serve(Javalin server) {
        server.start("127.0.0.1", 0);
        System.out.println("port=" + server.port());
        System.out.flush();
    }
}
