package dev.vireo.cli;

import dev.vireo.client.VireoClient;

import java.io.PrintWriter;
import java.nio.file.Path;

import static dev.vireo.cli.CommandSpec.named;

/** Commands about the emulator: what it can do, and the command line a domain would get. */
final class EmulatorCommands {
    static final CommandSpec DOMCAPABILITIES = named("domcapabilities", "Print an emulator's capabilities as a <qemuCaps> document.")
            .requiredOption("--emulatorbin", "PATH", "the emulator binary to probe")
            .runs(EmulatorCommands::domCapabilities);
    static final CommandSpec DOMXML_TO_NATIVE = named("domxml-to-native", "Print the emulator command line for a domain XML file.")
            .param("FORMAT", "the native format: qemu-argv")
            .param("FILE", "file containing the domain XML")
            .option("CAPSFILE", "take the capabilities from this <qemuCaps> document instead of probing the domain's emulator", "--caps")
            .runs(EmulatorCommands::domXmlToNative);

    private EmulatorCommands() {
    }

    private static void domCapabilities(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String xml = client.domCapabilities(in.option("--emulatorbin"));
        out.print(xml.endsWith("\n") ? xml : xml + "\n");
    }

    private static void domXmlToNative(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String format = in.param(0);
        if (!format.equals("qemu-argv")) {
            throw new IllegalArgumentException("unsupported native format '" + format + "': only qemu-argv is known");
        }
        String caps = in.option("--caps");
        String line = client.domXmlToNative(UserFiles.read(in.path(1)), caps == null ? null : UserFiles.read(Path.of(caps)));
        out.println(line.strip());
    }
}
