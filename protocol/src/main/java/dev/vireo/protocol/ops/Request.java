package dev.vireo.protocol.ops;

/**
 * One RPC operation's request: a record in this package whose components are the operation's
 * arguments. The record is the operation's only definition: the client writes it with
 * {@link RequestArgs}, the daemon binds a request's {@code args} back to it and registers one
 * handler for its type (see docs/cli.md, "Writing an operation").
 *
 * <p>The record names its operation once, in {@link #op()}, which returns a constant: the client
 * reads it from the value without reflection (reflection costs a {@code vireo} call milliseconds
 * at start), the daemon from an instance it makes with every component null or false when it
 * registers the handler.
 *
 * <p>Arguments are named after the components ({@code keepRelative}); a record that implements
 * {@link SnakeCase} has them in snake_case instead ({@code keepNvram} is {@code keep_nvram}), as
 * virsh spells those operations' flags. Component types: {@code String}, {@code boolean} (absent
 * means false), {@code Long} (a non-negative integer), {@code List<String>} and
 * {@code Map<String, Long>} (absent means empty); a component marked {@link Nullable} may be left
 * out, every other {@code String} and {@code Long} is required.
 */
public interface Request {

    /** The operation's wire name ({@code "blkdeviotune"}): a constant, whatever the components. */
    String op();

    /** A request whose arguments are the components' names in snake_case. */
    interface SnakeCase extends Request {
    }
}
