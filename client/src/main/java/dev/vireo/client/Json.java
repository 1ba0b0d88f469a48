package dev.vireo.client;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the RPC (thread-safe once configured; costly to create, so shared). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
