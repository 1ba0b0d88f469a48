package dev.vireo.command;

import dev.vireo.conf.model.Audio;
import dev.vireo.conf.model.AudioDirection;
import dev.vireo.conf.model.AudioSettings;

/**
 * One {@code -audiodev} value for QEMU 7.2 from {@code <audio>}, with libvirt 9's properties in its
 * order: {@code DRIVER,id=audioN}, {@code timer-period}, the backend's own settings, then
 * {@code in.*} and {@code out.*} (the common stream settings first, then the backend's). libvirt
 * writes the same as JSON; QEMU reads the dotted keys of this form as the same nested object.
 */
final class AudiodevOption {

    private AudiodevOption() {
    }

    static String of(Audio a, String id) {
        OptionString o = new OptionString(driver(a)).add("id", id);
        if (a.getTimerPeriod() != null) o.add("timer-period", a.getTimerPeriod());
        switch (a.getType()) {
            case OSS -> {
                onOff(o, "try-mmap", a.getTryMMap());
                onOff(o, "exclusive", a.getExclusive());
                if (a.getDspPolicy() != null) o.add("dsp-policy", a.getDspPolicy());
            }
            case PULSEAUDIO -> {
                if (a.getServerName() != null) o.addEscaped("server", a.getServerName());
            }
            case FILE -> {
                if (a.getPath() != null) o.addEscaped("path", a.getPath());
            }
            default -> { }
        }
        direction(o, a, "in", a.getInput());
        direction(o, a, "out", a.getOutput());
        return o.toString();
    }

    private static String driver(Audio a) {
        return switch (a.getType()) {
            case NONE -> "none";
            case ALSA -> "alsa";
            case COREAUDIO -> "coreaudio";
            case JACK -> "jack";
            case OSS -> "oss";
            case PULSEAUDIO -> "pa";
            case SDL -> "sdl";
            case SPICE -> "spice";
            case FILE -> "wav";
            case DBUS -> "dbus";
        };
    }

    private static void direction(OptionString o, Audio a, String dir, AudioDirection d) {
        if (d == null) return;
        String p = dir + ".";
        onOff(o, p + "mixing-engine", d.getMixingEngine());
        onOff(o, p + "fixed-settings", d.getFixedSettings());
        if (d.getVoices() != null) o.add(p + "voices", d.getVoices());
        if (d.getBufferLength() != null) o.add(p + "buffer-length", d.getBufferLength());
        AudioSettings s = d.getSettings();
        if (s != null) {
            if (s.getFrequency() != null) o.add(p + "frequency", s.getFrequency());
            if (s.getChannels() != null) o.add(p + "channels", s.getChannels());
            if (s.getFormat() != null) o.add(p + "format", s.getFormat());
        }
        switch (a.getType()) {
            case ALSA -> {
                if (d.getDev() != null) o.addEscaped(p + "dev", d.getDev());
            }
            case COREAUDIO, SDL -> {
                if (d.getBufferCount() != null) o.add(p + "buffer-count", d.getBufferCount());
            }
            case JACK -> {
                if (d.getServerName() != null) o.addEscaped(p + "server-name", d.getServerName());
                if (d.getClientName() != null) o.addEscaped(p + "client-name", d.getClientName());
                if (d.getConnectPorts() != null) o.addEscaped(p + "connect-ports", d.getConnectPorts());
                onOff(o, p + "exact-name", d.getExactName());
            }
            case OSS -> {
                if (d.getDev() != null) o.addEscaped(p + "dev", d.getDev());
                if (d.getBufferCount() != null) o.add(p + "buffer-count", d.getBufferCount());
                onOff(o, p + "try-poll", d.getTryPoll());
            }
            case PULSEAUDIO -> {
                if (d.getName() != null) o.addEscaped(p + "name", d.getName());
                if (d.getStreamName() != null) o.addEscaped(p + "stream-name", d.getStreamName());
                if (d.getLatency() != null) o.add(p + "latency", d.getLatency());
            }
            default -> { }
        }
    }

    private static void onOff(OptionString o, String key, Boolean value) {
        if (value != null) o.add(key, value ? "on" : "off");
    }
}
