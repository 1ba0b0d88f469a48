package dev.vireo.cli;

import dev.vireo.protocol.Version;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command table and its parser: help, version and every kind of wrong command line (no daemon needed). */
class CommandTableTest {
    private static Run vireo(String... args) {
        return Run.of(args);
    }

    private static Run error(String message) {
        return new Run(1, "", "error: " + message + "\n");
    }

    @Test
    void mainHelpListsEveryCommand() {
        for (Run help : List.of(vireo("help"), vireo("--help"), vireo("-h"))) {
            assertEquals(0, help.exit());
            assertTrue(help.out().startsWith("Usage: vireo [-hV] [-c=URI] COMMAND [OPTIONS] [ARGS]\n"), help.out());
            for (CommandSpec c : Commands.ALL) {
                assertTrue(help.out().contains("\n  " + c.name() + " ") && help.out().contains(c.description()), c.name());
            }
        }
    }

    @Test
    void commandHelpShowsItsSynopsisOptionsAndArguments() {
        String expected = """
                Usage: vireo image-info [--format=FORMAT] [--backing-chain] [--json] PATH
                Describe a disk image (and its backing chain) as the daemon reads it.
                      PATH              the image file
                  -f, --format=FORMAT   the image's format (raw, qcow2, qed, vmdk, ...); detected from its content when omitted
                      --backing-chain   describe every image of the backing chain, top first
                      --json            print qemu-img style JSON (an object, or an array with --backing-chain)
                  -h, --help            Show this help message and exit.
                """;
        assertEquals(new Run(0, expected, ""), vireo("image-info", "--help"));
        assertEquals(new Run(0, expected, ""), vireo("help", "image-info"));
        assertTrue(vireo("-c", "unix:/nowhere", "domcapabilities", "-h").out()
                .startsWith("Usage: vireo domcapabilities --emulatorbin=PATH\n"));
        assertTrue(vireo("qemu-monitor-command", "--help").out()
                .startsWith("Usage: vireo qemu-monitor-command [--pretty] DOMAIN COMMAND...\n"));
    }

    @Test
    void versionIsTheClients() {
        assertEquals(new Run(0, "vireo " + Version.VALUE + "\n", ""), vireo("--version"));
        assertEquals(new Run(0, "vireo " + Version.VALUE + "\n", ""), vireo("-V"));
    }

    @Test
    void wrongCommandLinesNameTheirMistake() {
        assertEquals(error("a command is required; see vireo --help"), vireo());
        assertEquals(error("a command is required; see vireo --help"), vireo("-c", "unix:/x"));
        assertEquals(error("Missing required parameter for option '--connect' (URI)"), vireo("-c"));
        assertEquals(error("unknown command 'frobnicate'; see vireo help"), vireo("frobnicate"));
        assertEquals(error("unknown command 'frobnicate'; see vireo help"), vireo("help", "frobnicate"));
        assertEquals(error("Unknown option: '--everything'"), vireo("-c", "unix:/x", "list", "--everything"));
        assertEquals(error("Unknown option: '-x'"), vireo("-x", "list"));
        assertEquals(error("Missing required parameter: 'DOMAIN'"), vireo("dominfo"));
        assertEquals(error("Missing required parameters: 'FORMAT', 'FILE'"), vireo("domxml-to-native"));
        assertEquals(error("Unmatched argument at index 4: 'b'"), vireo("-c", "unix:/x", "dominfo", "a", "b"));
        assertEquals(error("Missing required option: '--emulatorbin=PATH'"), vireo("domcapabilities"));
        assertEquals(error("Invalid value for option '--timeout': 'soon' is not an int"),
                vireo("shutdown", "--timeout", "soon", "web"));
        assertEquals(error("Missing required parameter for option '--timeout' (SECONDS)"), vireo("shutdown", "web", "--timeout"));
        assertEquals(error("option '--all' takes no value: '--all=yes'"), vireo("list", "--all=yes"));
        assertEquals(error("Unknown option: '-xqcow2'"), vireo("image-info", "-xqcow2", "disk.img"));
    }

    @Test
    void optionsParseInEverySpellingAndPlace() throws Exception {
        CommandSpec info = ImageCommands.IMAGE_INFO;
        Invocation a = ArgParser.parse(info, List.of("--json", "-f", "qcow2", "disk.img"), 0);
        Invocation b = ArgParser.parse(info, List.of("disk.img", "--format=qcow2", "--json"), 0);
        Invocation c = ArgParser.parse(info, List.of("-f=qcow2", "--json", "--", "disk.img"), 0);
        Invocation d = ArgParser.parse(info, List.of("-fqcow2", "disk.img", "--json"), 0);
        for (Invocation in : List.of(a, b, c, d)) {
            assertEquals("qcow2", in.option("--format"));
            assertTrue(in.flag("--json"));
            assertEquals(List.of("disk.img"), in.params());
        }
        Invocation dashed = ArgParser.parse(info, List.of("--", "--json"), 0);
        assertEquals(List.of("--json"), dashed.params());
        Invocation qmp = ArgParser.parse(LifecycleCommands.QEMU_MONITOR_COMMAND,
                List.of("web", "{\"execute\":", "\"query-name\"}", "--pretty"), 0);
        assertEquals(List.of("{\"execute\":", "\"query-name\"}"), qmp.paramsFrom(1));
        assertTrue(qmp.flag("--pretty"));
    }

    @Test
    void aMissingDaemonIsAnErrorNotAParseProblem() {
        Run r = vireo("-c", "unix:/nonexistent/vireod.sock", "list", "--all");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: cannot connect to vireod at /nonexistent/vireod.sock"), r.err());
    }
}
