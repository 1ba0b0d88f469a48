package dev.vireo.daemon.lifecycle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What subscribers receive: virsh's words in event/detail (what `vireo event` prints), then the typed fields. */
class EventPayloadTest {
    @Test
    void blockJobEventsCarryProgressStatusAndError() {
        assertEquals("{\"domain\":\"vm\",\"kind\":\"block-job\",\"event\":\"Block Pull\",\"detail\":\"for vda failed\","
                        + "\"job\":\"pull-vda-vda-1\",\"disk\":\"vda\",\"path\":\"/img/top.qcow2\",\"status\":\"failed\",\"offset\":512,\"length\":4096,"
                        + "\"error\":\"Input/output error\"}",
                EventPayload.toJson("vm", new EventPayload.BlockJob("pull-vda-vda-1", "vda", "/img/top.qcow2", "Block Pull", "failed",
                        512, 4096, "Input/output error")).toString());
    }

    @Test
    void lifecycleEventsKeepTheirShape() {
        assertEquals("{\"domain\":\"vm\",\"kind\":\"lifecycle\",\"event\":\"Started\",\"detail\":\"Booted\"}",
                EventPayload.toJson("vm", new EventPayload.Lifecycle("Started", "Booted")).toString());
        assertEquals("{\"domain\":\"vm\",\"kind\":\"io-error\",\"event\":\"drive-virtio-disk0\",\"detail\":\"stop write\","
                        + "\"device\":\"drive-virtio-disk0\",\"node\":null,\"operation\":\"write\",\"action\":\"stop\","
                        + "\"nospace\":true,\"reason\":\"No space left on device\"}",
                EventPayload.toJson("vm", new EventPayload.IoError("drive-virtio-disk0", null, "write", "stop", true,
                        "No space left on device")).toString());
    }
}
