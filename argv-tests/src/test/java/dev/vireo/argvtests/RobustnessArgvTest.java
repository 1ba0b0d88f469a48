package dev.vireo.argvtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vireo.caps.Capability;
import dev.vireo.caps.QemuCaps;
import dev.vireo.command.CommandBuilder;
import dev.vireo.command.UnsupportedConfigurationException;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every domain we have (our goldens, and the conformance corpus's argv and xml2xml inputs when they
 * are on this machine) against every binary generation we know (our three fixtures, the recorded
 * binaries' flag lists, no flags at all, every flag): the builder must either produce a command
 * line or refuse with {@link UnsupportedConfigurationException} -- never fail any other way.
 */
class RobustnessArgvTest {

    private static final Path GOLDEN = Path.of(System.getProperty("vireo.repo", ".."), "argv-tests", "src", "test",
            "resources", "argv");
    private static final Path CORPUS = Path.of("/work/shared/conformance/libvirt-0.10.2");

    @Test
    void everyDomainWithEveryBinaryBuildsOrIsRefusedCleanly() throws Exception {
        Map<String, QemuCaps> binaries = binaries();
        List<Path> documents = documents();
        List<String> crashes = new ArrayList<>();
        int built = 0;
        int refused = 0;
        for (Path document : documents) {
            Domain domain;
            try {
                domain = DomainXml.parse(Files.readString(document));
            } catch (XmlProblemsException e) {
                continue;
            }
            for (Map.Entry<String, QemuCaps> binary : binaries.entrySet()) {
                try {
                    CommandBuilder.build(domain, binary.getValue(), GoldenArgvTest.OPTIONS).toShellLine();
                    built++;
                } catch (UnsupportedConfigurationException e) {
                    refused++;
                } catch (RuntimeException e) {
                    crashes.add(document.getFileName() + " with " + binary.getKey() + ": " + e);
                }
            }
        }
        System.out.printf("robustness: %d documents x %d binaries: %d built, %d refused, %d crashed%n",
                documents.size(), binaries.size(), built, refused, crashes.size());
        assertTrue(crashes.isEmpty(), String.join("\n", crashes));
    }

    private static Map<String, QemuCaps> binaries() throws Exception {
        Map<String, QemuCaps> binaries = new LinkedHashMap<>();
        for (String fixture : List.of("_qemu-0.9.caps", "_qemu-0.12.caps", "_qemu-1.2.caps")) {
            binaries.put(fixture, CapsFixture.read(GOLDEN.resolve(fixture)));
        }
        binaries.put("no flags", new QemuCaps(CapsFixture.EMULATOR, 0, 0, false, EnumSet.noneOf(Capability.class)));
        binaries.put("every flag", new QemuCaps(CapsFixture.EMULATOR, 0, 0, false, EnumSet.allOf(Capability.class)));
        Path help = CORPUS.resolve("help/manifest.json");
        if (Files.exists(help)) {
            for (JsonNode binary : new ObjectMapper().readTree(help.toFile())) {
                EnumSet<Capability> flags = EnumSet.noneOf(Capability.class);
                binary.get("flags").forEach(f -> Capability.byName(f.asText()).ifPresent(flags::add));
                binaries.put(binary.get("name").asText(), new QemuCaps(CapsFixture.EMULATOR, 0, 0, false, flags));
            }
        }
        return binaries;
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(xmlFiles(GOLDEN));
        documents.addAll(xmlFiles(CORPUS.resolve("argv")));
        documents.addAll(xmlFiles(CORPUS.resolve("xml2xml")));
        return documents;
    }

    private static List<Path> xmlFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
