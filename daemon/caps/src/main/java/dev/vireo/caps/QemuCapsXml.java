package dev.vireo.caps;

import dev.vireo.conf.MachineTypes;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.XmlProblemsException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Formats and parses the {@code <qemuCaps>} document (ARCHITECTURE.md, section 3):
 * <pre>{@code
 * <qemuCaps>
 *   <emulator>/usr/bin/qemu-system-x86_64</emulator>
 *   <version>7002000</version>
 *   <kvmVersion>0</kvmVersion>
 *   <kvm>no</kvm>
 *   <flag name='drive'/>
 *   <accel name='tcg'/>
 *   <machine name='pc-i440fx-7.2' alias='pc' default='yes' maxCpus='255'/>
 *   <device name='virtio-blk-pci'><property name='drive'/></device>
 *   <cpu name='Broadwell' accel='tcg' usable='no'><blocker name='hle'/></cpu>
 *   <hostCpu accel='tcg' model='EPYC' vendor='AMD'>
 *     <feature name='acpi' policy='require'/><feature name='xsavec' policy='disable'/>
 *   </hostCpu>
 *   <firmware file='...json' device='flash' executable='...' nvramTemplate='...' format='raw'>
 *     <interface name='uefi'/><target arch='x86_64' machine='pc-q35-*'/><feature name='secure-boot'/>
 *   </firmware>
 * </qemuCaps>
 * }</pre>
 *
 * <p>The elements after the flags hold the {@link EmulatorDetails} of a binary probed over QMP; all
 * are optional, so a document of flags alone still reads (its machine types are then unknown).
 *
 * <p>{@code <kvm>} is Vireo's own addition (so a cached probe keeps it); documents written by
 * others may leave it out, and {@code <version>}/{@code <kvmVersion>} too (they then read as 0).
 * The {@code <qemuCaps>} element may be the root or nested in a wrapper such as
 * {@code <domainCapabilities>}.
 *
 * <p><b>Unknown flag names are ignored with a warning, not refused.</b> Such documents come from
 * newer libvirt-style tools that know capabilities Vireo does not; a flag Vireo does not know can
 * never change the command line Vireo builds, so refusing would only break interchange. Every
 * ignored name is returned in {@link Parsed#ignoredFlags()} (with its line) and logged, so a typo
 * does not pass silently. Everything else that is wrong (no {@code <emulator>}, a version that is
 * not a number, a flag without a name, not XML at all) refuses the document.
 */
public final class QemuCapsXml {

    private static final System.Logger LOG = System.getLogger(QemuCapsXml.class.getName());
    private static final XMLInputFactory INPUT = secureInputFactory();

    /** A parsed document plus the flag names it had that Vireo does not know (one problem each). */
    public record Parsed(QemuCaps caps, List<XmlProblem> ignoredFlags) {
        public Parsed {
            ignoredFlags = List.copyOf(ignoredFlags);
        }
    }

    private QemuCapsXml() {
    }

    public static String format(QemuCaps caps) {
        StringBuilder b = new StringBuilder(64 + caps.flags().size() * 32);
        b.append("<qemuCaps>\n");
        b.append("  <emulator>").append(escape(caps.emulator())).append("</emulator>\n");
        b.append("  <version>").append(caps.version()).append("</version>\n");
        b.append("  <kvmVersion>").append(caps.kvmVersion()).append("</kvmVersion>\n");
        b.append("  <kvm>").append(caps.kvm() ? "yes" : "no").append("</kvm>\n");
        for (Capability flag : caps.flags()) {
            b.append("  <flag name='").append(escape(flag.flagName())).append("'/>\n");
        }
        formatDetails(caps.details(), b);
        return b.append("</qemuCaps>\n").toString();
    }

    private static void formatDetails(EmulatorDetails d, StringBuilder b) {
        for (String accel : d.accelerators()) b.append("  <accel name='").append(escape(accel)).append("'/>\n");
        for (MachineTypes.Machine m : d.machines()) {
            b.append("  <machine name='").append(escape(m.name())).append('\'');
            if (m.alias() != null) b.append(" alias='").append(escape(m.alias())).append('\'');
            if (m.isDefault()) b.append(" default='yes'");
            b.append(" maxCpus='").append(m.maxCpus()).append('\'');
            if (m.deprecated()) b.append(" deprecated='yes'");
            b.append("/>\n");
        }
        for (String device : d.devices()) {
            b.append("  <device name='").append(escape(device)).append('\'');
            Set<String> properties = d.deviceProperties().get(device);
            if (properties == null) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n");
            for (String p : properties) b.append("    <property name='").append(escape(p)).append("'/>\n");
            b.append("  </device>\n");
        }
        for (CpuModel c : d.cpuModels()) {
            b.append("  <cpu name='").append(escape(c.name())).append("' accel='").append(escape(c.accel()))
                    .append("' usable='").append(c.usable() ? "yes" : "no").append('\'');
            if (c.deprecated()) b.append(" deprecated='yes'");
            if (c.blockers().isEmpty()) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n");
            for (String blocker : c.blockers()) b.append("    <blocker name='").append(escape(blocker)).append("'/>\n");
            b.append("  </cpu>\n");
        }
        for (HostCpu h : d.hostCpus()) {
            b.append("  <hostCpu accel='").append(escape(h.accel())).append("' model='").append(escape(h.model()))
                    .append("' vendor='").append(escape(h.vendor())).append('\'');
            if (h.features().isEmpty()) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n");
            for (HostCpu.Feature f : h.features()) {
                b.append("    <feature name='").append(escape(f.name())).append("' policy='")
                        .append(f.enabled() ? "require" : "disable").append("'/>\n");
            }
            b.append("  </hostCpu>\n");
        }
        for (FirmwareDescriptor f : d.firmware()) {
            b.append("  <firmware file='").append(escape(f.file())).append("' device='").append(escape(f.device()))
                    .append("' executable='").append(escape(f.executable())).append('\'');
            if (f.nvramTemplate() != null) b.append(" nvramTemplate='").append(escape(f.nvramTemplate())).append('\'');
            b.append(" format='").append(escape(f.format())).append("'>\n");
            for (String i : f.interfaces()) b.append("    <interface name='").append(escape(i)).append("'/>\n");
            for (FirmwareDescriptor.Target t : f.targets()) {
                for (String machine : t.machines()) {
                    b.append("    <target arch='").append(escape(t.arch())).append("' machine='")
                            .append(escape(machine)).append("'/>\n");
                }
            }
            for (String feature : f.features()) b.append("    <feature name='").append(escape(feature)).append("'/>\n");
            b.append("  </firmware>\n");
        }
    }

    /** Reads a document from a file; ignored flag names are logged as warnings. */
    public static QemuCaps read(Path file) throws IOException, XmlProblemsException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return logged(parse(in, file.toString()));
        }
    }

    /** Parses document text; ignored flag names are logged as warnings. */
    public static QemuCaps parse(String xml, String source) throws XmlProblemsException {
        try {
            return logged(parse(new StringReader(xml), source));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    /**
     * Parses a document.
     *
     * @param source names the document in messages (a file name), may be empty
     */
    public static Parsed parse(Reader in, String source) throws IOException, XmlProblemsException {
        try {
            XMLStreamReader r = INPUT.createXMLStreamReader(in);
            try {
                return new DocumentReader(r, source).read();
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) throw io;
            Location at = e.getLocation();
            throw new XmlProblemsException(new XmlProblem(at == null ? 0 : at.getLineNumber(),
                    at == null ? 0 : at.getColumnNumber(), "", where(source) + "not well-formed XML: "
                    + stripLocation(e.getMessage())));
        }
    }

    private static QemuCaps logged(Parsed parsed) {
        for (XmlProblem p : parsed.ignoredFlags()) LOG.log(System.Logger.Level.WARNING, p.toString());
        return parsed.caps();
    }

    /** Walks one document; keeps the state of the single {@code <qemuCaps>} element it reads. */
    private static final class DocumentReader {
        private final XMLStreamReader r;
        private final String source;
        private final List<XmlProblem> problems = new ArrayList<>();
        private final List<XmlProblem> ignored = new ArrayList<>();
        private final EnumSet<Capability> flags = EnumSet.noneOf(Capability.class);
        private final Set<String> accelerators = new LinkedHashSet<>();
        private final List<MachineTypes.Machine> machines = new ArrayList<>();
        private final Set<String> devices = new LinkedHashSet<>();
        private final Map<String, Set<String>> deviceProperties = new LinkedHashMap<>();
        private final List<CpuModel> cpuModels = new ArrayList<>();
        private final List<FirmwareDescriptor> firmware = new ArrayList<>();
        private final List<HostCpu> hostCpus = new ArrayList<>();
        private String emulator;
        private int version;
        private int kvmVersion;
        private boolean kvm;

        DocumentReader(XMLStreamReader r, String source) {
            this.r = r;
            this.source = source;
        }

        Parsed read() throws XMLStreamException, XmlProblemsException {
            if (!skipTo("qemuCaps")) {
                throw new XmlProblemsException(new XmlProblem(0, 0, "", where(source)
                        + "no <qemuCaps> element; expected a document such as "
                        + "<qemuCaps><emulator>/usr/bin/qemu</emulator><flag name='drive'/></qemuCaps>"));
            }
            int qemuCapsLine = r.getLocation().getLineNumber();
            readChildren();
            if (emulator == null) {
                problems.add(new XmlProblem(qemuCapsLine, 0, "/qemuCaps",
                        where(source) + "missing required element <emulator> (the emulator binary's path)"));
            }
            if (!problems.isEmpty()) throw new XmlProblemsException(problems);
            EmulatorDetails details = new EmulatorDetails(accelerators, machines, devices, deviceProperties, cpuModels, firmware,
                    hostCpus);
            return new Parsed(new QemuCaps(emulator, version, kvmVersion, kvm, flags, details), ignored);
        }

        private boolean skipTo(String element) throws XMLStreamException {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element)) return true;
            }
            return false;
        }

        private void readChildren() throws XMLStreamException {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) return;
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                int line = r.getLocation().getLineNumber();
                int column = r.getLocation().getColumnNumber();
                String name = r.getLocalName();
                switch (name) {
                    case "emulator" -> emulator = text(line, column, "emulator");
                    case "version" -> version = number(line, column, "version");
                    case "kvmVersion" -> kvmVersion = number(line, column, "kvmVersion");
                    case "kvm" -> kvm = yesNo(line, column);
                    case "flag" -> flag(line, column);
                    case "accel" -> {
                        String accel = required(line, column, "accel", "name");
                        if (accel != null) accelerators.add(accel);
                    }
                    case "machine" -> machine(line, column);
                    case "device" -> device(line, column);
                    case "cpu" -> cpu(line, column);
                    case "hostCpu" -> hostCpu(line, column);
                    case "firmware" -> firmware(line, column);
                    default -> problems.add(new XmlProblem(line, column, "/qemuCaps/" + name, where(source)
                            + "unexpected element <" + name + ">; allowed: emulator, version, kvmVersion, kvm, flag, "
                            + "accel, machine, device, cpu, hostCpu, firmware"));
                }
                skipRestOfElement();
            }
        }

        private void flag(int line, int column) {
            String name = r.getAttributeValue(null, "name");
            if (name == null || name.isBlank()) {
                problems.add(new XmlProblem(line, column, "/qemuCaps/flag", where(source)
                        + "<flag> needs a name attribute, e.g. <flag name='drive'/>"));
                return;
            }
            Capability.byName(name).ifPresentOrElse(flags::add, () -> ignored.add(new XmlProblem(line, column,
                    "/qemuCaps/flag/@name", where(source) + "unknown capability flag '" + name
                    + "' ignored: not one of the libvirt capability names Vireo knows")));
        }

        private void machine(int line, int column) {
            String name = required(line, column, "machine", "name");
            String maxCpus = r.getAttributeValue(null, "maxCpus");
            int max = maxCpus == null ? 0 : attributeNumber(line, column, "machine/@maxCpus", maxCpus);
            boolean isDefault = yesNoAttribute(line, column, "machine", "default");
            boolean deprecated = yesNoAttribute(line, column, "machine", "deprecated");
            if (name != null) machines.add(new MachineTypes.Machine(name, r.getAttributeValue(null, "alias"), isDefault, max, deprecated));
        }

        private void device(int line, int column) throws XMLStreamException {
            String name = required(line, column, "device", "name");
            if (name == null) return;
            devices.add(name);
            for (Child c : children("device", "property")) {
                deviceProperties.computeIfAbsent(name, d -> new LinkedHashSet<>()).add(c.name());
            }
        }

        private void cpu(int line, int column) throws XMLStreamException {
            String name = required(line, column, "cpu", "name");
            String accel = required(line, column, "cpu", "accel");
            boolean deprecated = yesNoAttribute(line, column, "cpu", "deprecated");
            List<String> blockers = new ArrayList<>();
            for (Child c : children("cpu", "blocker")) blockers.add(c.name());
            if (name != null && accel != null) cpuModels.add(new CpuModel(name, accel, blockers, deprecated));
        }

        private void hostCpu(int line, int column) throws XMLStreamException {
            String accel = required(line, column, "hostCpu", "accel");
            String model = required(line, column, "hostCpu", "model");
            String vendor = required(line, column, "hostCpu", "vendor");
            List<HostCpu.Feature> features = new ArrayList<>();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) break;
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                int l = r.getLocation().getLineNumber();
                int c = r.getLocation().getColumnNumber();
                if (!r.getLocalName().equals("feature")) {
                    problems.add(new XmlProblem(l, c, "/qemuCaps/hostCpu/" + r.getLocalName(), where(source)
                            + "unexpected element <" + r.getLocalName() + "> in <hostCpu>; allowed: feature"));
                } else {
                    String name = required(l, c, "hostCpu/feature", "name");
                    String policy = required(l, c, "hostCpu/feature", "policy");
                    if (policy != null && !policy.equals("require") && !policy.equals("disable")) {
                        problems.add(new XmlProblem(l, c, "/qemuCaps/hostCpu/feature/@policy", where(source)
                                + "<feature policy> must be 'require' or 'disable', not '" + policy + "'"));
                    } else if (name != null && policy != null) {
                        features.add(new HostCpu.Feature(name, policy.equals("require")));
                    }
                }
                skipRestOfElement();
            }
            if (accel != null && model != null && vendor != null) hostCpus.add(new HostCpu(accel, model, vendor, features));
        }

        private void firmware(int line, int column) throws XMLStreamException {
            String file = required(line, column, "firmware", "file");
            String device = required(line, column, "firmware", "device");
            String executable = required(line, column, "firmware", "executable");
            String nvram = r.getAttributeValue(null, "nvramTemplate");
            String format = r.getAttributeValue(null, "format");
            List<String> interfaces = new ArrayList<>();
            List<String> features = new ArrayList<>();
            Map<String, List<String>> targets = new LinkedHashMap<>();
            for (Child c : children("firmware", "interface", "target", "feature")) {
                switch (c.element()) {
                    case "interface" -> interfaces.add(c.name());
                    case "feature" -> features.add(c.name());
                    default -> targets.computeIfAbsent(c.name(), a -> new ArrayList<>()).add(c.machine());
                }
            }
            if (file == null || device == null || executable == null) return;
            List<FirmwareDescriptor.Target> t = new ArrayList<>();
            targets.forEach((arch, machinesOfArch) -> t.add(new FirmwareDescriptor.Target(arch, machinesOfArch)));
            firmware.add(new FirmwareDescriptor(file, interfaces, device, executable, nvram, format, t, features));
        }

        /** A child element of a details element: its name, its {@code name} (or {@code arch}) and {@code machine}. */
        private record Child(String element, String name, String machine) {
        }

        /** Reads the children of the current element; each allowed child needs its naming attribute. */
        private List<Child> children(String parent, String... allowed) throws XMLStreamException {
            List<Child> found = new ArrayList<>();
            List<String> names = List.of(allowed);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) return found;
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                int line = r.getLocation().getLineNumber();
                int column = r.getLocation().getColumnNumber();
                String element = r.getLocalName();
                if (!names.contains(element)) {
                    problems.add(new XmlProblem(line, column, "/qemuCaps/" + parent + "/" + element, where(source)
                            + "unexpected element <" + element + "> in <" + parent + ">; allowed: " + String.join(", ", names)));
                } else if (element.equals("target")) {
                    String arch = required(line, column, parent + "/target", "arch");
                    String machine = required(line, column, parent + "/target", "machine");
                    if (arch != null && machine != null) found.add(new Child(element, arch, machine));
                } else {
                    String name = required(line, column, parent + "/" + element, "name");
                    if (name != null) found.add(new Child(element, name, null));
                }
                skipRestOfElement();
            }
            return found;
        }

        private String required(int line, int column, String element, String attribute) {
            String value = r.getAttributeValue(null, attribute);
            if (value == null || value.isBlank()) {
                problems.add(new XmlProblem(line, column, "/qemuCaps/" + element + "/@" + attribute, where(source)
                        + "<" + element.substring(element.lastIndexOf('/') + 1) + "> needs the " + attribute + " attribute"));
                return null;
            }
            return value;
        }

        private int attributeNumber(int line, int column, String what, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) return n;
            } catch (NumberFormatException ignoredBecauseReportedBelow) {
                // fall through to the problem below
            }
            problems.add(new XmlProblem(line, column, "/qemuCaps/" + what, where(source) + what
                    + " must be a non-negative whole number, not '" + value + "'"));
            return 0;
        }

        private boolean yesNoAttribute(int line, int column, String element, String attribute) {
            String value = r.getAttributeValue(null, attribute);
            if (value == null || value.equals("no")) return false;
            if (value.equals("yes")) return true;
            problems.add(new XmlProblem(line, column, "/qemuCaps/" + element + "/@" + attribute, where(source)
                    + "<" + element + " " + attribute + "> must be 'yes' or 'no', not '" + value + "'"));
            return false;
        }

        private String text(int line, int column, String element) throws XMLStreamException {
            String value = r.getElementText().strip();
            if (value.isEmpty()) {
                problems.add(new XmlProblem(line, column, "/qemuCaps/" + element,
                        where(source) + "<" + element + "> is empty"));
            }
            return value;
        }

        private int number(int line, int column, String element) throws XMLStreamException {
            String value = r.getElementText().strip();
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) return n;
            } catch (NumberFormatException ignoredBecauseReportedBelow) {
                // fall through to the problem below
            }
            problems.add(new XmlProblem(line, column, "/qemuCaps/" + element, where(source) + "<" + element
                    + "> must be a non-negative whole number (major*1000000+minor*1000+micro), not '" + value + "'"));
            return 0;
        }

        private boolean yesNo(int line, int column) throws XMLStreamException {
            String value = r.getElementText().strip();
            return switch (value) {
                case "yes" -> true;
                case "no" -> false;
                default -> {
                    problems.add(new XmlProblem(line, column, "/qemuCaps/kvm",
                            where(source) + "<kvm> must be 'yes' or 'no', not '" + value + "'"));
                    yield false;
                }
            };
        }

        /** After getElementText() the reader already sits on the end tag; otherwise skip the subtree. */
        private void skipRestOfElement() throws XMLStreamException {
            if (r.getEventType() == XMLStreamConstants.END_ELEMENT) return;
            int depth = 1;
            while (depth > 0 && r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) depth++;
                else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            }
        }
    }

    private static String where(String source) {
        return source == null || source.isEmpty() ? "" : source + ": ";
    }

    /** The JDK's StAX messages start with "ParseError at [row,col]:[3,5]\nMessage: ..."; we report the place ourselves. */
    private static String stripLocation(String message) {
        int i = message.indexOf("Message: ");
        return i >= 0 ? message.substring(i + "Message: ".length()) : message;
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\'' -> b.append("&apos;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** No DTDs, no external entities: a caps document is plain data. */
    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
