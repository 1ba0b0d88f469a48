package dev.vireo.client;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The daemon's Jackson mapper for the RPC (thread-safe once configured; costly to create, so
 * shared). The client side does not use it: {@link VireoClient} speaks through {@link JsonText},
 * which keeps Jackson out of {@code vireo}'s start.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
