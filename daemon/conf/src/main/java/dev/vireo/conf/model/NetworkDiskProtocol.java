package dev.vireo.conf.model;

/** Protocol of a network disk: {@code <source protocol>}. */
public enum NetworkDiskProtocol implements XmlSpelled {
    NBD("nbd"),
    RBD("rbd"),
    SHEEPDOG("sheepdog"),
    GLUSTER("gluster"),
    ISCSI("iscsi"),
    HTTP("http"),
    HTTPS("https"),
    FTP("ftp"),
    FTPS("ftps"),
    TFTP("tftp");

    private final String xml;

    NetworkDiskProtocol(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static NetworkDiskProtocol fromXml(String xml) {
        return XmlSpelled.parse(NetworkDiskProtocol.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<NetworkDiskProtocol> {
        public Adapter() {
            super(NetworkDiskProtocol.class);
        }
    }
}
