package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Sound;
import dev.vireo.conf.model.SoundCodec;
import dev.vireo.conf.model.SoundCodecType;
import dev.vireo.conf.model.SoundModel;
import java.util.List;
import java.util.StringJoiner;

/** Sound cards: {@code -device} per card (HDA codecs as their own devices), or one {@code -soundhw} list. */
final class SoundArgs {

    private SoundArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Sound> sounds = ctx.devices().getSounds();
        if (sounds.isEmpty()) {
            return;
        }
        if (!ctx.usesDevice()) {
            StringJoiner models = new StringJoiner(",");
            for (Sound sound : sounds) {
                if (sound.getModel() == SoundModel.ICH6) {
                    throw new UnsupportedConfigurationException("<sound model='ich6'>: this QEMU binary lacks HDA support "
                            + "(capability 'device')");
                }
                if (sound.getModel() == SoundModel.USB) {
                    throw new UnsupportedConfigurationException("<sound model='usb'>: this QEMU binary has no usb-audio "
                            + "device (capability 'device')");
                }
                models.add(sound.getModel().xml());
            }
            out.option("-soundhw", models.toString());
            return;
        }
        for (Sound sound : sounds) {
            if (sound.getModel() == SoundModel.PCSPK) {
                if (ctx.qemuAtLeast(7_001_000)) {
                    throw new UnsupportedConfigurationException("<sound model='pcspk'>: QEMU " + ctx.qemuVersion()
                            + " has no -soundhw; its PC speaker needs an audio backend, which Vireo does not configure");
                }
                // The PC speaker cannot be created with -device.
                out.option("-soundhw", "pcspk");
                continue;
            }
            String alias = ctx.alias(sound);
            if (sound.getModel() == SoundModel.USB) {
                usbAudio(ctx, out, sound, alias);
                continue;
            }
            if (sound.getModel() == SoundModel.ICH9 && !ctx.has(Capability.ICH9_INTEL_HDA)) {
                throw new UnsupportedConfigurationException("<sound model='ich9'>: this QEMU binary has no ich9-intel-hda "
                        + "(capability 'ich9-intel-hda')");
            }
            if (sound.getModel() == SoundModel.ICH7 && !ctx.modern()) {
                throw new UnsupportedConfigurationException("<sound model='ich7'>: supported with QEMU 4.2 or later");
            }
            OptionString o = new OptionString(deviceName(sound.getModel())).add("id", alias);
            boolean hda = sound.getModel() == SoundModel.ICH6 || sound.getModel() == SoundModel.ICH7
                    || sound.getModel() == SoundModel.ICH9;
            if (!hda && AudioArgs.applies(ctx)) {
                o.add("audiodev", AudioArgs.forSound(ctx, sound));
            }
            DeviceAddressOption.append(ctx, o, sound);
            out.option("-device", o.toString());
            if (sound.getModel() == SoundModel.ICH6 || sound.getModel() == SoundModel.ICH7 || sound.getModel() == SoundModel.ICH9) {
                codecs(ctx, out, sound, alias);
            }
        }
    }

    private static String deviceName(SoundModel model) {
        return switch (model) {
            case ES1370 -> "ES1370";
            case AC97 -> "AC97";
            case ICH6, ICH7 -> "intel-hda";
            case ICH9 -> "ich9-intel-hda";
            case SB16 -> "sb16";
            case PCSPK -> "pcspk";
            case USB -> "usb-audio";
        };
    }

    /**
     * {@code <sound model='usb'>}: QEMU's {@code usb-audio} on its USB port, playing on the guest's
     * audio backend as libvirt 9 writes it ({@code usb-audio,id=soundN,audiodev=audioN,bus=usb.0,port=N}).
     */
    private static void usbAudio(BuildContext ctx, ArgvWriter out, Sound sound, String alias) throws UnsupportedConfigurationException {
        if (!ctx.modern() || !ctx.caps().hasDevice("usb-audio")) {
            throw new UnsupportedConfigurationException("<sound model='usb'>: this QEMU binary has no usb-audio device "
                    + "(QEMU 4.2 or later)");
        }
        UsbDeviceArgs.requireUsb(ctx, "sound " + alias);
        OptionString o = new OptionString("usb-audio").add("id", alias);
        if (AudioArgs.applies(ctx)) o.add("audiodev", AudioArgs.forSound(ctx, sound));
        DeviceAddressOption.append(ctx, o, sound);
        out.option("-device", o.toString());
    }

    /** An HDA controller without codecs gets a duplex codec, as a real one would have. */
    private static void codecs(BuildContext ctx, ArgvWriter out, Sound sound, String alias) throws UnsupportedConfigurationException {
        List<SoundCodec> codecs = sound.getCodecs();
        int count = Math.max(codecs.size(), 1);
        for (int cad = 0; cad < count; cad++) {
            SoundCodecType type = codecs.isEmpty() || codecs.get(cad).getType() == null
                    ? SoundCodecType.DUPLEX : codecs.get(cad).getType();
            String device = "hda-" + type.xml();
            if (type == SoundCodecType.OUTPUT) {
                if (!ctx.caps().hasDevice(device)) {
                    throw new UnsupportedConfigurationException("sound " + alias + ": codec " + device + " is not "
                            + "supported by this QEMU binary (no device '" + device + "')");
                }
            } else {
                Capability needed = type == SoundCodecType.DUPLEX ? Capability.HDA_DUPLEX : Capability.HDA_MICRO;
                if (!ctx.has(needed)) {
                    throw new UnsupportedConfigurationException("sound " + alias + ": codec " + device + " is not supported "
                            + "by this QEMU binary (capability '" + needed.flagName() + "')");
                }
            }
            String backend = AudioArgs.applies(ctx) ? ",audiodev=" + AudioArgs.forSound(ctx, sound) : "";
            out.option("-device", device + ",id=" + alias + "-codec" + cad + ",bus=" + alias + ".0,cad=" + cad + backend);
        }
    }
}
