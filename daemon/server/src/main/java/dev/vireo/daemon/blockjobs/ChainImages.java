package dev.vireo.daemon.blockjobs;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.daemon.errors.VireoError;

import java.util.ArrayList;
import java.util.List;

/** Images of a disk's chain named as virsh lets users name them: a path, or {@code vda[N]} with N the image index. */
final class ChainImages {

    private ChainImages() {
    }

    /**
     * @param what the option, for the error ({@code base}, {@code top})
     * @throws VireoError naming the option, the value and the chain when nothing matches
     */
    static ImageNode find(DiskStorage disk, String ref, String what) throws VireoError {
        String prefix = disk.dev() + "[";
        if (ref.startsWith(prefix) && ref.endsWith("]")) {
            String n = ref.substring(prefix.length(), ref.length() - 1);
            try {
                int index = Integer.parseInt(n);
                return disk.image(index).orElseThrow(() -> notInChain(disk, ref, what));
            } catch (NumberFormatException e) {
                throw VireoError.invalidArgument(what + " '" + ref + "': the image index '" + n + "' is not a number");
            }
        }
        for (ImageNode i : disk.images()) {
            if (i.path().equals(ref)) return i;
        }
        throw notInChain(disk, ref, what);
    }

    private static VireoError notInChain(DiskStorage disk, String ref, String what) {
        List<String> chain = new ArrayList<>();
        for (ImageNode i : disk.images()) chain.add(disk.dev() + "[" + i.index() + "] " + i.path());
        return VireoError.invalidArgument(what + " '" + ref + "' is not in the backing chain of disk '" + disk.dev()
                + "' (" + String.join(", ", chain) + ")");
    }

    /** The position of the image in the chain, 0 for the top. */
    static int position(DiskStorage disk, ImageNode image) {
        return disk.images().indexOf(image);
    }

    /** The images strictly between positions {@code above} and {@code below} (below = size for the whole rest). */
    static List<ImageNode> between(DiskStorage disk, int above, int below) {
        return List.copyOf(disk.images().subList(above + 1, below));
    }

    /** Image indexes as a job records them ({@code "2,3"}). */
    static String indexes(List<ImageNode> images) {
        List<String> n = new ArrayList<>();
        for (ImageNode i : images) n.add(Integer.toString(i.index()));
        return String.join(",", n);
    }

    static List<Integer> parseIndexes(String recorded) {
        List<Integer> out = new ArrayList<>();
        if (recorded == null || recorded.isEmpty()) return out;
        for (String s : recorded.split(",")) out.add(Integer.parseInt(s.trim()));
        return out;
    }

    /** The index in a node name {@code libvirt-N-format}, or -1. */
    static int indexOfNode(String node) {
        if (node == null || !node.startsWith("libvirt-")) return -1;
        int dash = node.indexOf('-', "libvirt-".length());
        try {
            return Integer.parseInt(node.substring("libvirt-".length(), dash));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
