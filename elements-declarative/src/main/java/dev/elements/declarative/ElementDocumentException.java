package dev.elements.declarative;

/**
 * An element document that cannot become an element: unreadable, not JSON, not what the schema
 * allows, or in conflict with another document. The message names the file, the line and column
 * where the problem is, and the field, such as
 * {@code linkedin.json, line 12, column 16: $.hub.paging.style: must be one of cursor, link, offset, none}.
 */
public final class ElementDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    ElementDocumentException(String file, DocumentLocation location, String field, String problem) {
        super(file + location.describe() + ": " + (field == null ? "" : field + ": ") + problem);
        this.file = file;
        this.line = location.line();
        this.field = field;
    }

    ElementDocumentException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
        this.field = null;
    }

    /** The document's file name. */
    public String file() {
        return file;
    }

    /** The line of the problem, from 1; 0 when the problem has no place in the document. */
    public int line() {
        return line;
    }

    /** The field, as a JSON path such as {@code $.hub.paging.style}; null for the whole document. */
    public String field() {
        return field;
    }
}
