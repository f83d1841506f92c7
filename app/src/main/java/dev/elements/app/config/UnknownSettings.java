package dev.elements.app.config;

import dev.elements.core.element.ConfigurationEntry;
import dev.elements.core.element.ElementDefinition;
import dev.elements.core.element.OperatorOverrides;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ELEMENTS_*} names given to the server that nothing reads: a misspelled setting would
 * otherwise be ignored without a word, and the server would run on the default instead.
 */
public final class UnknownSettings {
    private UnknownSettings() {
    }

    /**
     * One warning per given name that is neither a setting of {@link SettingsCatalog} nor an
     * override of a configuration key of one of these elements, with the closest known name when
     * one is near enough to be what was meant.
     */
    public static List<String> warnings(Set<String> given, Collection<ElementDefinition> elements) {
        Set<String> known = new TreeSet<>(SettingsCatalog.names());
        for (ElementDefinition element : elements) {
            for (ConfigurationEntry entry : element.configuration()) {
                known.add(OperatorOverrides.settingName(element.key(), entry.key()));
            }
        }
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            if (!known.contains(name)) {
                String nearest = nearest(name, known);
                warnings.add(name + " is not a setting of Elements and is ignored"
                        + (nearest == null ? "" : "; did you mean " + nearest + "?")
                        + " (java -jar elements.jar --help lists the settings)");
            }
        }
        return warnings;
    }

    /** The known name fewest edits away, if that is a few edits for a name of its length. */
    private static String nearest(String name, Set<String> known) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(name, candidate);
            if (distance < best) {
                best = distance;
                nearest = candidate;
            }
        }
        int suffix = name.length() - SettingsCatalog.PREFIX.length();
        return best <= Math.max(2, suffix / 4) ? nearest : null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
