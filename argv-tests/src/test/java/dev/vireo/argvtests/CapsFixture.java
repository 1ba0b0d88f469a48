package dev.vireo.argvtests;

import dev.vireo.caps.Capability;
import dev.vireo.caps.QemuCaps;
import dev.vireo.caps.QemuCapsXml;
import dev.vireo.conf.XmlProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * A capability fixture: either a {@code <qemuCaps>} document, or a list with one libvirt flag name a
 * line, where {@code include FILE} pulls in another list (relative to this one), {@code -NAME}
 * removes a flag included before, and {@code #} starts a comment. An unknown name is an error, so a
 * typo cannot quietly drop a capability. A list whose only line is {@code include FILE} of a
 * {@code <qemuCaps>} document is that document (so that many cases share one probed binary's
 * capabilities, machine types and devices).
 */
final class CapsFixture {

    static final String EMULATOR = "/usr/bin/qemu-system-x86_64";

    private CapsFixture() {
    }

    static QemuCaps read(Path file) throws IOException, XmlProblemsException {
        String text = Files.readString(file);
        if (text.stripLeading().startsWith("<")) {
            return QemuCapsXml.parse(text, file.toString());
        }
        List<String> lines = Files.readAllLines(file).stream().map(l -> l.replaceFirst("#.*", "").strip())
                .filter(l -> !l.isEmpty()).toList();
        if (lines.size() == 1 && lines.getFirst().startsWith("include ")) {
            Path included = file.resolveSibling(lines.getFirst().substring("include ".length()).strip());
            if (Files.readString(included).stripLeading().startsWith("<")) {
                return read(included);
            }
        }
        EnumSet<Capability> flags = EnumSet.noneOf(Capability.class);
        collect(file, flags);
        return new QemuCaps(EMULATOR, 0, 0, false, flags);
    }

    private static void collect(Path file, EnumSet<Capability> flags) throws IOException {
        int lineNumber = 0;
        for (String raw : Files.readAllLines(file)) {
            lineNumber++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("include ")) {
                collect(file.resolveSibling(line.substring("include ".length()).strip()), flags);
            } else if (line.startsWith("-")) {
                flags.remove(flag(file, lineNumber, line.substring(1)));
            } else {
                flags.add(flag(file, lineNumber, line));
            }
        }
    }

    private static Capability flag(Path file, int line, String name) {
        return Capability.byName(name).orElseThrow(() -> new IllegalArgumentException(file + ":" + line
                + ": unknown capability flag '" + name + "'"));
    }
}
