package dev.vireo.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The daemon's Jackson mapper, for the RPC and the runtime records (thread-safe once configured;
 * costly to create, so shared). It lives in the daemon, not in the client module: the client
 * speaks JSON through {@code dev.vireo.client.JsonText}, which keeps Jackson off {@code vireo}'s
 * class path and out of its start.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
