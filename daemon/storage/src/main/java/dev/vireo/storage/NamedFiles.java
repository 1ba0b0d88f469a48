package dev.vireo.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * Files other than the backing file that QEMU 7.2 would open by name because of what an image
 * holds. The daemon hands QEMU every layer of a chain as an fd; a file QEMU opens by name itself
 * escapes that (it is opened with QEMU's rights, read-write, wherever the name points), so an
 * image naming one is refused. Per format (docs/storage.md, "Files an image can name"):
 *
 * <ul>
 *   <li>qcow2: an external data file (incompatible feature bit 2 with header extension
 *       0x44415441). Without the bit QEMU ignores the extension.</li>
 *   <li>vmdk: every file QEMU reads as a descriptor, i.e. a text descriptor file of any create
 *       type, and a sparse (KDMV) header whose capacity is 0 and which has a descriptor: QEMU opens
 *       the extents such a descriptor lists. Only a sparse file with a capacity is self-contained.</li>
 *   <li>every other format the reader accepts names no file but its backing file.</li>
 * </ul>
 */
final class NamedFiles {

    private static final int EXTENTS_SHOWN = 3;

    private NamedFiles() {
    }

    /** Refuses {@code path} when its header makes QEMU open another file by name. */
    static void refuseOtherFiles(Path path, ImageHeader header) throws UnsupportedImageException {
        switch (header.details().orElse(null)) {
            case Qcow2Details qcow2 when qcow2.hasExternalDataFile() -> throw new UnsupportedImageException(path,
                    "image '" + path + "' is a qcow2 image naming external data file '" + qcow2.dataFile().orElseThrow()
                            + "' (incompatible feature 'external data file', header extension 0x44415441): "
                            + opensByPath("it") + convert(path, "qcow2"));
            case VmdkDetails vmdk when !vmdk.embedded() && vmdk.sparseHeader() -> throw new UnsupportedImageException(path,
                    "image '" + path + "' is a VMDK sparse header with capacity 0 and an embedded descriptor"
                            + extents(vmdk) + ": QEMU reads such a file as a descriptor file, so "
                            + opensByPath("every extent it names")
                            + " (a VMDK made by QEMU or VMware has a capacity; this one is forged or damaged)");
            case VmdkDetails vmdk when !vmdk.embedded() -> throw new UnsupportedImageException(path,
                    "image '" + path + "' is a VMDK descriptor file (createType '" + vmdk.createType() + "')"
                            + extents(vmdk) + ": " + opensByPath("every extent it names") + convert(path, "vmdk"));
            case null, default -> {
            }
        }
    }

    private static String opensByPath(String what) {
        return "QEMU would open " + what + " by path; Vireo refuses images that name other files";
    }

    private static String convert(Path path, String format) {
        return " (convert it: qemu-img convert -f " + format + " -O qcow2 " + path + " NEW.qcow2)";
    }

    private static String extents(VmdkDetails vmdk) {
        List<String> files = vmdk.extents().stream().map(VmdkExtent::fileName).filter(f -> !f.isEmpty()).toList();
        if (files.isEmpty()) {
            return " (it lists no extent file)";
        }
        String shown = String.join("', '", files.subList(0, Math.min(EXTENTS_SHOWN, files.size())));
        return " naming extent" + (files.size() > 1 ? "s" : "") + " '" + shown + "'"
                + (files.size() > EXTENTS_SHOWN ? " and " + (files.size() - EXTENTS_SHOWN) + " more" : "");
    }
}
