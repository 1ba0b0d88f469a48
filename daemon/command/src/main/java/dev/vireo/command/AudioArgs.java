package dev.vireo.command;

import dev.vireo.conf.model.Audio;
import dev.vireo.conf.model.Sound;
import java.util.List;

/**
 * The guest's audio backends ({@code <audio id='N' type=...>}, which libvirt 9 stores for every
 * guest with sound or graphics) as {@code -audiodev DRIVER,id=audioN}, named by the sound cards'
 * codecs and the VNC display ({@code audiodev=audioN}), as libvirt 9 writes them for a modern
 * binary. Older binaries, and a definition without {@code <audio>}, get the environment variable
 * {@code QEMU_AUDIO_DRV} instead.
 */
final class AudioArgs {

    private AudioArgs() {
    }

    /** Audio goes through {@code -audiodev}: a modern binary and at least one backend in the definition. */
    static boolean applies(BuildContext ctx) {
        return ctx.modern() && !ctx.devices().getAudios().isEmpty();
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        if (!applies(ctx)) {
            return;
        }
        List<Audio> audios = ctx.devices().getAudios();
        for (int i = 0; i < audios.size(); i++) {
            Audio a = audios.get(i);
            String driver = switch (a.getType()) {
                case NONE -> "none";
                case SPICE -> "spice";
                default -> throw new UnsupportedConfigurationException("<audio type='" + a.getType().xml()
                        + "'>: supported: none, spice");
            };
            out.option("-audiodev", driver + ",id=" + id(a, i));
        }
    }

    /** The backend a sound card plays on: the one its {@code <audio id>} names, else the first. */
    static String forSound(BuildContext ctx, Sound sound) throws UnsupportedConfigurationException {
        List<Audio> audios = ctx.devices().getAudios();
        if (sound.getAudio() != null && sound.getAudio().getId() != null) {
            int wanted = sound.getAudio().getId();
            for (int i = 0; i < audios.size(); i++) {
                if (wanted == idNumber(audios.get(i), i)) {
                    return id(audios.get(i), i);
                }
            }
            throw new UnsupportedConfigurationException("<sound model='" + sound.getModel().xml() + "'><audio id='" + wanted
                    + "'/>: the domain has no <audio id='" + wanted + "'>");
        }
        return id(audios.getFirst(), 0);
    }

    /** The backend of the guest's displays: the first one. */
    static String forDisplay(BuildContext ctx) {
        return id(ctx.devices().getAudios().getFirst(), 0);
    }

    private static int idNumber(Audio a, int position) {
        return a.getId() == null ? position + 1 : a.getId();
    }

    private static String id(Audio a, int position) {
        return "audio" + idNumber(a, position);
    }
}
