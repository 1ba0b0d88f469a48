package dev.vireo.cli;

import dev.vireo.client.VireoClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Commands about the emulator: what it can do, and the command line a domain would get. */
final class EmulatorCommands {
    private EmulatorCommands() {
    }

    @Command(name = "domcapabilities", description = "Print an emulator's capabilities as a <qemuCaps> document.")
    static final class DomCapabilities extends ClientCommand {
        @Option(names = "--emulatorbin", paramLabel = "PATH", required = true, description = "the emulator binary to probe")
        String emulatorBin;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            String xml = client.domCapabilities(emulatorBin);
            out.print(xml.endsWith("\n") ? xml : xml + "\n");
        }
    }

    @Command(name = "domxml-to-native", description = "Print the emulator command line for a domain XML file.")
    static final class DomXmlToNative extends ClientCommand {
        @Parameters(index = "0", paramLabel = "FORMAT", description = "the native format: qemu-argv")
        String format;

        @Parameters(index = "1", paramLabel = "FILE", description = "file containing the domain XML")
        Path file;

        @Option(names = "--caps", paramLabel = "CAPSFILE",
                description = "take the capabilities from this <qemuCaps> document instead of probing the domain's emulator")
        Path caps;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            if (!format.equals("qemu-argv")) {
                throw new IllegalArgumentException("unsupported native format '" + format + "': only qemu-argv is known");
            }
            String line = client.domXmlToNative(readFile(file), caps == null ? null : readFile(caps));
            out.println(line.strip());
        }
    }
}
