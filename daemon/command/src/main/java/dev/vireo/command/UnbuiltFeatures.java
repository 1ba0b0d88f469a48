package dev.vireo.command;

import dev.vireo.conf.model.Audio;
import dev.vireo.conf.model.AudioType;
import dev.vireo.conf.model.Cpu;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskDriver;
import dev.vireo.conf.model.DiskIo;
import dev.vireo.conf.model.MemoryAccessMode;
import dev.vireo.conf.model.MemoryBacking;
import dev.vireo.conf.model.MemorySourceType;
import dev.vireo.conf.model.Features;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.FirmwareType;
import dev.vireo.conf.model.NumaCell;
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
        features(d.getFeatures(), found);
        cpu(d.getCpu(), found);
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

    private static void features(Features f, List<String> found) {
        if (f == null) return;
        if (f.getKvm() != null) found.add("<features><kvm>");
        if (f.getPvspinlock() != null) found.add("<features><pvspinlock>");
        if (f.getPmu() != null) found.add("<features><pmu>");
        if (f.getIoapic() != null) found.add("<features><ioapic>");
        if (f.getVmcoreinfo() != null) found.add("<features><vmcoreinfo>");
    }

    private static void cpu(Cpu cpu, List<String> found) {
        if (cpu == null || cpu.getNuma() == null) return;
        for (NumaCell c : cpu.getNuma().getCells()) {
            if (c.getDistances() != null) {
                found.add("<numa><cell><distances>");
                break;
            }
        }
    }

    private static void devices(Devices dev, List<String> found) {
        for (Disk disk : dev.getDisks()) {
            DiskDriver drv = disk.getDriver();
            if (drv == null) continue;
            String name = "disk '" + disk.getTarget().getDev() + "': <driver ";
            if (drv.getQueues() != null) found.add(name + "queues>");
            if (drv.getQueueSize() != null) found.add(name + "queue_size>");
            if (drv.getIo() == DiskIo.IO_URING) found.add(name + "io='io_uring'> (supported: threads, native)");
        }
        for (var c : dev.getControllers()) {
            if (c.getDriver() != null) found.add("<controller type='" + c.getType().xml() + "' index='" + c.getIndex() + "'><driver>");
        }
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
