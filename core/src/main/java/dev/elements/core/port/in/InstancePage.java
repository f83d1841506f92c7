package dev.elements.core.port.in;

import java.util.List;

/**
 * @param instances this page
 * @param total how many instances match the query in all
 */
public record InstancePage(List<InstanceDescription> instances, long total) {
    public InstancePage {
        instances = List.copyOf(instances);
    }
}
