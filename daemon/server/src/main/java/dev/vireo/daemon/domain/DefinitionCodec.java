package dev.vireo.daemon.domain;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.EmulatorFacts;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;

import java.util.Locale;
import java.util.UUID;

/**
 * The daemon's view of domain XML: parse (schema, semantic checks, defaults) and print, plus the
 * identity rules the registry relies on: every stored domain has a UUID (generated when the document
 * has none, as libvirt does) in canonical lower-case form.
 */
public final class DefinitionCodec {
    private final EmulatorFacts emulators;

    /** Without an emulator to consult: libvirt 0.10.2's defaults for every document. */
    public DefinitionCodec() {
        this(EmulatorFacts.NONE);
    }

    /** @param emulators probes the domain's emulator, whose machine types decide libvirt 9's defaults */
    public DefinitionCodec(EmulatorFacts emulators) {
        this.emulators = emulators;
    }

    public Domain parse(String xml) throws XmlProblemsException {
        return identified(DomainXml.parse(xml, FormatMode.INACTIVE, emulators));
    }

    /** Parses without consulting the emulator: libvirt 0.10.2's defaults whatever it names. */
    public Domain parseWithoutEmulator(String xml) throws XmlProblemsException {
        return identified(DomainXml.parse(xml, FormatMode.INACTIVE, EmulatorFacts.NONE));
    }

    private static Domain identified(Domain d) {
        String uuid = d.getUuid();
        d.setUuid(uuid == null ? UUID.randomUUID().toString() : canonical(uuid));
        return d;
    }

    /** The stored form ({@code dumpxml --inactive}). */
    public String format(Domain d) {
        return DomainXml.format(d);
    }

    /** The running form: id, aliases, runtime details. */
    public String formatLive(Domain d) {
        return DomainXml.format(d, FormatMode.LIVE);
    }

    /** A private copy of a live definition, its runtime details (id, aliases, image indexes) included. */
    public Domain copyLive(Domain d) throws XmlProblemsException {
        return DomainXml.parse(formatLive(d), FormatMode.LIVE);
    }

    public String name(Domain d) {
        return d.getName();
    }

    public String uuid(Domain d) {
        return d.getUuid();
    }

    /** UUIDs may be written without dashes or in upper case; one spelling keeps lookups simple. */
    private static String canonical(String uuid) {
        String hex = uuid.replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 32) return uuid; // the semantic checks refuse it; nothing to normalise
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
