package dev.elements.app;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.elements.app.config.DatabaseSettings;
import dev.elements.app.config.HttpSettings;
import dev.elements.app.config.LogSettings;
import dev.elements.app.logging.LogOutput;
import dev.elements.app.config.SecuritySettings;
import dev.elements.app.config.ServerSettings;
import dev.elements.app.config.SettingsException;
import dev.elements.app.config.SettingsSource;
import dev.elements.core.tenant.OrganizationId;
import dev.elements.app.demo.DemoMode;
import dev.elements.persistence.PersistenceStartupException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * {@code java -jar elements.jar [serve]}: reads the settings, starts the server and stops it
 * gracefully on SIGTERM; the other commands ({@code keys}, {@code admin reset-secret}, {@code --help},
 * {@code --version}) are listed in {@link Help}; {@code demo} starts it with a sandbox Facebook
 * ({@link DemoMode}). Exit code 2 means it could not start: a setting,
 * the data directory or the database it names is unusable, and the message says which.
 */
public final class Main {
    static final int BAD_SETTINGS = 2;

    private Main() {
    }

    public static void main(String[] args) {
        boolean demo = args.length == 1 && args[0].equals("demo");
        if (args.length > 0 && !demo && !(args.length == 1 && args[0].equals("serve"))) {
            System.exit(command(args, System.getenv(), System.getProperties(), System.out, System.err));
            return;
        }
        try {
            Runnable stop = demo
                    ? demo(System.getenv(), System.getProperties(), System.out)::close
                    : start(System.getenv(), System.getProperties(), System.out)::close;
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "elements-shutdown"));
        } catch (StartupFailure failure) {
            System.err.println("Elements cannot start: " + failure.getMessage());
            System.exit(failure.exitCode);
        }
    }

    /** Runs a command other than serving, such as {@code keys rotate} or {@code --help}; returns the exit code. */
    static int command(String[] args, Map<String, String> environment, Properties properties, PrintStream out,
            PrintStream err) {
        switch (args[0]) {
            case "--help", "-h", "help" -> {
                out.print(Help.text());
                return 0;
            }
            case "--version" -> {
                out.println("Elements " + Help.version());
                return 0;
            }
            case "keys" -> {
                return args.length == 2 ? keys(args[1], environment, properties, out, err) : usage(err);
            }
            case "admin" -> {
                return args.length >= 3 && args.length <= 4 && args[1].equals(AdminCommand.RESET_SECRET)
                        ? resetSecret(args, environment, properties, out, err)
                        : usage(err);
            }
            default -> {
                return usage(err);
            }
        }
    }

    private static int usage(PrintStream err) {
        err.print(Help.COMMANDS);
        return BAD_SETTINGS;
    }

    private static int keys(String action, Map<String, String> environment, Properties properties, PrintStream out,
            PrintStream err) {
        try {
            SettingsSource source = SettingsSource.of(environment, properties);
            KeysCommand keys = new KeysCommand(DatabaseSettings.from(source), SecuritySettings.from(source), out);
            return keys.run(action) ? 0 : usage(err);
        } catch (RuntimeException e) {
            StartupFailure failure = StartupFailure.of(e);
            err.println("Elements keys " + action + " failed: " + failure.getMessage());
            return failure.exitCode;
        }
    }

    private static int resetSecret(String[] args, Map<String, String> environment, Properties properties,
            PrintStream out, PrintStream err) {
        try {
            OrganizationId organization = null;
            if (args.length == 4) {
                try {
                    organization = new OrganizationId(Long.parseLong(args[3]));
                } catch (IllegalArgumentException notAnId) {
                    err.println("Elements admin reset-secret: the organization id must be a positive number");
                    return usage(err);
                }
            }
            SettingsSource source = SettingsSource.of(environment, properties);
            return new AdminCommand(DatabaseSettings.from(source), SecuritySettings.from(source),
                    HttpSettings.from(source), out, err).resetSecret(args[2], organization);
        } catch (RuntimeException e) {
            StartupFailure failure = StartupFailure.of(e);
            err.println("Elements admin reset-secret failed: " + failure.getMessage());
            return failure.exitCode;
        }
    }

    /** Starts a server from these settings; used by {@link #main} and by tests that run it in-process. */
    static ElementsServer start(Map<String, String> environment, Properties properties, PrintStream console) {
        try {
            SettingsSource source = SettingsSource.of(environment, properties);
            LogOutput.use(LogSettings.from(source));
            return ElementsServer.start(ServerSettings.from(source), Clock.systemUTC(), console);
        } catch (RuntimeException e) {
            throw StartupFailure.of(e);
        }
    }

    /** Starts demo mode from these settings: the server and, in the same process, its sandbox Facebook. */
    static DemoMode demo(Map<String, String> environment, Properties properties, PrintStream console) {
        try {
            return DemoMode.start(SettingsSource.of(environment, properties), Clock.systemUTC(), console);
        } catch (RuntimeException e) {
            throw StartupFailure.of(e);
        }
    }

    /** Why the server did not start, with the exit code that tells a supervisor whether to retry. */
    static final class StartupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        private StartupFailure(String message, int exitCode, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }

        static StartupFailure of(RuntimeException failure) {
            List<Throwable> causes = causesOf(failure);
            for (Throwable cause : causes) {
                if (cause instanceof SettingsException || cause instanceof PersistenceStartupException) {
                    return new StartupFailure(cause.getMessage(), BAD_SETTINGS, cause);
                }
            }
            // Not foreseen: the operator still learns what failed, never a bare "null".
            Throwable root = causes.get(causes.size() - 1);
            return new StartupFailure(describe(root), BAD_SETTINGS, failure);
        }

        private static String describe(Throwable root) {
            String message = root.getMessage();
            return message == null || message.isBlank()
                    ? root.getClass().getName()
                    : root.getClass().getSimpleName() + ": " + message;
        }

        /**
         * The failure and everything behind it, breadth first. Guice keeps what a provider threw in
         * its error messages rather than as the cause, and the operator needs the original message.
         */
        private static List<Throwable> causesOf(Throwable failure) {
            List<Throwable> found = new ArrayList<>();
            Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
            while (!pending.isEmpty() && found.size() < 50) {
                Throwable next = pending.removeFirst();
                found.add(next);
                Collection<Message> messages = next instanceof CreationException creation
                        ? creation.getErrorMessages()
                        : next instanceof ProvisionException provision ? provision.getErrorMessages() : List.of();
                messages.stream().map(Message::getCause).filter(Objects::nonNull).forEach(pending::addLast);
                if (next.getCause() != null && next.getCause() != next) {
                    pending.addLast(next.getCause());
                }
            }
            return found;
        }
    }
}
