package dev.elements.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.elements.core.error.ErrorCode;
import dev.elements.core.error.PlatformException;
import dev.elements.core.error.RequestValues;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Binds a request object to its request record with Jackson, strictly: a string field takes only a
 * JSON string, a boolean only {@code true} or {@code false}, a number only an integral number, and
 * Jackson's usual coercions ({@code 5} into {@code "5"}) are refused. Every wrongly typed field is
 * collected instead of failing at the first, so that one 400 names them all, each by its JSON path
 * ({@code providerData.code}, {@code tags[1]}) and never with its value. Absent and {@code null}
 * fields bind as null; whether they are required is the command's call. Unknown fields are
 * ignored: Cloud Elements clients send back whole objects.
 */
final class BodyBinding {
    private static final int MAX_PROBLEMS_NAMED = 10;

    private final ObjectReader reader;

    BodyBinding(ObjectMapper mapper) {
        this.reader = mapper.copy()
                .registerModule(new SimpleModule("strict-scalars")
                        .addDeserializer(String.class, new Strict<>(String.class,
                                token -> token == JsonToken.VALUE_STRING, JsonParser::getText))
                        .addDeserializer(Boolean.class, new Strict<>(Boolean.class,
                                JsonToken::isBoolean, JsonParser::getBooleanValue))
                        .addDeserializer(BigInteger.class, new Strict<>(BigInteger.class,
                                token -> token == JsonToken.VALUE_NUMBER_INT, JsonParser::getBigIntegerValue)))
                .reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** @throws PlatformException (400) naming every field of a wrong type */
    <T> T bind(ObjectNode body, Class<T> type) {
        Problems problems = new Problems();
        T value;
        try {
            value = reader.forType(type).withHandler(problems).readValue(body);
        } catch (IOException e) {
            // Every type mismatch is collected by the handler; what is left is ours to fix.
            throw new IllegalStateException("A request body could not be bound to " + type.getSimpleName(), e);
        }
        if (!problems.found.isEmpty()) {
            throw new PlatformException(ErrorCode.INVALID_FIELD, listed(problems.found));
        }
        return value;
    }

    /** Every problem up to a bound, and how many more: a body may hold thousands of wrong fields. */
    private static String listed(List<String> problems) {
        String named = String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_NAMED)));
        int more = problems.size() - MAX_PROBLEMS_NAMED;
        return more > 0 ? named + "; and " + more + " more" : named;
    }

    /** Collects each wrongly typed field and binds it as null, so that binding goes on to the next. */
    private static final class Problems extends DeserializationProblemHandler {
        private final List<String> found = new ArrayList<>();

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                JsonParser parser, String failureMsg) throws IOException {
            return refuse(parser, targetType.getRawClass(), targetType.isCollectionLikeType());
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                ValueInstantiator valueInsta, JsonParser parser, String msg) throws IOException {
            return refuse(parser, instClass, false);
        }

        private Object refuse(JsonParser parser, Class<?> target, boolean collection) throws IOException {
            found.add(path(parser) + " must be " + kind(target, collection));
            parser.skipChildren();
            return null;
        }

        private static String kind(Class<?> target, boolean collection) {
            if (collection || Collection.class.isAssignableFrom(target)) {
                return "an array of strings";
            }
            if (target == String.class) {
                return "a string";
            }
            if (target == Boolean.class) {
                return "a boolean";
            }
            if (Number.class.isAssignableFrom(target)) {
                return "a number";
            }
            return "an object";
        }

        /** The field's JSON path, such as {@code configuration.oauth.scope} or {@code tags[1]}. */
        private static String path(JsonParser parser) {
            Deque<String> segments = new ArrayDeque<>();
            JsonStreamContext context = parser.getParsingContext();
            if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
                context = context.getParent(); // the value's own, just opened context names nothing yet
            }
            for (; context != null && !context.inRoot(); context = context.getParent()) {
                if (context.inArray()) {
                    segments.push("[" + context.getCurrentIndex() + "]");
                } else if (context.getCurrentName() != null) {
                    // A name may be the client's own (a configuration key): shortened and cleaned.
                    segments.push((context.getParent() != null && context.getParent().inRoot() ? "" : ".")
                            + RequestValues.shortened(context.getCurrentName()));
                }
            }
            return String.join("", segments);
        }
    }

    /** Reads a value of the token it was made for; any other token is a type error, never coerced. */
    private static final class Strict<T> extends StdScalarDeserializer<T> {
        private final Class<T> type;
        private final Predicate<JsonToken> accepted;
        private final Reader<T> reader;

        Strict(Class<T> type, Predicate<JsonToken> accepted, Reader<T> reader) {
            super(type);
            this.type = type;
            this.accepted = accepted;
            this.reader = reader;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            return accepted.test(parser.currentToken())
                    ? reader.read(parser)
                    : type.cast(ctxt.handleUnexpectedToken(type, parser));
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /**
     * A configuration value: Cloud Elements sends them as strings; numbers and booleans are taken
     * in their JSON spelling, objects and arrays as their compact JSON text (Cloud Elements' own
     * polling examples send {@code event.poller.configuration} as an object), {@code null} clears a
     * value.
     */
    static final class ConfigurationText extends StdScalarDeserializer<String> {
        ConfigurationText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING || token.isNumeric() || token.isBoolean()) {
                return parser.getText();
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                return ctxt.readTree(parser).toString();
            }
            return (String) ctxt.handleUnexpectedToken(String.class, parser);
        }
    }
}
