package dev.vireo.daemon.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.DeviceAlias;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live state of channels: the sockets the daemon names, and what VSERPORT_CHANGE does to the state. */
class GuestCharDevicesTest {
    @TempDir
    Path tmp;

    private static Domain withChannels() throws Exception {
        return DomainXml.parse("""
                <domain type='qemu'>
                  <name>g</name>
                  <memory>65536</memory>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices>
                    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
                    <channel type='unix'><source mode='bind' path='/given.sock'/><target type='virtio' name='given'/></channel>
                    <channel type='pty'><target type='virtio' name='org.example.pty'/></channel>
                  </devices>
                </domain>
                """);
    }

    @Test
    void aUnixChannelWithoutPathGetsASocketNamedAfterItsTarget() throws Exception {
        Domain d = withChannels();
        Path folder = GuestCharDevices.channelFolder(tmp, 7, "g");
        GuestCharDevices.nameChannelSockets(d, folder);
        var channels = d.getDevices().getChannels();
        assertEquals(folder.resolve("org.qemu.guest_agent.0").toString(), channels.get(0).getSources().getFirst().getPath());
        assertEquals("/given.sock", channels.get(1).getSources().getFirst().getPath(), "a path given stays");
        assertTrue(channels.get(2).getSources().isEmpty(), "a pty channel gets its path from QEMU");
        assertTrue(folder.toFile().isDirectory());
        GuestCharDevices.removeChannelFolder(folder);
        assertFalse(folder.getParent().toFile().exists(), "channel/ goes once empty");
    }

    @Test
    void aSocketPathTooLongForUnixIsRefusedNamingTheWayOut() throws Exception {
        Path deep = tmp.resolve("x".repeat(100));
        VireoError e = assertThrows(VireoError.class,
                () -> GuestCharDevices.nameChannelSockets(withChannels(), GuestCharDevices.channelFolder(deep, 1, "g")));
        assertTrue(e.getMessage().contains("shorter --runtime-dir"), e.getMessage());
    }

    @Test
    void vserportChangeSetsTheStateOfTheChannelWithThatAlias() throws Exception {
        Domain d = withChannels();
        CharDevice agent = d.getDevices().getChannels().getFirst();
        DeviceAlias alias = new DeviceAlias();
        alias.setName("channel0");
        agent.setAlias(alias);
        assertTrue(GuestCharDevices.portChanged(d, "channel0", true));
        assertEquals("connected", agent.getTarget().getState());
        assertFalse(GuestCharDevices.portChanged(d, "channel0", true), "no change, nothing to persist");
        assertTrue(GuestCharDevices.portChanged(d, "channel0", false));
        assertEquals("disconnected", agent.getTarget().getState());
        assertFalse(GuestCharDevices.portChanged(d, "channel9", true), "an unknown port changes nothing");
    }
}
