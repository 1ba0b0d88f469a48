package dev.vireo.daemon.ops;

import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.errors.VireoError;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device element as {@code attach-device}/{@code detach-device} get it: only {@code <disk>} for
 * now. It is checked twice, by the same schema and semantic checks as a whole definition: alone
 * (wrapped in a minimal domain whose first line is the fragment's first line, so messages name the
 * user's line numbers), then inside the domain it joins, where the domain's defaults apply.
 */
final class DeviceXml {
    /** The first element's name, after an optional declaration, comments and blanks. */
    private static final Pattern FIRST_ELEMENT =
            Pattern.compile("\\A(?:\\s|<\\?xml[^>]*\\?>|<!--.*?-->)*<([A-Za-z_][\\w.-]*)", Pattern.DOTALL);
    private static final String WRAP_OPEN = "<domain type='qemu'><name>vireo-device</name><memory>65536</memory>"
            + "<os><type>hvm</type></os><devices>";
    private static final String WRAP_CLOSE = "</devices></domain>";

    private final DefinitionCodec codec;

    DeviceXml(DefinitionCodec codec) {
        this.codec = codec;
    }

    /**
     * The disk the fragment describes, on its own.
     *
     * @param command the command, for the refusal of other device kinds
     */
    Disk disk(String xml, String command) throws VireoError {
        Matcher m = FIRST_ELEMENT.matcher(xml);
        if (!m.lookingAt()) {
            throw VireoError.invalidDefinition("the device XML has no element");
        }
        String kind = m.group(1);
        if (!kind.equals("disk")) {
            throw VireoError.unsupported(command + " supports only <disk> devices for now, not <" + kind + ">");
        }
        String body = xml.substring(xml.indexOf('<' + kind));
        Domain wrapped;
        try {
            wrapped = codec.parseWithoutEmulator(WRAP_OPEN + body + WRAP_CLOSE);
        } catch (XmlProblemsException e) {
            throw VireoError.invalidDefinition("device XML: " + e.getMessage());
        }
        List<Disk> disks = wrapped.getDevices().getDisks();
        if (disks.size() != 1) {
            throw VireoError.invalidDefinition("the device XML must hold exactly one <disk>, not " + disks.size());
        }
        Disk disk = disks.getFirst();
        if (disk.getTarget() == null || disk.getTarget().getDev() == null) {
            throw VireoError.invalidDefinition("device XML: <disk> needs <target dev='...'>");
        }
        return disk;
    }

    /**
     * The disk as it is in {@code base} once added: the whole definition with the fragment is
     * parsed again, so the domain's own defaults and cross-checks apply (a private copy results).
     *
     * @return the domain with the disk added, and the disk in it
     */
    Joined join(Domain base, String xml, String dev) throws VireoError {
        String text = codec.format(base);
        int end = text.lastIndexOf("</devices>");
        String body = xml.substring(xml.indexOf("<disk"));
        String joined = end < 0
                ? text.substring(0, text.lastIndexOf("</domain>")) + "<devices>" + body + "</devices></domain>"
                : text.substring(0, end) + body + "\n" + text.substring(end);
        Domain d;
        try {
            d = codec.parse(joined);
        } catch (XmlProblemsException e) {
            throw VireoError.invalidDefinition("domain '" + base.getName() + "' with the new disk '" + dev + "': "
                    + e.getMessage());
        }
        Disk disk = d.getDevices().getDisks().stream().filter(x -> dev.equals(x.getTarget().getDev())).reduce((a, b) -> b)
                .orElseThrow(() -> VireoError.internal("the joined definition lost disk '" + dev + "'"));
        return new Joined(d, disk);
    }

    record Joined(Domain domain, Disk disk) {
    }
}
