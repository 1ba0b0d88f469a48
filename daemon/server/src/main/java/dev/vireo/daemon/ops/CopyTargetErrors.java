package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.daemon.Json;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.LiveGuest;

/**
 * A test hook for the block copy's error handling (BlockCopyE2ETest): with the system property
 * {@code vireo.test.copyTargetError=write} a full copy writes its target through a {@code blkdebug}
 * node, added with {@code blockdev-add} between the target's format node and its storage node
 * (where QEMU's format drivers announce their writes), that fails the first data write with EIO.
 * The copy's {@code on-target-error: stop} then pauses the job. Without the property (in
 * production) a copy writes its target directly.
 */
final class CopyTargetErrors {
    static final String PROPERTY = "vireo.test.copyTargetError";

    private CopyTargetErrors() {
    }

    static boolean enabled() {
        return System.getProperty(PROPERTY) != null;
    }

    /**
     * Puts the blkdebug node under {@code target}'s format node (deleted and added again, under the
     * same name, over the blkdebug node); returns the blkdebug node's name.
     */
    static String insert(LiveGuest guest, ImageNode target) throws VireoError {
        String name = "vireo-test-blkdebug-" + target.index();
        ObjectNode debug = Json.MAPPER.createObjectNode().put("driver", "blkdebug").put("node-name", name)
                .put("image", target.storageNodeName());
        debug.putArray("inject-error").addObject().put("event", "write_aio").put("errno", 5).put("once", true);
        ObjectNode format = Json.MAPPER.createObjectNode().put("driver", target.format()).put("node-name", target.formatNodeName())
                .put("file", name).put("read-only", false);
        if (target.formatHasBacking()) format.putNull("backing");
        Log.info("test hook " + PROPERTY + ": the copy to " + target.path() + " writes through " + name);
        guest.qmp("blockdev-del", m -> {
            m.blockdevDel(target.formatNodeName());
            return null;
        });
        guest.qmp("blockdev-add", m -> {
            m.blockdevAdd(debug);
            m.blockdevAdd(format);
            return null;
        });
        return name;
    }

    /** Takes the blkdebug node out again, with the format node above it (the storage node and set stay for the release). */
    static void remove(LiveGuest guest, String node, String formatNode) throws VireoError {
        for (String n : new String[] {formatNode, node}) {
            try {
                guest.qmp("blockdev-del", m -> {
                    m.blockdevDel(n);
                    return null;
                });
            } catch (VireoError gone) {
                Log.info("test hook " + PROPERTY + ": " + gone.getMessage());
            }
        }
    }
}
