package dev.vireo.conf.validate;

/** The documents Vireo validates, each with the RelaxNG start file (a resource of vireo-schema). */
public enum SchemaKind {
    DOMAIN("domain.rng", "domain"),
    DOMAIN_SNAPSHOT("domainsnapshot.rng", "domainsnapshot"),
    DOMAIN_BACKUP("domainbackup.rng", "domainbackup");

    private final String startFile;
    private final String rootElement;

    SchemaKind(String startFile, String rootElement) {
        this.startFile = startFile;
        this.rootElement = rootElement;
    }

    /** Resource path of the start schema on the class path. */
    String resource() {
        return "/dev/vireo/schema/" + startFile;
    }

    /** The root element a document of this kind must have. */
    public String rootElement() {
        return rootElement;
    }
}
