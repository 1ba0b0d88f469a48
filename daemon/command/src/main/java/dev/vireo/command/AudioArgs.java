package dev.vireo.command;

import dev.vireo.conf.model.Audio;
import dev.vireo.conf.model.AudioType;
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
        if (!ctx.modern()) {
            for (Audio a : ctx.devices().getAudios()) {
                if (!bare(a)) {
                    throw new UnsupportedConfigurationException("<audio id='" + a.getId() + "' type='" + a.getType().xml()
                            + "'>: audio backends other than a bare 'none' or 'spice' need QEMU 4.2 or later (-audiodev); "
                            + ctx.emulator() + " is older");
                }
            }
            return;
        }
        if (!applies(ctx)) {
            return;
        }
        List<Audio> audios = ctx.devices().getAudios();
        for (int i = 0; i < audios.size(); i++) {
            Audio a = audios.get(i);
            out.option("-audiodev", AudiodevOption.of(a, id(a, i)));
            if (a.getType() == AudioType.SDL && a.getDriver() != null) {
                // SDL picks its own host driver from the environment, as libvirt sets it.
                out.env("SDL_AUDIODRIVER", a.getDriver());
            }
        }
    }

    /**
     * What an old binary's {@code QEMU_AUDIO_DRV} can say: a backend the display implies
     * ({@code none} for VNC, {@code spice} for SPICE) without settings of its own.
     */
    private static boolean bare(Audio a) {
        return (a.getType() == AudioType.NONE || a.getType() == AudioType.SPICE) && a.getInput() == null
                && a.getOutput() == null && a.getTimerPeriod() == null;
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
