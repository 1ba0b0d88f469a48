package dev.vireo.daemon.disks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.conf.model.DiskSource;

/**
 * A disk's {@code <backingStore>} chain as the rows {@code domblklist} sends: index, type,
 * format and source of each layer, top down. The empty element that closes a chain is no layer.
 */
public final class BackingChainJson {

    private BackingChainJson() {
    }

    public static ArrayNode of(DiskBackingStore first) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        int depth = 1;
        for (DiskBackingStore layer = first; layer != null && layer.getSource() != null; layer = layer.getBackingStore()) {
            rows.addObject()
                    .put("index", layer.getIndex() == null ? depth : layer.getIndex())
                    .put("type", layer.getType() == null ? "file" : layer.getType().xml())
                    .put("format", layer.getFormat() == null ? "" : layer.getFormat().getType())
                    .put("source", sourceOf(layer.getSource()));
            depth++;
        }
        return rows;
    }

    private static String sourceOf(DiskSource source) {
        if (source.getFile() != null) return source.getFile();
        if (source.getDev() != null) return source.getDev();
        return source.getName() == null ? "" : source.getName();
    }
}
