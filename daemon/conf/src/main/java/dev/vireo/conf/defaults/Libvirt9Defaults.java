package dev.vireo.conf.defaults;

import dev.vireo.conf.model.Audio;
import dev.vireo.conf.model.AudioType;
import dev.vireo.conf.model.Cpu;
import dev.vireo.conf.model.CpuCheck;
import dev.vireo.conf.model.CpuFallback;
import dev.vireo.conf.model.CpuMatch;
import dev.vireo.conf.model.CpuMode;
import dev.vireo.conf.model.CpuModel;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.DomainVirtType;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.HyperV;
import dev.vireo.conf.model.HyperVMode;
import dev.vireo.conf.model.Video;
import dev.vireo.conf.model.VideoModel;
import dev.vireo.conf.model.VideoModelElement;

/**
 * Where libvirt 9 fills in a CPU, video cards and sound backends differently from libvirt 0.10.2,
 * applied only when libvirt 9's defaults apply (see {@link DomainDefaults}). The older defaults run
 * in between, so this works in two steps: {@link #before} sees the document as written and sets
 * what must win over the older defaults, {@link #after} corrects what those added.
 *
 * <ul>
 * <li>CPU: an x86 guest without a CPU model runs qemu64 ({@code fallback='forbid'}); {@code check}
 * is none for host-passthrough (which is also {@code migratable='on'}) and for TCG guests, partial
 * otherwise; a host-model CPU gets no {@code <model>}; a topology states {@code dies='1'}.</li>
 * <li>Video: 16 MiB for VGA-like cards, QXL gets 64 MiB ram and 16 MiB vgamem, the first card is
 * {@code primary='yes'}.</li>
 * <li>Audio: without any {@code <audio>}, a guest gets {@code <audio id='1'>} of type spice when it
 * has SPICE graphics, none when it has VNC graphics or no graphics at all (QEMU must not reach the
 * host's sound devices); a guest with only local (SDL) graphics gets none.</li>
 * <li>Hyper-V: {@code <hyperv>} without a mode is {@code mode='custom'} (the enlightenments listed).</li>
 * <li>NUMA: each {@code <cell>} states its {@code id} (its position when not given) and its memory in
 * KiB ({@code unit='KiB'}).</li>
 * </ul>
 */
final class Libvirt9Defaults {
    private static final int VGA_VRAM_KIB = 16 * 1024;
    private static final int QXL_RAM_KIB = 64 * 1024;
    private static final int QXL_VGAMEM_KIB = 16 * 1024;

    private final boolean hostModelWithoutModel;
    private final boolean noVideo;

    private Libvirt9Defaults(boolean hostModelWithoutModel, boolean noVideo) {
        this.hostModelWithoutModel = hostModelWithoutModel;
        this.noVideo = noVideo;
    }

    /** Applies what must come before the older defaults; the result finishes the job in {@link #after}. */
    static Libvirt9Defaults before(Domain d) {
        Cpu cpu = d.getCpu();
        boolean hostModelWithoutModel = cpu != null && cpu.getMode() == CpuMode.HOST_MODEL && cpu.getModel() == null;
        cpu(d);
        Devices dev = d.getDevices();
        for (Video v : dev.getVideos()) size(v);
        return new Libvirt9Defaults(hostModelWithoutModel, dev.getVideos().isEmpty());
    }

    void after(Domain d) {
        if (hostModelWithoutModel) d.getCpu().setModel(null);
        Devices dev = d.getDevices();
        if (noVideo && !dev.getVideos().isEmpty()) {
            // the card the older defaults added for the graphics, sized as libvirt 9 sizes it
            VideoModelElement m = dev.getVideos().getFirst().getModel();
            if (m.getType() == VideoModel.CIRRUS || m.getType() == VideoModel.VGA) m.setVram(VGA_VRAM_KIB);
        }
        if (!dev.getVideos().isEmpty()) {
            VideoModelElement first = dev.getVideos().getFirst().getModel();
            if (first != null && first.getType() != VideoModel.NONE && first.getPrimary() == null) first.setPrimary(Boolean.TRUE);
        }
        if (dev.getAudios().isEmpty()) defaultAudio(dev);
        HyperV hyperv = d.getFeatures() == null ? null : d.getFeatures().getHyperv();
        if (hyperv != null && hyperv.getMode() == null) hyperv.setMode(HyperVMode.CUSTOM);
    }

    private static void cpu(Domain d) {
        if (!DomainDefaults.isHvm(d)) return;
        Cpu cpu = d.getCpu();
        if (cpu == null) {
            cpu = new Cpu();
            d.setCpu(cpu);
        }
        boolean named = cpu.getModel() != null && cpu.getModel().getName() != null && !cpu.getModel().getName().isBlank();
        CpuMode mode = cpu.getMode() == null ? CpuMode.CUSTOM : cpu.getMode();
        if (mode == CpuMode.CUSTOM && !named) {
            CpuModel qemu64 = cpu.getModel() == null ? new CpuModel() : cpu.getModel();
            qemu64.setName("qemu64");
            if (qemu64.getFallback() == null) qemu64.setFallback(CpuFallback.FORBID);
            cpu.setModel(qemu64);
            cpu.setMode(CpuMode.CUSTOM);
            if (cpu.getMatch() == null) cpu.setMatch(CpuMatch.EXACT);
            if (cpu.getCheck() == null) cpu.setCheck(CpuCheck.NONE);
        }
        if (cpu.getCheck() == null) {
            boolean loose = mode == CpuMode.HOST_PASSTHROUGH || mode == CpuMode.MAXIMUM || (mode == CpuMode.CUSTOM && d.getType() == DomainVirtType.QEMU);
            cpu.setCheck(loose ? CpuCheck.NONE : CpuCheck.PARTIAL);
        }
        if (mode == CpuMode.HOST_PASSTHROUGH && cpu.getMigratable() == null) cpu.setMigratable(Boolean.TRUE);
        if (cpu.getTopology() != null && cpu.getTopology().getDies() == null) cpu.getTopology().setDies(1);
        if (cpu.getNuma() != null) numaCells(cpu.getNuma().getCells());
    }

    private static void numaCells(java.util.List<dev.vireo.conf.model.NumaCell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            dev.vireo.conf.model.NumaCell c = cells.get(i);
            if (c.getId() == null) c.setId(i);
            // a unit written is converted to KiB by FirmwareFeatureDefaults; none means KiB already
            if (c.getMemory() != null && c.getUnit() == null) c.setUnit("KiB");
        }
    }

    private static void size(Video v) {
        VideoModelElement m = v.getModel();
        if (m == null || m.getType() == null) return;
        switch (m.getType()) {
            case VGA, CIRRUS, VMVGA, BOCHS -> {
                if (m.getVram() == null) m.setVram(VGA_VRAM_KIB);
            }
            case QXL -> {
                if (m.getRam() == null) m.setRam(QXL_RAM_KIB);
                if (m.getVgamem() == null) m.setVgamem(QXL_VGAMEM_KIB);
            }
            default -> { }
        }
    }

    private static void defaultAudio(Devices dev) {
        AudioType type = dev.getGraphics().isEmpty() ? AudioType.NONE : null;
        for (Graphics g : dev.getGraphics()) {
            switch (g.getType()) {
                case VNC -> type = AudioType.NONE;
                case SPICE -> type = AudioType.SPICE;
                default -> { }
            }
        }
        if (type == null) return;
        Audio a = new Audio();
        a.setId(1);
        a.setType(type);
        dev.getAudios().add(a);
    }
}
