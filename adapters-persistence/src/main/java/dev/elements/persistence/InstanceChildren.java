package dev.elements.persistence;

import dev.elements.core.instance.Instance;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instance's tags and configuration in their stored order. They are read in the same statement
 * as the instance row, each child table aggregated into an array by a correlated subquery, so one
 * round trip reads the whole instance and the statement's single snapshot keeps row and children
 * of one version together (PostgreSQL and H2 alike).
 *
 * @param configurationValues may hold nulls, as the column may
 */
record InstanceChildren(List<String> tags, List<String> configurationKeys, List<String> configurationValues) {
    /** Select-list items for a query over {@code instances}; ARRAY_AGG of no rows is NULL. */
    static final String AGGREGATED_COLUMNS = """
            (SELECT ARRAY_AGG(tag ORDER BY position) FROM instance_tags
              WHERE instance_id = instances.id) AS tags,
            (SELECT ARRAY_AGG(entry_key ORDER BY position) FROM instance_configuration
              WHERE instance_id = instances.id) AS configuration_keys,
            (SELECT ARRAY_AGG(entry_value ORDER BY position) FROM instance_configuration
              WHERE instance_id = instances.id) AS configuration_values""";

    InstanceChildren {
        tags = List.copyOf(tags);
        configurationKeys = List.copyOf(configurationKeys);
        configurationValues = Collections.unmodifiableList(new ArrayList<>(configurationValues));
    }

    static InstanceChildren of(Instance instance) {
        return new InstanceChildren(instance.tags(), List.copyOf(instance.configuration().keySet()),
                new ArrayList<>(instance.configuration().values()));
    }

    /** Reads the columns of {@link #AGGREGATED_COLUMNS}. */
    static InstanceChildren read(ResultSet row) throws SQLException {
        return new InstanceChildren(strings(row, "tags"), strings(row, "configuration_keys"),
                strings(row, "configuration_values"));
    }

    Map<String, String> configuration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        for (int position = 0; position < configurationKeys.size(); position++) {
            configuration.put(configurationKeys.get(position), configurationValues.get(position));
        }
        return configuration;
    }

    boolean sameConfiguration(InstanceChildren other) {
        return configurationKeys.equals(other.configurationKeys)
                && configurationValues.equals(other.configurationValues);
    }

    /** H2 hands out {@code Object[]}, PostgreSQL {@code String[]}; both hold strings or nulls. */
    private static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            List<String> strings = new ArrayList<>();
            for (Object value : (Object[]) array.getArray()) {
                strings.add((String) value);
            }
            return strings;
        } finally {
            array.free();
        }
    }
}
