package dev.vireo.qmp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * QEMU's first message on a monitor connection.
 *
 * @param major        e.g. 7
 * @param minor        e.g. 2
 * @param micro        e.g. 22
 * @param packageName  the distribution's build, e.g. "Debian 1:7.2+dfsg-7+deb12u18+b3" (may be "")
 * @param capabilities what the server could negotiate, e.g. ["oob"]
 */
public record QmpGreeting(int major, int minor, int micro, String packageName, List<String> capabilities) {

    public QmpGreeting {
        capabilities = List.copyOf(capabilities);
    }

    /** libvirt's version number: major * 1,000,000 + minor * 1,000 + micro. */
    public long versionNumber() {
        return major * 1_000_000L + minor * 1_000L + micro;
    }

    static QmpGreeting parse(JsonNode message) throws QmpProtocolException {
        JsonNode qmp = message.get("QMP");
        JsonNode version = qmp == null ? null : qmp.path("version").get("qemu");
        if (version == null || !version.path("major").isInt()) {
            throw new QmpProtocolException("expected a QMP greeting {\"QMP\": {\"version\": ...}}, got " + message);
        }
        List<String> capabilities = new ArrayList<>();
        qmp.path("capabilities").forEach(c -> capabilities.add(c.asText()));
        return new QmpGreeting(version.path("major").asInt(), version.path("minor").asInt(),
                version.path("micro").asInt(), qmp.path("version").path("package").asText(""), capabilities);
    }
}
