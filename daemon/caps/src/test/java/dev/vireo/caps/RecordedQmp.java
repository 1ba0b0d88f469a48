package dev.vireo.caps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** QMP replies recorded by {@code src/test/resources/qmp/record} from a real emulator, as {@link QmpReplies}. */
final class RecordedQmp {

    private RecordedQmp() {
    }

    /** @param name e.g. {@code qemu-7.2.22}: reads NAME.tcg.json and, when recorded, NAME.kvm.json */
    static QmpReplies load(String name) throws IOException {
        JsonNode tcg = read(name + ".tcg.json");
        JsonNode kvm = read(name + ".kvm.json");
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (Iterator<String> keys = tcg.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.startsWith("device-list-properties:")) {
                properties.put(key.substring("device-list-properties:".length()), tcg.get(key));
            }
        }
        Map<String, JsonNode> cpus = new LinkedHashMap<>();
        cpus.put("tcg", tcg.get("query-cpu-definitions"));
        if (kvm != null) cpus.put("kvm", kvm.get("query-cpu-definitions"));
        return new QmpReplies(tcg.get("query-version"), tcg.get("query-machines"), tcg.get("query-kvm"),
                tcg.get("qom-list-types:device"), tcg.get("qom-list-types:accel"), properties, cpus,
                tcg.get("query-commands"), tcg.get("query-tpm-types"));
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = RecordedQmp.class.getResourceAsStream("/qmp/" + resource)) {
            return in == null ? null : new ObjectMapper().readTree(in);
        }
    }
}
