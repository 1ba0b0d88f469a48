package dev.vireo.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One image as {@code qemu-img info} describes it, for {@code vireo image-info}. {@link #toJson()}
 * uses qemu-img's field names so the two can be compared field by field.
 *
 * @param filename            the image path as given (top) or resolved (backing layers)
 * @param backingFilename     the backing name exactly as written in the header
 * @param fullBackingFilename the backing name resolved against the image's directory (network
 *                            names unchanged)
 * @param backingFormat       the backing format the header records
 */
public record ImageInfo(String filename, ImageFormat format, OptionalLong virtualSize, OptionalLong actualSize,
                        OptionalInt clusterSize, Optional<String> backingFilename,
                        Optional<String> fullBackingFilename, Optional<String> backingFormat, boolean dirty,
                        Optional<FormatDetails> details) {

    /**
     * Reads one image as {@code format} without following its backing file, so an image whose
     * backing file would be refused by a chain walk can still be described.
     */
    public static ImageInfo read(Path path, ImageFormat format) throws StorageException {
        ImageHeader header = ImageHeaders.read(path, format);
        Optional<String> full = header.backing().map(backing -> BackingNames.fullName(path, backing.name()));
        return of(path, header, allocatedWithExtents(path, header), full);
    }

    /** Like qemu-img, a multi-file VMDK's actual size counts its extent files too. */
    private static OptionalLong allocatedWithExtents(Path path, ImageHeader header) {
        OptionalLong total = AllocatedSize.of(path);
        if (header.details().orElse(null) instanceof VmdkDetails vmdk && !vmdk.embedded()) {
            for (VmdkExtent extent : vmdk.extents()) {
                if (total.isEmpty() || extent.fileName().isEmpty()) {
                    continue;
                }
                OptionalLong extentSize = AllocatedSize.of(extentPath(path.toString(), extent));
                total = extentSize.isPresent() ? OptionalLong.of(total.getAsLong() + extentSize.getAsLong())
                        : OptionalLong.empty();
            }
        }
        return total;
    }

    /** Extent file names are relative to the descriptor's directory. */
    private static Path extentPath(String descriptor, VmdkExtent extent) {
        Path directory = Path.of(descriptor).getParent();
        return directory == null ? Path.of(extent.fileName()) : directory.resolve(extent.fileName());
    }

    /** The info of one layer of a chain already walked. */
    public static ImageInfo of(ChainLayer layer) {
        Optional<String> full = layer.backing().map(target -> switch (target) {
            case BackingTarget.File file -> file.resolved().toString();
            case BackingTarget.Network network -> network.nameAsWritten();
        });
        return of(layer.path(), layer.header(), layer.actualSize(), full);
    }

    /** Every layer of a chain, top first, as {@code qemu-img info --backing-chain} lists them. */
    public static List<ImageInfo> of(BackingChain chain) {
        return chain.layers().stream().map(ImageInfo::of).toList();
    }

    private static ImageInfo of(Path path, ImageHeader header, OptionalLong actualSize, Optional<String> full) {
        Optional<BackingReference> backing = header.backing();
        return new ImageInfo(path.toString(), header.format(), header.virtualSize(), actualSize,
                header.clusterSize(), backing.map(BackingReference::name), full,
                backing.flatMap(BackingReference::formatName), header.dirty(), header.details());
    }

    /** This image as a qemu-img style JSON object. */
    public String toJson() {
        return JsonText.write(toMap());
    }

    /** A chain as a qemu-img style JSON array. */
    public static String toJson(List<ImageInfo> chain) {
        return JsonText.write(chain.stream().map(ImageInfo::toMap).toList());
    }

    private Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("filename", filename);
        json.put("format", format.qemuName());
        virtualSize.ifPresent(size -> json.put("virtual-size", size));
        actualSize.ifPresent(size -> json.put("actual-size", size));
        clusterSize.ifPresent(size -> json.put("cluster-size", size));
        backingFilename.ifPresent(name -> json.put("backing-filename", name));
        fullBackingFilename.ifPresent(name -> json.put("full-backing-filename", name));
        backingFormat.ifPresent(name -> json.put("backing-filename-format", name));
        json.put("dirty-flag", dirty);
        details.flatMap(this::formatSpecific).ifPresent(data -> {
            Map<String, Object> specific = new LinkedHashMap<>();
            specific.put("type", format.qemuName());
            specific.put("data", data);
            json.put("format-specific", specific);
        });
        return json;
    }

    private Optional<Map<String, Object>> formatSpecific(FormatDetails details) {
        return switch (details) {
            case Qcow2Details qcow2 -> Optional.of(qcow2Data(qcow2));
            case VmdkDetails vmdk -> Optional.of(vmdkData(vmdk));
            // qemu-img has no format-specific block for QED
            case QedDetails qed -> Optional.empty();
        };
    }

    private static Map<String, Object> qcow2Data(Qcow2Details qcow2) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("compat", qcow2.compat());
        if (qcow2.version() >= 3) {
            data.put("lazy-refcounts", qcow2.lazyRefcounts());
            data.put("corrupt", qcow2.corrupt());
            data.put("extended-l2", qcow2.extendedL2());
        }
        data.put("refcount-bits", qcow2.refcountBits());
        data.put("compression-type", qcow2.compressionType());
        qcow2.dataFile().ifPresent(file -> {
            data.put("data-file", file);
            data.put("data-file-raw", qcow2.dataFileRaw());
        });
        return data;
    }

    private Map<String, Object> vmdkData(VmdkDetails vmdk) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cid", vmdk.cid());
        data.put("parent-cid", vmdk.parentCid());
        data.put("create-type", vmdk.createType());
        List<Object> extents = new ArrayList<>();
        if (vmdk.embedded()) {
            Map<String, Object> extent = new LinkedHashMap<>();
            if (vmdk.compressed()) {
                extent.put("compressed", true);
            }
            virtualSize.ifPresent(size -> extent.put("virtual-size", size));
            extent.put("filename", filename);
            clusterSize.ifPresent(size -> extent.put("cluster-size", size));
            // QEMU reports no extent type for the extent of a monolithic sparse file
            extent.put("format", "");
            extents.add(extent);
        } else {
            for (VmdkExtent e : vmdk.extents()) {
                Map<String, Object> extent = new LinkedHashMap<>();
                extent.put("virtual-size", e.sectors() * 512);
                extent.put("filename", extentPath(filename, e).toString());
                extent.put("format", e.type());
                extents.add(extent);
            }
        }
        data.put("extents", extents);
        return data;
    }
}
