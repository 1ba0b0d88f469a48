package dev.vireo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's JSON against the daemon's (Jackson): what one side writes the other reads to the
 * same value, and the CLI's printed JSON is spelled as Jackson spelled it before.
 */
class JsonTextTest {
    /** Configured as the daemon's mapper (dev.vireo.daemon.Json): Jackson's defaults. */
    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** Messages of the RPC's shapes, with the awkward corners: escapes, unicode, numbers, nesting. */
    private static final List<String> DOCUMENTS = List.of(
            "{\"id\":1,\"op\":\"define\",\"args\":{\"xml\":\"<domain type='qemu'>\\n  <name>a\\\"b\\\\c</name>\\n</domain>\\n\"}}",
            "{\"id\":7,\"result\":[{\"id\":null,\"name\":\"web\",\"uuid\":\"5f1a\",\"state\":\"shut off\"},{\"id\":3,\"name\":\"db\",\"uuid\":\"x\",\"state\":\"running\"}]}",
            "{\"id\":2,\"error\":{\"code\":\"invalid-xml\",\"message\":\"line 3:5: \\u0001 tab\\t cr\\r bs\\b ff\\f \\u001F é ✓ \\uD83D\\uDE00\"}}",
            "{\"event\":{\"domain\":\"web\",\"kind\":\"lifecycle\",\"event\":\"Started\",\"detail\":\"Booted\"}}",
            "{\"return\":{\"status\":\"running\",\"singlestep\":false,\"running\":true},\"n\":[1,-2,3000000000,123456789012345678901234567890,0.5,-1.25E-7,1.0E20,1e3]}",
            "{\"empty\":{},\"none\":[],\"nested\":[[],[{}],[{\"a\":[1,{\"b\":{}}]}]],\"s\":\"/slash\"}",
            "[{\"filename\":\"/tmp/top.qcow2\",\"format\":\"qcow2\",\"virtual-size\":1073741824,\"format-specific\":{\"type\":\"qcow2\",\"data\":{\"compat\":\"1.1\",\"lazy-refcounts\":false,\"refcount-bits\":16,\"corrupt\":false}},\"dirty-flag\":false}]",
            "\"just text\"", "42", "true", "null");

    @Test
    void writesWhatJacksonWrites() throws Exception {
        for (String doc : DOCUMENTS) {
            JsonNode jackson = JACKSON.readTree(doc);
            Object ours = JsonText.parse(doc);
            assertEquals(jackson.toString(), JsonText.write(ours), doc);
            assertEquals(JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(jackson), JsonText.pretty(ours), doc);
        }
    }

    @Test
    void jacksonReadsWhatWeWriteAsTheSameValue() throws Exception {
        for (String doc : DOCUMENTS) {
            assertEquals(JACKSON.readTree(doc), JACKSON.readTree(JsonText.write(JsonText.parse(doc))), doc);
            assertEquals(JACKSON.readTree(doc), JACKSON.readTree(JsonText.pretty(JsonText.parse(doc))), doc);
        }
    }

    @Test
    void valuesArePlainJava() {
        Object v = JsonText.parse(" {\"a\" : [1, 3000000000, 99999999999999999999, 2.5, \"x\", false, null]} ");
        assertEquals(Map.of("a", java.util.Arrays.asList(1, 3_000_000_000L, new BigInteger("99999999999999999999"), 2.5,
                "x", false, null)), v);
    }

    @Test
    void malformedTextIsRefusedWithThePlace() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "{\"a\":1}x", "\"open", "tru", "{a:1}", "\"\\q\"", "-",
                "\"raw\ttab\"")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.parse(bad), bad);
            assertTrue(e.getMessage().contains(" at character "), e.getMessage());
        }
    }

    @Test
    void fieldsReadLikeJacksonPaths() {
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) JsonText.parse("{\"s\":\"x\",\"n\":5,\"z\":null,\"t\":true,\"o\":{}}");
        assertEquals("x", JsonFields.text(o, "s"));
        assertEquals("5", JsonFields.text(o, "n"));
        assertEquals("null", JsonFields.text(o, "z"));
        assertEquals("", JsonFields.text(o, "missing"));
        assertEquals("fallback", JsonFields.text(o, "z", "fallback"));
        assertEquals(5, JsonFields.longValue(o, "n"));
        assertEquals(0, JsonFields.intValue(o, "s"));
        assertTrue(JsonFields.bool(o, "t"));
        assertEquals(Map.of(), JsonFields.object(o.get("o")));
        assertEquals(List.of(), JsonFields.array(o.get("s")));
    }
}
