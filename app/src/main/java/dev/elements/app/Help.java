package dev.elements.app;

import dev.elements.app.config.Setting;
import dev.elements.app.config.SettingsCatalog;
import dev.elements.http.ServerVersion;

/** What {@code --help} and {@code --version} print: the commands, and every setting from the one table. */
final class Help {
    static final String COMMANDS = """
            Usage: java -jar elements.jar [command]

            Commands:
              serve                            start the server (the default without a command)
              demo                             start a demo on 127.0.0.1 with a sandbox Facebook inside,
                                               fixed demo secrets and its data in ./demo-data
              keys status                      show the credential keys and what each one seals
              keys rotate                      rotate the credential keys (PostgreSQL; on the embedded
                                               database: POST /elements/api-v2/operator/keys/rotate)
              admin reset-secret <email> [<organization id>]
                                               issue a new secret for a user, printed once; on the
                                               embedded database through the running server, with
                                               ELEMENTS_OPERATOR_SECRET
              --version                        print the version
              --help                           print this help
            """;

    private Help() {
    }

    static String text() {
        StringBuilder help = new StringBuilder(COMMANDS).append("""

                Settings, as environment variables or as system properties lower-cased with dots
                (ELEMENTS_HTTP_PORT = -Delements.http.port=...; a system property wins):
                """);
        for (Setting setting : SettingsCatalog.ALL) {
            help.append("  ").append(setting.name()).append("  (default: ").append(setting.defaultValue())
                    .append(")\n      ").append(setting.meaning()).append('\n');
        }
        return help.append("  ").append(SettingsCatalog.ELEMENT_OVERRIDE_PATTERN).append("  (default: the element's)\n")
                .append("      operator override of an element default, such as ELEMENTS_FACEBOOKSOCIAL_BASE_URL\n")
                .append("      (the configuration key upper-cased, dots to underscores)\n")
                .toString();
    }

    /** The project version the build wrote into the jar, as the landing page and the API document show it. */
    static String version() {
        return ServerVersion.current();
    }
}
