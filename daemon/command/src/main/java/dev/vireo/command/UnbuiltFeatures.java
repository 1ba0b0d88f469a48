package dev.vireo.command;

import dev.vireo.conf.model.Audio;
import dev.vireo.conf.model.AudioType;
import dev.vireo.conf.model.Devices;
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
        Devices dev = d.getDevices();
        if (dev != null) devices(dev, found);
        if (!found.isEmpty()) {
            throw new UnsupportedConfigurationException("not supported on the command line yet: " + String.join("; ", found));
        }
    }

    private static void devices(Devices dev, List<String> found) {
        if (!dev.getRngs().isEmpty()) found.add("<rng> (random number generator)");
        if (!dev.getTpms().isEmpty()) found.add("<tpm>");
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
                case ICH7, ICH9, USB -> found.add("<sound model='" + s.getModel().xml() + "'> (supported: sb16, es1370, pcspk, ac97, ich6)");
                default -> { }
            }
            for (SoundCodec c : s.getCodecs()) {
                if (c.getType() == SoundCodecType.OUTPUT) found.add("<codec type='output'> (supported: duplex, micro)");
            }
        }
        for (Video v : dev.getVideos()) {
            VideoModelElement m = v.getModel();
            if (m == null) continue;
            if (m.getVgamem() != null) found.add("<video><model vgamem>");
            if (m.getResolution() != null) found.add("<video><model><resolution>");
        }
    }
}
