package dev.vireo.conf;

import dev.vireo.conf.check.ConsistencyChecks;
import dev.vireo.conf.check.Libvirt9Checks;
import dev.vireo.conf.check.NumaChecks;
import dev.vireo.conf.check.TargetKindChecks;
import dev.vireo.conf.check.ValueChecks;
import dev.vireo.conf.defaults.DomainDefaults;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.validate.SchemaKind;
import dev.vireo.conf.validate.ValidatedRead;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain XML in and out. {@link #parse} validates, binds, applies libvirt's post-parse defaults and
 * runs the semantic checks, all in one pass over the text; {@link #format} prints what {@code virsh
 * dumpxml} would. Both are thread-safe; the returned model is not (callers own it).
 */
public final class DomainXml {

    private DomainXml() {
    }

    /** Reads a definition as {@code virsh define} does: runtime-only state in the document is ignored. */
    public static Domain parse(String xml) throws XmlProblemsException {
        return parse(xml, FormatMode.INACTIVE);
    }

    /**
     * Reads a domain document; {@link FormatMode#LIVE} keeps the runtime state (id, aliases...) a
     * running domain's saved XML holds.
     */
    public static Domain parse(String xml, FormatMode mode) throws XmlProblemsException {
        return parse(xml, mode, EmulatorFacts.NONE);
    }

    /**
     * Reads a domain document, filling it in as libvirt 9 does when {@code emulators} can probe the
     * domain's emulator, as libvirt 0.10.2 does when it cannot (the daemon's define and validate).
     */
    public static Domain parse(String xml, FormatMode mode, EmulatorFacts emulators) throws XmlProblemsException {
        List<XmlProblem> problems = new ArrayList<>();
        SourcePositions positions = new SourcePositions();
        Domain domain;
        try (ValidatedRead read = ValidatedRead.open(xml, SchemaKind.DOMAIN)) {
            domain = DomainBinder.unmarshal(read.reader(), mode == FormatMode.LIVE, problems, positions);
            // the schema's findings say more than binding's, which mostly repeat them less precisely
            if (!read.problems().isEmpty()) throw new XmlProblemsException(read.problems());
        }
        if (!problems.isEmpty() || domain == null) throw new XmlProblemsException(problems);
        problems.addAll(ValueChecks.check(domain, positions));
        problems.addAll(TargetKindChecks.check(domain, positions));
        problems.addAll(NumaChecks.check(domain, positions));
        if (!problems.isEmpty()) throw new XmlProblemsException(problems);
        MachineTypes machines = emulators.machineTypes(domain);
        DomainDefaults.apply(domain, mode == FormatMode.LIVE, machines);
        problems.addAll(ConsistencyChecks.check(domain, positions));
        if (machines != null) problems.addAll(Libvirt9Checks.check(domain, positions));
        if (!problems.isEmpty()) throw new XmlProblemsException(problems);
        return domain;
    }

    /** The inactive XML, as {@code virsh dumpxml --inactive}. */
    public static String format(Domain d) {
        return format(d, FormatMode.INACTIVE);
    }

    /** The XML of {@code d} in libvirt's element order and style; {@link FormatMode#LIVE} adds runtime state. */
    public static String format(Domain d, FormatMode mode) {
        return DomainBinder.marshal(d, mode == FormatMode.LIVE);
    }
}
