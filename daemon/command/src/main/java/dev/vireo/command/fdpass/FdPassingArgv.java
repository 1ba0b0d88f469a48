package dev.vireo.command.fdpass;

import dev.vireo.command.CommandLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a plain command line into one where QEMU opens no image path itself: every fd is
 * announced with {@code -add-fd}, and each passed disk's {@code -drive file=PATH} becomes
 * {@code file=/dev/fdset/S,format=FMT} followed by its chain spelled out as
 * {@code backing.driver=FMT,backing.file.filename=/dev/fdset/T,backing.backing....}.
 *
 * <p>Why a rewrite of the finished argv rather than a second mode of the builder: the plain
 * command line stays the one golden tests and {@code domxml-to-native} check, and fd passing is
 * the same textual change whatever the rest of the drive looks like. The drive is found by its
 * {@code file=} value, which the builder always writes first.
 */
public final class FdPassingArgv {

    private FdPassingArgv() {
    }

    /**
     * @throws IllegalArgumentException when a passed disk has no {@code -drive} with its path in
     *                                  {@code plain} (the plan and the command line disagree)
     */
    public static CommandLine rewrite(CommandLine plain, List<PassedDisk> disks) {
        if (disks.isEmpty()) {
            return plain;
        }
        List<PassedDisk> unmatched = new ArrayList<>(disks);
        List<String> args = new ArrayList<>(plain.args().size() + 4 * disks.size());
        boolean announced = false;
        for (int i = 0; i < plain.args().size(); i++) {
            String arg = plain.args().get(i);
            if (arg.equals("-drive") && i + 1 < plain.args().size()) {
                if (!announced) {
                    addFdOptions(disks, args);
                    announced = true;
                }
                String value = plain.args().get(++i);
                PassedDisk disk = take(unmatched, value);
                args.add(arg);
                args.add(disk == null ? value : driveValue(value, disk));
            } else {
                args.add(arg);
            }
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException("no -drive opens " + unmatched.getFirst().source()
                    + " in the command line; cannot pass its images as fds");
        }
        return new CommandLine(plain.env(), plain.emulator(), args);
    }

    private static void addFdOptions(List<PassedDisk> disks, List<String> args) {
        for (PassedDisk disk : disks) {
            for (PassedLayer layer : disk.layers()) {
                for (PassedFd fd : layer.fds()) {
                    args.add("-add-fd");
                    args.add("fd=" + fd.childFd() + ",set=" + layer.fdset() + ",opaque=" + fd.opaque());
                }
            }
        }
    }

    /** The first disk (in plan order) whose path this -drive opens, removed from {@code unmatched}. */
    private static PassedDisk take(List<PassedDisk> unmatched, String driveValue) {
        for (int i = 0; i < unmatched.size(); i++) {
            String prefix = "file=" + escaped(unmatched.get(i).source());
            if (driveValue.equals(prefix) || driveValue.startsWith(prefix + ",")) {
                return unmatched.remove(i);
            }
        }
        return null;
    }

    private static String driveValue(String plainValue, PassedDisk disk) {
        String rest = plainValue.substring(("file=" + escaped(disk.source())).length());
        PassedLayer top = disk.layers().getFirst();
        StringBuilder value = new StringBuilder(plainValue.length() + 64 * disk.layers().size());
        value.append("file=").append(top.fdsetPath()).append(rest);
        if (!hasOption(rest, "format")) {
            // The chain was read with this format; QEMU must not probe the fd set for another.
            value.append(",format=").append(top.format());
        }
        String prefix = "";
        for (PassedLayer layer : disk.layers().subList(1, disk.layers().size())) {
            prefix += "backing.";
            value.append(',').append(prefix).append("driver=").append(layer.format());
            value.append(',').append(prefix).append("file.filename=").append(layer.fdsetPath());
        }
        return value.toString();
    }

    /** Whether a comma-separated option string (commas in values doubled) sets {@code key}. */
    private static boolean hasOption(String options, String key) {
        String[] parts = options.replace(",,", "\0").split(",");
        for (String part : parts) {
            if (part.startsWith(key + "=")) {
                return true;
            }
        }
        return false;
    }

    /** QEMU's option syntax: a comma inside a value is written twice. */
    private static String escaped(String value) {
        return value.replace(",", ",,");
    }
}
