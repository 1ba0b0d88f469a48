package dev.vireo.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Every field of the events QEMU 7.2 sends reaches the typed record (data shapes as QEMU 7.2 emits them). */
class MonitorEventTest {
    private static final Instant T = Instant.ofEpochSecond(1700000000, 123000);

    private static MonitorEvent parse(String name, String data) throws Exception {
        JsonNode d = data == null ? MissingNode.getInstance() : new ObjectMapper().readTree(data);
        return MonitorEvent.parse(name, T, d);
    }

    @Test
    void aGuestOpeningOrClosingAVirtioPortNamesThePortsId() throws Exception {
        assertEquals(new MonitorEvent.VserportChange(T, "channel0", true), parse("VSERPORT_CHANGE", "{\"id\":\"channel0\",\"open\":true}"));
        assertEquals(new MonitorEvent.VserportChange(T, "channel1", false), parse("VSERPORT_CHANGE", "{\"id\":\"channel1\",\"open\":false}"));
    }

    @Test
    void blockEventsKeepEveryField() throws Exception {
        assertEquals(new MonitorEvent.BlockJobCompleted(T, "stream", "pull-vda", 4194304, 1048576, 0, "Input/output error"),
                parse("BLOCK_JOB_COMPLETED", "{\"device\":\"pull-vda\",\"len\":4194304,\"offset\":1048576,\"speed\":0,"
                        + "\"type\":\"stream\",\"error\":\"Input/output error\"}"));
        assertEquals(new MonitorEvent.BlockJobCancelled(T, "commit", "c", 10, 5, 7),
                parse("BLOCK_JOB_CANCELLED", "{\"device\":\"c\",\"len\":10,\"offset\":5,\"speed\":7,\"type\":\"commit\"}"));
        assertEquals(new MonitorEvent.BlockJobError(T, "m", "write", "stop"),
                parse("BLOCK_JOB_ERROR", "{\"device\":\"m\",\"operation\":\"write\",\"action\":\"stop\"}"));
        assertEquals(new MonitorEvent.BlockJobPending(T, "commit", "c"),
                parse("BLOCK_JOB_PENDING", "{\"type\":\"commit\",\"id\":\"c\"}"));
        assertEquals(new MonitorEvent.BlockIoError(T, "", "vda-0", "write", "stop", true, "No space left on device"),
                parse("BLOCK_IO_ERROR", "{\"device\":\"\",\"node-name\":\"vda-0\",\"operation\":\"write\","
                        + "\"action\":\"stop\",\"nospace\":true,\"reason\":\"No space left on device\"}"));
        assertEquals(new MonitorEvent.BlockWriteThreshold(T, "vda-0-storage", 327680, 3145728),
                parse("BLOCK_WRITE_THRESHOLD", "{\"node-name\":\"vda-0-storage\",\"write-threshold\":3145728,"
                        + "\"amount-exceeded\":327680}"));
    }

    @Test
    void guestAndDeviceEvents() throws Exception {
        assertEquals(new MonitorEvent.Shutdown(T, true, "guest-shutdown"),
                parse("SHUTDOWN", "{\"guest\":true,\"reason\":\"guest-shutdown\"}"));
        assertEquals(new MonitorEvent.Stop(T), parse("STOP", null));
        assertEquals(new MonitorEvent.DeviceDeleted(T, null, "/machine/peripheral-anon/device[0]"),
                parse("DEVICE_DELETED", "{\"path\":\"/machine/peripheral-anon/device[0]\"}"));
        assertEquals(new MonitorEvent.JobStatusChange(T, "j", JobStatus.STANDBY),
                parse("JOB_STATUS_CHANGE", "{\"id\":\"j\",\"status\":\"standby\"}"));
    }

    @Test
    void unknownEventsAndStatusesStayUntyped() throws Exception {
        MonitorEvent rtc = parse("RTC_CHANGE", "{\"offset\":3}");
        assertEquals("RTC_CHANGE", rtc.name());
        assertEquals(3, assertInstanceOf(MonitorEvent.Other.class, rtc).data().path("offset").asInt());
        assertInstanceOf(MonitorEvent.Other.class, parse("JOB_STATUS_CHANGE", "{\"id\":\"j\",\"status\":\"frobbing\"}"));
    }
}
