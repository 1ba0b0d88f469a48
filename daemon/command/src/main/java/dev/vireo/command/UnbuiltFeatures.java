package dev.vireo.command;

import dev.vireo.conf.model.Audio;
import dev.vireo.conf.model.AudioType;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.MemoryAccessMode;
import dev.vireo.conf.model.MemoryBacking;
import dev.vireo.conf.model.MemorySourceType;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.FirmwareType;
import dev.vireo.conf.model.Os;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Sound;
import dev.vireo.conf.model.SoundCodec;
import dev.vireo.conf.model.SoundCodecType;
import dev.vireo.conf.model.Video;
import dev.vireo.conf.model.VideoModelElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings that the domain XML accepts (libvirt 9 writes them) but that this command builder does
 * not put on the command line yet. Building a command line without them would start a different
 * guest than the one defined, so each is refused here, before anything is written, with a message
 * that names it. Remove an entry when its arguments are built.
 */
final class UnbuiltFeatures {

    private UnbuiltFeatures() {
    }

    static void check(Domain d) throws UnsupportedConfigurationException {
        List<String> found = new ArrayList<>();
        MemoryBacking mb = d.getMemoryBacking();
        if (mb != null && (mb.getSource() != null && mb.getSource().getType() != MemorySourceType.MEMFD
                || mb.getAccess() != null && mb.getAccess().getMode() != MemoryAccessMode.SHARED
                || mb.getAllocation() != null || mb.getDiscard() != null)) {
            found.add("<memoryBacking><source|access|allocation|discard> (supported: <source type='memfd'/>, <access mode='shared'/>)");
        }
        firmware(d.getOs(), found);
        Devices dev = d.getDevices();
        if (dev != null) devices(dev, found);
        if (!found.isEmpty()) {
            throw new UnsupportedConfigurationException("not supported on the command line yet: " + String.join("; ", found));
        }
    }

    private static void firmware(Os os, List<String> found) {
        if (os == null) return;
        boolean loaderNamed = os.getLoader() != null && os.getLoader().getPath() != null && !os.getLoader().getPath().isBlank();
        if (os.getFirmware() == FirmwareType.EFI && !loaderNamed) {
            found.add("<os firmware='efi'> without a <loader> image (vireod picks it from the host's firmware "
                    + "descriptors when it starts the domain)");
        }
        if (os.getFirmware() == FirmwareType.BIOS) found.add("<os firmware='bios'> (firmware autoselection)");
    }

    private static void devices(Devices dev, List<String> found) {
        for (Graphics g : dev.getGraphics()) {
            if (g.getWebsocket() != null) found.add("<graphics websocket>");
            if (g.getFiletransfer() != null) found.add("<graphics><filetransfer>");
            if (g.getGl() != null) found.add("<graphics><gl>");
        }
        for (Audio a : dev.getAudios()) {
            // 'none' and 'spice' are what the command line already selects (QEMU_AUDIO_DRV) for a
            // guest without a local display and for a SPICE one; any other backend or setting is not.
            boolean plain = a.getInput() == null && a.getOutput() == null && a.getTimerPeriod() == null;
            if (!plain || (a.getType() != AudioType.NONE && a.getType() != AudioType.SPICE)) {
                found.add("<audio type='" + a.getType().xml() + "'> (only a bare type='none' or 'spice' is supported)");
                break;
            }
        }
        for (Sound s : dev.getSounds()) {
            switch (s.getModel()) {
                case USB -> found.add("<sound model='usb'> (supported: sb16, es1370, pcspk, ac97, ich6, ich7, ich9)");
                default -> { }
            }
            for (SoundCodec c : s.getCodecs()) {
                if (c.getType() == SoundCodecType.OUTPUT) found.add("<codec type='output'> (supported: duplex, micro)");
            }
        }
        for (Video v : dev.getVideos()) {
            VideoModelElement m = v.getModel();
            if (m == null) continue;
            if (m.getResolution() != null) found.add("<video><model><resolution>");
        }
    }
}
