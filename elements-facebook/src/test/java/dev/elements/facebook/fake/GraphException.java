package dev.elements.facebook.fake;

/** Unwinds a request with the Graph error Facebook would answer; turned into a response at the top of a route. */
final class GraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient GraphError error;

    GraphException(GraphError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    GraphError error() {
        return error;
    }
}
