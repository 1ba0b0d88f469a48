package dev.vireo.caps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Shell scripts that answer like an emulator: a recorded {@code -help} text, a device file printed
 * for any argument that mentions {@code -device}, and a log of every run (one line of arguments).
 */
final class FakeEmulator {

    static final String HELP_1_1 = """
            QEMU emulator version 1.1.0, Copyright (c) 2003-2008 Fabrice Bellard
            usage: qemu-system-x86_64 [options] [disk_image]

            -drive [file=file][,if=type][,cache=writethrough|writeback|none|directsync|unsafe][,format=f]
                   [,aio=threads|native][,readonly=on|off][,copy-on-read=on|off]
            -device driver[,prop[=value][,...]]
                            add device (based on driver)
                            use -device ? to print all possible drivers
                            use -device driver,? to print all possible properties
            -no-acpi        disable ACPI
            """;

    static final String DEVICES_1_1 = """
            name "virtio-blk-pci", bus PCI, alias "virtio-blk"
            name "ide-cd", bus IDE, desc "virtual IDE CD-ROM"
            virtio-blk-pci.scsi=on/off
            virtio-blk-pci.event_idx=on/off
            """;

    private FakeEmulator() {
    }

    /** An emulator that prints {@code help}, and {@code devices} for any -device query; it logs to {@code log}. */
    static Path write(Path dir, String name, String help, String devices, Path log) throws IOException {
        Path helpFile = Files.writeString(dir.resolve(name + ".help"), help);
        Path deviceFile = Files.writeString(dir.resolve(name + ".device"), devices);
        return script(dir, name, """
                echo "$*" >> '%s'
                for a in "$@"; do
                  case "$a" in
                    *-device*) cat '%s'; exit 0;;
                  esac
                done
                cat '%s'
                """.formatted(log, deviceFile, helpFile));
    }

    static Path script(Path dir, String name, String body) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
