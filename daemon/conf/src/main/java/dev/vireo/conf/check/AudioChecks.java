package dev.vireo.conf.check;

import dev.vireo.conf.SourcePositions;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.model.Audio;
import dev.vireo.conf.model.AudioDirection;
import dev.vireo.conf.model.AudioType;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.GraphicsType;
import dev.vireo.conf.model.Sound;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules of {@code <audio>} backends that the schema leaves open: ids are unique, every
 * {@code <sound><audio id>} names one, each attribute fits the backend type that has it, and stream
 * {@code <settings>} need {@code fixedSettings='yes'} (QEMU ignores them otherwise), and a spice
 * backend needs a SPICE display.
 */
final class AudioChecks {
    /** The backend-specific attributes of {@code <audio>} itself, by the types that take them. */
    private static final Map<String, Set<AudioType>> TOP = Map.of(
            "serverName", Set.of(AudioType.PULSEAUDIO),
            "path", Set.of(AudioType.FILE),
            "driver", Set.of(AudioType.SDL),
            "tryMMap", Set.of(AudioType.OSS),
            "exclusive", Set.of(AudioType.OSS),
            "dspPolicy", Set.of(AudioType.OSS));

    /** The backend-specific attributes of {@code <input>} and {@code <output>}, by the types that take them. */
    private static final Map<String, Set<AudioType>> DIRECTION = Map.of(
            "dev", Set.of(AudioType.ALSA, AudioType.OSS),
            "bufferCount", Set.of(AudioType.COREAUDIO, AudioType.OSS, AudioType.SDL),
            "tryPoll", Set.of(AudioType.OSS),
            "name", Set.of(AudioType.PULSEAUDIO),
            "streamName", Set.of(AudioType.PULSEAUDIO),
            "latency", Set.of(AudioType.PULSEAUDIO),
            "serverName", Set.of(AudioType.JACK),
            "clientName", Set.of(AudioType.JACK),
            "connectPorts", Set.of(AudioType.JACK),
            "exactName", Set.of(AudioType.JACK));

    private final SourcePositions at;
    private final List<XmlProblem> problems;

    private AudioChecks(SourcePositions at, List<XmlProblem> problems) {
        this.at = at;
        this.problems = problems;
    }

    static void check(Devices dev, SourcePositions at, List<XmlProblem> problems) {
        AudioChecks c = new AudioChecks(at, problems);
        Map<Integer, Audio> byId = new HashMap<>();
        for (int i = 0; i < dev.getAudios().size(); i++) {
            Audio a = dev.getAudios().get(i);
            String path = "/domain/devices/audio[" + (i + 1) + "]";
            if (byId.putIfAbsent(a.getId(), a) != null) c.add(a, path, "audio id " + a.getId() + " is used by more than one <audio>");
            c.attributes(a, path);
            if (a.getType() == AudioType.SPICE && dev.getGraphics().stream().noneMatch(g -> g.getType() == GraphicsType.SPICE)) {
                c.add(a, path, "audio type 'spice' plays through a SPICE display; add <graphics type='spice'> or choose another type");
            }
        }
        for (int i = 0; i < dev.getSounds().size(); i++) {
            Sound s = dev.getSounds().get(i);
            if (s.getAudio() != null && !byId.containsKey(s.getAudio().getId())) {
                c.add(s.getAudio(), "/domain/devices/sound[" + (i + 1) + "]/audio", "<audio id='" + s.getAudio().getId()
                        + "'> names no <audio> backend; defined ids: " + (byId.isEmpty() ? "none" : byId.keySet()));
            }
        }
    }

    private void attributes(Audio a, String path) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("serverName", a.getServerName());
        top.put("path", a.getPath());
        top.put("driver", a.getDriver());
        top.put("tryMMap", a.getTryMMap());
        top.put("exclusive", a.getExclusive());
        top.put("dspPolicy", a.getDspPolicy());
        fit(a, a.getType(), path, top, TOP);
        direction(a, a.getInput(), path + "/input");
        direction(a, a.getOutput(), path + "/output");
    }

    private void direction(Audio a, AudioDirection d, String path) {
        if (d == null) return;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dev", d.getDev());
        values.put("bufferCount", d.getBufferCount());
        values.put("tryPoll", d.getTryPoll());
        values.put("name", d.getName());
        values.put("streamName", d.getStreamName());
        values.put("latency", d.getLatency());
        values.put("serverName", d.getServerName());
        values.put("clientName", d.getClientName());
        values.put("connectPorts", d.getConnectPorts());
        values.put("exactName", d.getExactName());
        fit(d, a.getType(), path, values, DIRECTION);
        if (d.getSettings() != null && !Boolean.TRUE.equals(d.getFixedSettings())) {
            add(d.getSettings(), path + "/settings", "<settings> take effect only with fixedSettings='yes' on <" + path.substring(path.lastIndexOf('/') + 1) + ">");
        }
    }

    private void fit(Object subject, AudioType type, String path, Map<String, Object> values, Map<String, Set<AudioType>> owners) {
        List<String> misplaced = new ArrayList<>();
        for (var e : values.entrySet()) {
            if (e.getValue() != null && !owners.get(e.getKey()).contains(type)) misplaced.add(e.getKey());
        }
        for (String name : misplaced) {
            add(subject, path, "attribute '" + name + "' does not apply to audio type '" + type.xml() + "'; it belongs to type "
                    + String.join(", ", owners.get(name).stream().map(AudioType::xml).sorted().toList()));
        }
    }

    private void add(Object subject, String path, String message) {
        problems.add(at.problem(subject, path, message));
    }
}
