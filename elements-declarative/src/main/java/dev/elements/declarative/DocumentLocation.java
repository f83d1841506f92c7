package dev.elements.declarative;

import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/** Where something is in a document, from 1; 0 when not known. */
record DocumentLocation(int line, int column) {
    static final DocumentLocation UNKNOWN = new DocumentLocation(0, 0);

    /** Where the node starts, when it was read with locations. */
    static DocumentLocation of(JsonNode node) {
        return node instanceof TokenStreamLocationAware aware ? of(aware.tokenStreamLocation()) : UNKNOWN;
    }

    static DocumentLocation of(TokenStreamLocation location) {
        return location == null ? UNKNOWN : new DocumentLocation(Math.max(0, location.getLineNr()),
                Math.max(0, location.getColumnNr()));
    }

    String describe() {
        if (line <= 0) {
            return "";
        }
        return ", line " + line + (column > 0 ? ", column " + column : "");
    }
}
