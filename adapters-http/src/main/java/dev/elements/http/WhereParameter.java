package dev.elements.http;

import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import dev.elements.core.query.And;
import dev.elements.core.query.Comparison;
import dev.elements.core.query.Condition;
import dev.elements.core.query.In;
import dev.elements.core.query.Like;
import dev.elements.core.query.Operator;
import dev.elements.core.query.Or;
import dev.elements.core.query.Value;
import dev.elements.http.ceql.CeqlBaseVisitor;
import dev.elements.http.ceql.CeqlLexer;
import dev.elements.http.ceql.CeqlParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The {@code where} query parameter: Cloud Elements' CEQL, parsed by the grammar {@code Ceql.g4}
 * into core's {@link Condition}. A query that does not parse is a 400 that names the position
 * (1-based, in characters) and what was expected there, quoting no more of the query than a short
 * excerpt of the offending token. Length and nesting are bounded before parsing, so that a hostile
 * query can cost no more than a small one.
 */
final class WhereParameter {
    /** Far beyond any hand-written filter; it bounds the work and the tree of one query. */
    static final int MAX_LENGTH = 2_000;
    /** Parentheses nest no deeper: each level is a recursion in the parser. */
    static final int MAX_DEPTH = 16;

    private WhereParameter() {
    }

    /**
     * @param where the parameter's text, or null
     * @return the condition, or null when the parameter is absent or blank
     * @throws PlatformException {@code INVALID_FIELD} for a query too long, too deep or not CEQL
     */
    static Condition parse(String where) {
        if (where == null || where.isBlank()) {
            return null;
        }
        if (where.length() > MAX_LENGTH) {
            throw invalid("longer than " + MAX_LENGTH + " characters (" + where.length() + ")");
        }
        CeqlLexer lexer = new CeqlLexer(CharStreams.fromString(where));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new Refusal(where));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkDepth(tokens.getTokens());
        CeqlParser parser = new CeqlParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new Refusal(where));
        return new Conditions().visit(parser.where().condition());
    }

    private static void checkDepth(List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            if (token.getType() == CeqlLexer.LPAREN && ++depth > MAX_DEPTH) {
                throw invalid("at position " + (token.getStartIndex() + 1) + ": parentheses nest deeper than "
                        + MAX_DEPTH);
            } else if (token.getType() == CeqlLexer.RPAREN) {
                depth--;
            }
        }
    }

    private static PlatformException invalid(String problem) {
        return new PlatformException(ErrorCode.INVALID_FIELD, "where: " + problem);
    }

    /** Turns the first syntax error into the 400, instead of ANTLR's recovery and console output. */
    private static final class Refusal extends BaseErrorListener {
        private final String where;

        Refusal(String where) {
            this.where = where;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                int charPositionInLine, String msg, RecognitionException e) {
            int position;
            String found;
            if (offendingSymbol instanceof Token token) {
                position = token.getType() == Token.EOF ? where.length() + 1 : token.getStartIndex() + 1;
                found = token.getType() == Token.EOF ? "the end of the query" : RequestValues.quote(token.getText());
            } else {
                // Only the lexer reports without a token; every character is a token of the grammar, so this
                // is a safety net rather than a path.
                position = charPositionInLine + 1;
                found = "an unexpected character";
            }
            String expected = recognizer instanceof Parser parser ? expected(parser.getExpectedTokens()) : null;
            throw invalid("at position " + position + ": "
                    + (expected == null ? "" : "expected " + expected + ", ") + "found " + found);
        }

        private static String expected(IntervalSet types) {
            Set<String> names = new LinkedHashSet<>();
            for (int type : types.toList()) {
                names.add(describe(type));
            }
            if (names.isEmpty()) {
                return null;
            }
            List<String> listed = new ArrayList<>(names);
            String last = listed.remove(listed.size() - 1);
            return listed.isEmpty() ? last : String.join(", ", listed) + " or " + last;
        }

        private static String describe(int type) {
            return switch (type) {
                case Token.EOF -> "the end of the query";
                case CeqlLexer.STRING -> "a 'quoted' text";
                case CeqlLexer.NUMBER -> "a number";
                case CeqlLexer.IDENTIFIER, CeqlLexer.QUOTED_IDENTIFIER -> "a field name";
                default -> {
                    String literal = CeqlLexer.VOCABULARY.getLiteralName(type);
                    yield literal == null ? CeqlLexer.VOCABULARY.getDisplayName(type)
                            : literal.substring(1, literal.length() - 1);
                }
            };
        }
    }

    /** The parse tree as core's condition; chains of {@code and} (or {@code or}) become one node. */
    private static final class Conditions extends CeqlBaseVisitor<Condition> {
        @Override
        public Condition visitAnd(CeqlParser.AndContext ctx) {
            List<Condition> parts = new ArrayList<>();
            for (CeqlParser.ConditionContext part : ctx.condition()) {
                Condition condition = visit(part);
                if (condition instanceof And and) {
                    parts.addAll(and.conditions());
                } else {
                    parts.add(condition);
                }
            }
            return new And(parts);
        }

        @Override
        public Condition visitOr(CeqlParser.OrContext ctx) {
            List<Condition> parts = new ArrayList<>();
            for (CeqlParser.ConditionContext part : ctx.condition()) {
                Condition condition = visit(part);
                if (condition instanceof Or or) {
                    parts.addAll(or.conditions());
                } else {
                    parts.add(condition);
                }
            }
            return new Or(parts);
        }

        @Override
        public Condition visitParenthesized(CeqlParser.ParenthesizedContext ctx) {
            return visit(ctx.condition());
        }

        @Override
        public Condition visitPredicate(CeqlParser.PredicateContext ctx) {
            String field = field(ctx.field());
            CeqlParser.OperationContext operation = ctx.operation();
            if (operation instanceof CeqlParser.ComparisonContext comparison) {
                return new Comparison(field, operator(comparison.comparator().getStart()), value(comparison.value()));
            }
            if (operation instanceof CeqlParser.LikeContext like) {
                return new Like(field, text(like.STRING()));
            }
            return new In(field, ((CeqlParser.InContext) operation).value().stream().map(Conditions::value).toList());
        }

        private static String field(CeqlParser.FieldContext field) {
            String text = field.getText();
            return field.QUOTED_IDENTIFIER() != null ? text.substring(1, text.length() - 1) : text;
        }

        private static Operator operator(Token symbol) {
            return switch (symbol.getType()) {
                case CeqlLexer.EQ -> Operator.EQUAL;
                case CeqlLexer.NE -> Operator.NOT_EQUAL;
                case CeqlLexer.LT -> Operator.LESS;
                case CeqlLexer.GT -> Operator.GREATER;
                case CeqlLexer.LE -> Operator.LESS_OR_EQUAL;
                case CeqlLexer.GE -> Operator.GREATER_OR_EQUAL;
                default -> throw new IllegalStateException("No comparator " + symbol.getText());
            };
        }

        private static Value value(CeqlParser.ValueContext value) {
            if (value.STRING() != null) {
                return new Value.Text(text(value.STRING()));
            }
            if (value.NUMBER() != null) {
                return new Value.Numeric(new BigDecimal(value.NUMBER().getText()));
            }
            return new Value.Bool(value.TRUE() != null);
        }

        /** The text between the quotes, a doubled quote read as one. */
        private static String text(TerminalNode string) {
            String quoted = string.getText();
            return quoted.substring(1, quoted.length() - 1).replace("''", "'");
        }
    }
}
