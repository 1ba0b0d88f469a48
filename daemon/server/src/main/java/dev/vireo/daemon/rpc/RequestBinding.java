package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.protocol.ops.Nullable;
import dev.vireo.protocol.ops.Request;
import dev.vireo.protocol.ops.RequestArgs;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a request's {@code args} object becomes its {@link Request} record: one argument per
 * component, by the name {@link RequestArgs#wireName} gives it. Made once per record type, when
 * its handler is registered; a record with a component type the wire has no form for is refused
 * there, at the daemon's start, not at the first call.
 *
 * <p>What a client gets wrong is a {@code bad-request} naming the operation and the argument: a
 * missing or mistyped argument, and an argument the operation does not have (a typo, or a client
 * newer than this daemon, is refused rather than silently ignored).
 *
 * @param <R> the request record
 */
final class RequestBinding<R extends Request> {
    private final String op;
    private final List<Arg> args;
    private final Map<String, Arg> byName;
    private final Constructor<R> constructor;

    private enum Kind { STRING, FLAG, COUNT, STRINGS, COUNTS }

    private record Arg(String name, Kind kind, boolean nullable) {
    }

    private RequestBinding(String op, List<Arg> args, Constructor<R> constructor) {
        this.op = op;
        this.args = args;
        Map<String, Arg> names = new LinkedHashMap<>();
        for (Arg a : args) names.put(a.name(), a);
        this.byName = Collections.unmodifiableMap(names);
        this.constructor = constructor;
    }

    static <R extends Request> RequestBinding<R> of(Class<R> type) {
        if (!type.isRecord()) throw new IllegalArgumentException(type.getName() + " is not a record");
        boolean snake = Request.SnakeCase.class.isAssignableFrom(type);
        RecordComponent[] components = type.getRecordComponents();
        List<Arg> args = new ArrayList<>(components.length);
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            boolean nullable = c.isAnnotationPresent(Nullable.class);
            args.add(new Arg(RequestArgs.wireName(c.getName(), snake), kind(type, c), nullable));
            if (nullable && c.getType().isPrimitive()) {
                throw new IllegalArgumentException(type.getName() + "." + c.getName() + ": a primitive cannot be @Nullable");
            }
        }
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
        RequestBinding<R> binding = new RequestBinding<>(null, args, constructor);
        // op() returns a constant (Request's contract): ask an instance with nothing in it
        String op = binding.construct(binding.emptyValues()).op();
        return new RequestBinding<>(op, args, constructor);
    }

    private static Kind kind(Class<?> record, RecordComponent c) {
        Type t = c.getGenericType();
        if (t == String.class) return Kind.STRING;
        if (t == boolean.class) return Kind.FLAG;
        if (t == Long.class) return Kind.COUNT;
        if (t instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == String.class) {
            return Kind.STRINGS;
        }
        if (t instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class && p.getActualTypeArguments()[1] == Long.class) {
            return Kind.COUNTS;
        }
        throw new IllegalArgumentException(record.getName() + "." + c.getName() + ": no wire form for " + t.getTypeName()
                + " (String, boolean, Long, List<String> or Map<String, Long>)");
    }

    /** The operation's wire name. */
    String op() {
        return op;
    }

    /** The record for a request's arguments ({@code args} an object). */
    R bind(JsonNode given) throws RpcException {
        for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!byName.containsKey(name)) {
                throw refused("unknown argument '" + name + "'"
                        + (byName.isEmpty() ? " (it takes none)" : "; known: " + String.join(", ", byName.keySet())));
            }
        }
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) values[i] = value(args.get(i), given.get(args.get(i).name()));
        return construct(values);
    }

    private Object value(Arg arg, JsonNode v) throws RpcException {
        boolean absent = v == null || v.isNull();
        return switch (arg.kind()) {
            case STRING -> {
                if (absent && arg.nullable()) yield null;
                if (absent || !v.isTextual()) throw refused("missing string argument '" + arg.name() + "'");
                yield v.asText();
            }
            case FLAG -> {
                if (absent) yield false;
                if (!v.isBoolean()) throw refused("argument '" + arg.name() + "' must be true or false");
                yield v.asBoolean();
            }
            case COUNT -> {
                if (absent && arg.nullable()) yield null;
                if (absent) throw refused("missing integer argument '" + arg.name() + "'");
                yield count(v, "argument '" + arg.name() + "'");
            }
            case STRINGS -> {
                if (absent && arg.nullable()) yield null;
                if (absent) yield List.of();
                if (!v.isArray()) throw refused("argument '" + arg.name() + "' must be a list of strings");
                List<String> out = new ArrayList<>(v.size());
                for (JsonNode e : v) {
                    if (!e.isTextual()) throw refused("argument '" + arg.name() + "' must be a list of strings");
                    out.add(e.asText());
                }
                yield List.copyOf(out);
            }
            case COUNTS -> {
                if (absent) yield Map.of();
                if (!v.isObject()) throw refused("argument '" + arg.name() + "' must be an object of integers");
                Map<String, Long> out = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(e.getKey(), count(e.getValue(), "'" + arg.name() + "' entry '" + e.getKey() + "'"));
                }
                yield Collections.unmodifiableMap(out);
            }
        };
    }

    private long count(JsonNode v, String what) throws RpcException {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw refused(what + " must be a non-negative integer");
        }
        return v.asLong();
    }

    private Object[] emptyValues() {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) values[i] = args.get(i).kind() == Kind.FLAG ? false : null;
        return values;
    }

    private R construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot make " + constructor.getDeclaringClass().getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + constructor.getDeclaringClass().getName() + ": " + e, e);
        }
    }

    private RpcException refused(String why) {
        return new RpcException(ErrorCodes.BAD_REQUEST, op + ": " + why);
    }
}
