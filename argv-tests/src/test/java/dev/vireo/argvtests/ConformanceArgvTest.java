package dev.vireo.argvtests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vireo.caps.Capability;
import dev.vireo.caps.QemuCaps;
import dev.vireo.command.CommandBuilder;
import dev.vireo.command.CommandLine;
import dev.vireo.command.LaunchOptions;
import dev.vireo.command.UnsupportedConfigurationException;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs libvirt 0.10.2's XML-to-argv cases from the shared conformance corpus (read in place, never
 * copied) through the parser and {@link CommandBuilder}, and reports the pass count per group
 * (core = i686/x86_64, not mocked, no harness dependencies), comparing the way the conformance
 * runner does: extra environment as a set, arguments token by token, monitor path normalised.
 * Skipped when the corpus is not on this machine.
 */
class ConformanceArgvTest {

    private static final Path CORPUS = Path.of("/work/shared/conformance/libvirt-0.10.2/argv");
    private static final Set<String> BASE_ENV = Set.of("LC_ALL", "PATH", "HOME", "USER", "LOGNAME");
    private static final Path MONITOR = Path.of("/run/vireo/conformance.monitor");

    /**
     * Core cases that must keep passing; raised as the builder learns more, never lowered. The
     * remaining core failures are listed in the report this test prints.
     */
    private static final int CORE_FLOOR = 108;

    @Test
    void libvirtCasesProduceLibvirtsCommandLines() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "conformance corpus not present at " + CORPUS);
        JsonNode manifest = new ObjectMapper().readTree(CORPUS.resolve("manifest.json").toFile());
        Map<String, int[]> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (JsonNode c : manifest) {
            String group = group(c);
            String problem = run(c);
            int[] count = counts.computeIfAbsent(group, g -> new int[2]);
            count[problem == null ? 0 : 1]++;
            if (problem != null) {
                failures.add("[" + group + "] " + c.get("id").asText() + ": " + problem);
            }
        }
        StringBuilder report = new StringBuilder("argv conformance (libvirt 0.10.2 corpus):\n");
        counts.forEach((group, n) -> report.append(String.format("  %-14s %4d / %4d%n", group, n[0], n[0] + n[1])));
        failures.forEach(f -> report.append("  FAIL ").append(f).append('\n'));
        System.out.print(report);
        int corePassed = counts.getOrDefault("core", new int[2])[0];
        assertTrue(corePassed >= CORE_FLOOR, "core cases passing fell to " + corePassed + " (floor " + CORE_FLOOR
                + ")\n" + report);
    }

    private static String group(JsonNode c) {
        if (c.path("mocked").asBoolean()) return "mocked";
        if (!c.path("harness_deps").isEmpty()) return "env-dependent";
        String arch = c.path("arch").asText();
        return arch.equals("i686") || arch.equals("x86_64") ? "core" : "other-arch";
    }

    /** Null when the case passes, else what went wrong. */
    private static String run(JsonNode c) throws IOException {
        boolean expectRefusal = !c.get("expect").asText().equals("args");
        EnumSet<Capability> flags = EnumSet.noneOf(Capability.class);
        for (JsonNode f : c.get("effective_flags")) {
            Capability.byName(f.asText()).ifPresent(flags::add);
        }
        String emulator = c.path("emulator").asText("/usr/bin/qemu");
        QemuCaps caps = new QemuCaps(emulator, 0, 0, false, flags);
        String xml = Files.readString(CORPUS.resolve(c.get("xml").asText()));
        CommandLine built;
        try {
            Domain domain = DomainXml.parse(xml);
            built = CommandBuilder.build(domain, caps, LaunchOptions.forMonitor(MONITOR)
                    .withHostEnvironment(Map.of("PATH", "/bin", "HOME", "/home/test", "USER", "test", "LOGNAME", "test")));
        } catch (XmlProblemsException | UnsupportedConfigurationException e) {
            return expectRefusal ? null : "refused: " + e.getMessage().replace('\n', ' ');
        } catch (RuntimeException e) {
            return "crashed: " + e;
        }
        if (expectRefusal) {
            return "expected a refusal, got " + built.toShellLine();
        }
        String expected = Files.readString(CORPUS.resolve(c.get("args").asText())).replace("\\\n", "").strip();
        return compare(expected, built.toShellLine());
    }

    private static String compare(String expectedLine, String gotLine) {
        List<String> expected = ShellWords.split(expectedLine);
        List<String> got = ShellWords.split(gotLine);
        Set<String> expectedEnv = extraEnv(expected);
        Set<String> gotEnv = extraEnv(got);
        List<String> problems = new ArrayList<>();
        if (!expectedEnv.equals(gotEnv)) {
            problems.add("env: expected " + expectedEnv + ", got " + gotEnv);
        }
        List<String> e = normaliseMonitor(expected);
        List<String> g = normaliseMonitor(got);
        if (!e.equals(g)) {
            int i = 0;
            while (i < Math.min(e.size(), g.size()) && e.get(i).equals(g.get(i))) i++;
            problems.add("argv differs at token " + i + ": expected '" + window(e, i) + "', got '" + window(g, i) + "'");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Removes the leading NAME=VALUE words from the list and returns those not in the base set. */
    private static Set<String> extraEnv(List<String> words) {
        Set<String> env = new java.util.HashSet<>();
        while (!words.isEmpty() && words.getFirst().matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            String entry = words.removeFirst();
            if (!BASE_ENV.contains(entry.substring(0, entry.indexOf('=')))) env.add(entry);
        }
        return env;
    }

    private static List<String> normaliseMonitor(List<String> words) {
        String path = null;
        for (int i = 0; i + 1 < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-monitor") || w.equals("-chardev") || w.equals("-qmp")) {
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("^(?:(?:control,)?unix:([^,]+),server|socket,id=charmonitor,path=([^,]+),server)")
                        .matcher(words.get(i + 1));
                if (m.find()) path = m.group(1) != null ? m.group(1) : m.group(2);
            }
        }
        if (path == null) return words;
        String p = path;
        return words.stream().map(w -> w.replace(p, "@MONITOR@")).collect(Collectors.toList());
    }

    private static String window(List<String> words, int from) {
        return String.join(" ", words.subList(Math.min(from, words.size()), Math.min(from + 4, words.size())));
    }
}
