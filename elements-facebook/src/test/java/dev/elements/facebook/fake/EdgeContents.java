package dev.elements.facebook.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The rows of one connection, in display order, before paging.
 *
 * @param items the rows
 * @param newestFirst whether rows go from high to low sequence (feeds) or low to high (comments, friends)
 * @param paged false for the few edges Facebook returns without paging, such as permissions
 * @param summary the {@code summary} object, or null when the edge has none
 * @param summaryAlways true when Facebook sends the summary without {@code summary=true} (friends)
 */
record EdgeContents(List<Item> items, boolean newestFirst, boolean paged, ObjectNode summary, boolean summaryAlways) {

    /** One row and the sequence number its cursor carries. */
    record Item(long sequence, GraphNode node) {
    }
}
