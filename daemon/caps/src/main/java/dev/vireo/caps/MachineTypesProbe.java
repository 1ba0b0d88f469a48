package dev.vireo.caps;

import dev.vireo.conf.EmulatorFacts;
import dev.vireo.conf.MachineTypes;
import dev.vireo.conf.model.Domain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine types of emulator binaries, from {@code -machine help}, kept in memory per binary
 * build ({@link BinaryStamp}): a define probes a binary once, and again only when it is replaced.
 * A binary that does not exist, cannot run or lists no machines has no machine types: its domains
 * keep libvirt 0.10.2's defaults. Thread-safe.
 */
public final class MachineTypesProbe implements EmulatorFacts {
    // "q35                  Standard PC (Q35 + ICH9, 2009) (alias of pc-q35-7.2)"
    private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+(.*)$");
    private static final Pattern ALIAS = Pattern.compile("\\(alias of (\\S+)\\)");
    /** Bounds the cache: a host has a handful of emulators; past this the oldest guesses do not matter. */
    private static final int MAX_BINARIES = 64;

    private record Entry(BinaryStamp stamp, MachineTypes types) {
    }

    private final EmulatorRunner runner;
    private final Map<Path, Entry> known = new ConcurrentHashMap<>();

    public MachineTypesProbe() {
        this(Duration.ofSeconds(30));
    }

    public MachineTypesProbe(Duration timeout) {
        this.runner = new EmulatorRunner(timeout);
    }

    @Override
    public MachineTypes machineTypes(Domain d) {
        return EmulatorBinary.of(d).map(this::of).orElse(null);
    }

    /** The machine types of {@code binary}, or null when it cannot be probed. */
    public MachineTypes of(Path binary) {
        BinaryStamp stamp;
        try {
            stamp = BinaryStamp.of(binary);
        } catch (ProbeException e) {
            return null;
        }
        Entry entry = known.get(stamp.path());
        if (entry != null && entry.stamp().equals(stamp)) return entry.types();
        MachineTypes types;
        try {
            EmulatorRunner.Output out = runner.run(stamp.path(), List.of("-machine", "help"));
            types = out.exitCode() == 0 ? parse(out.stdout()) : null;
        } catch (ProbeException e) {
            types = null;
        }
        if (types != null && types.machines().isEmpty()) types = null;
        if (known.size() >= MAX_BINARIES) known.clear();
        if (types != null) known.put(stamp.path(), new Entry(stamp, types));
        return types;
    }

    /** Reads {@code -machine help}: a header line, then one machine a line. */
    static MachineTypes parse(String help) {
        List<MachineTypes.Machine> machines = new ArrayList<>();
        List<String[]> aliases = new ArrayList<>();
        for (String line : help.split("\n")) {
            if (line.isBlank() || line.startsWith("Supported machines") || Character.isWhitespace(line.charAt(0))) continue;
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) continue;
            String name = m.group(1);
            String rest = m.group(2);
            Matcher alias = ALIAS.matcher(rest);
            if (alias.find()) {
                aliases.add(new String[] {name, alias.group(1)});
                continue;
            }
            machines.add(new MachineTypes.Machine(name, null, rest.contains("(default)")));
        }
        // "q35 (alias of pc-q35-7.2)" names the versioned machine listed on its own line
        for (String[] a : aliases) {
            for (int i = 0; i < machines.size(); i++) {
                MachineTypes.Machine m = machines.get(i);
                if (m.name().equals(a[1])) machines.set(i, new MachineTypes.Machine(m.name(), a[0], m.isDefault()));
            }
        }
        return new MachineTypes(machines);
    }
}
