package dev.vireo.protocol.ops;

/** Domain definitions: define, undefine, validate and the queries about stored domains. */
public interface DefinitionRequests {

    /** Defines (or updates) a persistent domain from its XML; answers {@code {"name":..}}. */
    record Define(String xml) implements Request {
        @Override public String op() { return "define"; }
    }

    /**
     * Removes a domain's definition and, as virsh's flags say, its per-domain state.
     *
     * @param nvram             remove the UEFI variable store
     * @param keepNvram         keep it (a domain with a store needs one of the two)
     * @param keepTpm           keep the emulated TPM's state
     * @param snapshotsMetadata also remove the domain's snapshot metadata
     */
    record Undefine(String domain, boolean nvram, boolean keepNvram, boolean keepTpm, boolean snapshotsMetadata)
            implements Request.SnakeCase {
        public Undefine(String domain) {
            this(domain, false, false, false, false);
        }

        @Override public String op() { return "undefine"; }
    }

    /** Checks a document without storing anything. */
    record Validate(String xml) implements Request {
        @Override public String op() { return "validate"; }
    }

    /** The domains (running ones only, or with {@code all} every one). */
    record ListDomains(boolean all) implements Request {
        @Override public String op() { return "list"; }
    }

    /** A domain's XML: the live one while it runs, unless {@code inactive}. */
    record DumpXml(String domain, boolean inactive) implements Request {
        @Override public String op() { return "dumpxml"; }
    }

    record DomState(String domain) implements Request {
        @Override public String op() { return "domstate"; }
    }

    record DomInfo(String domain) implements Request {
        @Override public String op() { return "dominfo"; }
    }

    /** A name, UUID or id resolved to the domain's name and UUID. */
    record Lookup(String domain) implements Request {
        @Override public String op() { return "lookup"; }
    }

    /** Marks a persistent domain to start with vireod, or with {@code disable} unmarks it. */
    record Autostart(String domain, boolean disable) implements Request {
        @Override public String op() { return "autostart"; }
    }
}
