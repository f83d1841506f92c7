package dev.elements.app;

import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

/** Lets tests in other packages run Main's commands in-process. */
public final class MainAccess {
    private MainAccess() {
    }

    public static int command(String[] args, Map<String, String> settings, PrintStream out, PrintStream err) {
        return Main.command(args, settings, new Properties(), out, err);
    }
}
