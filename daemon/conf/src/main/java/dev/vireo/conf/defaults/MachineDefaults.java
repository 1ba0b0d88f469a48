package dev.vireo.conf.defaults;

import dev.vireo.conf.MachineTypes;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.OsType;

/** libvirt 9 stores the versioned machine an alias stands for, from the probed emulator's list. */
final class MachineDefaults {
    private MachineDefaults() {
    }

    static void canonicalise(Domain d, MachineTypes machines) {
        OsType type = d.getOs().getType();
        String machine = type.getMachine();
        if (machine == null || machine.isBlank()) {
            String fallback = machines.defaultMachine();
            if (fallback != null) type.setMachine(fallback);
            return;
        }
        type.setMachine(machines.canonical(machine));
    }
}
