package dev.vireo.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The host-model rule on small hand-written expansions (the real QEMU's are checked in CapsProberTest). */
class HostCpuChoiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    /** A static expansion: the feature booleans (every model lists the same names) plus a vendor. */
    private static JsonNode model(String vendor, String... on) throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("vendor", vendor);
        props.put("family", 6);
        for (String f : List.of("sse2", "avx", "avx2", "aes", "rdseed", "pku")) props.put(f, List.of(on).contains(f));
        return JSON.valueToTree(Map.of("model", Map.of("name", "base", "props", props)));
    }

    @Test
    void candidatesAreTheUnversionedModelsThatAreNotDeprecatedNorSpecial() throws Exception {
        JsonNode definitions = json("""
                [{'name':'max'},{'name':'host'},{'name':'base'},{'name':'EPYC','alias-of':'EPYC-v1'},
                 {'name':'EPYC-v1'},{'name':'EPYC-v2'},{'name':'Opteron_G1','deprecated':true},
                 {'name':'qemu64','unavailable-features':['kvm']},{'name':'Haswell-noTSX'}]""");
        assertEquals(List.of("EPYC", "Haswell-noTSX", "qemu64"), HostCpuChoice.candidates(definitions));
    }

    @Test
    void theModelWithFewestDifferencesOfTheSameVendorWinsWithEachDifferenceSpelledOut() throws Exception {
        // max: sse2 avx aes pku, and a full expansion's extra properties (aliases, non-features) that are ignored
        JsonNode max = json("""
                {'model':{'name':'max','props':{'vendor':'GenuineIntel','sse2':true,'avx':true,'aes':true,'pku':true,
                 'sse4_2':true,'migratable':true,'rdseed':false,'avx2':false}}}""");
        Map<String, JsonNode> models = new LinkedHashMap<>();
        models.put("Zen", model("AuthenticAMD", "sse2", "avx", "aes", "pku"));        // 0 differences, other vendor
        models.put("Big", model("GenuineIntel", "sse2", "avx", "avx2", "aes", "rdseed")); // 3: avx2, rdseed off, pku on
        models.put("Small", model("GenuineIntel", "sse2"));                             // 3: avx, aes, pku on
        models.put("Mid", model("GenuineIntel", "sse2", "avx", "rdseed"));             // 3: aes, pku on, rdseed off
        models.put("Near", model("GenuineIntel", "sse2", "avx", "aes"));               // 1: pku on
        Optional<HostCpu> chosen = HostCpuChoice.choose("tcg", new QmpReplies.HostCpuReplies(max, models));
        assertEquals(Optional.of(new HostCpu("tcg", "Near", "Intel", List.of(new HostCpu.Feature("pku", true)))), chosen);

        models.remove("Near");
        HostCpu tie = HostCpuChoice.choose("tcg", new QmpReplies.HostCpuReplies(max, models)).orElseThrow();
        assertEquals("Big", tie.model(), "a tie goes to the first name in alphabetical order");
        assertEquals(List.of(new HostCpu.Feature("pku", true), new HostCpu.Feature("avx2", false),
                new HostCpu.Feature("rdseed", false)), tie.features(), "enabled first, then disabled, each by name");
    }

    @Test
    void anotherVendorsModelIsTakenOnlyWhenNoneOfMaxsVendorExists() throws Exception {
        JsonNode max = json("{'model':{'name':'max','props':{'vendor':'HygonGenuine','sse2':true,'avx':true}}}");
        HostCpu chosen = HostCpuChoice.choose("kvm", new QmpReplies.HostCpuReplies(max,
                Map.of("Zen", model("AuthenticAMD", "sse2", "avx"), "Core", model("GenuineIntel", "sse2")))).orElseThrow();
        assertEquals(new HostCpu("kvm", "Zen", "Hygon", List.of()), chosen);
        assertEquals(Optional.empty(), HostCpuChoice.choose("kvm", new QmpReplies.HostCpuReplies(max, Map.of())));
    }
}
