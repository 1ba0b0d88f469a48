package dev.vireo.command;

import dev.vireo.conf.model.Controller;
import java.util.ArrayList;
import java.util.List;

/**
 * libvirt keeps controllers of one type in index order (types in the order they first appear),
 * whatever order the XML lists them in; controller options and their PCI slots follow that order.
 */
final class ControllerOrder {

    private ControllerOrder() {
    }

    static List<Controller> of(List<Controller> documentOrder) {
        List<Controller> sorted = new ArrayList<>(documentOrder.size());
        for (Controller c : documentOrder) {
            sorted.add(insertionPoint(sorted, c), c);
        }
        return sorted;
    }

    /** Before the first controller of the same type with a higher index, else after the last of that type. */
    private static int insertionPoint(List<Controller> sorted, Controller controller) {
        int index = DiskNames.orZero(controller.getIndex());
        int insertAt = -1;
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Controller other = sorted.get(i);
            if (other.getType() != controller.getType()) {
                continue;
            }
            if (DiskNames.orZero(other.getIndex()) > index) {
                insertAt = i;
            } else if (insertAt == -1) {
                insertAt = i + 1;
            }
        }
        return insertAt == -1 ? sorted.size() : insertAt;
    }
}
