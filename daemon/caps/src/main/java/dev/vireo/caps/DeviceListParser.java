package dev.vireo.caps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads QEMU's device listings into a {@link DeviceCatalog}. Both generations are understood, also
 * mixed in one text (an emulator may print all it knows for any {@code -device} query):
 * <pre>
 * name "virtio-blk-pci", bus PCI, alias "virtio-blk"      a device model (both generations)
 * virtio-blk-pci.scsi=on/off                               a property, QEMU 0.13 to 1.x ("-device NAME,?")
 * virtio-blk-pci options:                                  QEMU 2.x and later ("-device NAME,help"):
 *   scsi=&lt;bool&gt;            - on/off (default: false)    properties of the device named above
 * </pre>
 * Category headings ("Storage devices:"), blank lines and anything else are skipped.
 */
public final class DeviceListParser {

    private static final Pattern NAME = Pattern.compile("^name \"([^\"]+)\"");
    private static final Pattern OLD_PROPERTY = Pattern.compile("^([A-Za-z0-9_,+-]+)\\.([A-Za-z0-9_.-]+)=");
    private static final Pattern PROPERTIES_HEADING = Pattern.compile("^(\\S+) options:\\s*$");
    private static final Pattern NEW_PROPERTY = Pattern.compile("^\\s+([A-Za-z0-9_.-]+)=");

    private DeviceListParser() {
    }

    /** Adds what {@code listing} reveals to {@code catalog}. */
    public static void parseInto(String listing, DeviceCatalog catalog) {
        String propertiesOf = null;
        for (String line : listing.lines().toList()) {
            Matcher m;
            if ((m = NAME.matcher(line)).find()) {
                catalog.addDevice(m.group(1));
                propertiesOf = null;
            } else if ((m = PROPERTIES_HEADING.matcher(line)).find()) {
                propertiesOf = m.group(1);
                catalog.propertiesListed(propertiesOf);
            } else if (propertiesOf != null && (m = NEW_PROPERTY.matcher(line)).find()) {
                catalog.addProperty(propertiesOf, m.group(1));
            } else if ((m = OLD_PROPERTY.matcher(line)).find()) {
                catalog.addProperty(m.group(1), m.group(2));
                propertiesOf = null;
            } else {
                propertiesOf = null;
            }
        }
    }

    public static DeviceCatalog parse(String listing) {
        DeviceCatalog catalog = new DeviceCatalog();
        parseInto(listing, catalog);
        return catalog;
    }
}
