package dev.elements.core.query;

/** The comparison operators of CEQL. */
public enum Operator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    GREATER(">"),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** As written in a query, such as {@code >=}. */
    public String symbol() {
        return symbol;
    }

    /** Whether this operator orders values rather than only telling equal from different. */
    public boolean orders() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    /** Whether a comparison's result (negative, zero, positive) satisfies this operator. */
    public boolean holdsFor(int comparison) {
        return switch (this) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS -> comparison < 0;
            case GREATER -> comparison > 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
        };
    }
}
