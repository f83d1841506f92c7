package dev.elements.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A scrape in Prometheus' text exposition format, parsed into its samples, so that tests assert on
 * series and labels rather than on the layout of lines.
 */
public record PrometheusText(List<Sample> samples) {
    /** One line: a metric name, its labels in order, and the value. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    public PrometheusText {
        samples = List.copyOf(samples);
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("Not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                int end = line.lastIndexOf('}');
                parseLabels(line.substring(brace + 1, end), labels);
            } else {
                name = line.substring(0, space);
            }
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1).strip())));
        }
        return new PrometheusText(samples);
    }

    /** {@code key="value",...}, with the format's escapes ({@code \\}, {@code \"}, {@code \n}) undone. */
    private static void parseLabels(String text, Map<String, String> labels) {
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            String key = text.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (text.charAt(j) != '"') {
                char c = text.charAt(j);
                if (c == '\\') {
                    char escaped = text.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
            }
        }
    }

    /** The samples of this name. */
    public List<Sample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** The sum of the values of this name whose labels include all of {@code labels}. */
    public double sum(String name, Map<String, String> labels) {
        Predicate<Sample> matches = sample -> sample.labels().entrySet().containsAll(labels.entrySet());
        return named(name).stream().filter(matches).mapToDouble(Sample::value).sum();
    }
}
