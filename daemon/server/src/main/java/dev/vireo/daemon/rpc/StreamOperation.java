package dev.vireo.daemon.rpc;

/**
 * An operation whose success turns its connection into a stream: it calls {@link Session#openStream}
 * before returning its result. The connection's reader learns it from this type before the
 * operation runs, and so reads no further line once it has handed the request over.
 */
@FunctionalInterface
public interface StreamOperation extends Operation {
}
