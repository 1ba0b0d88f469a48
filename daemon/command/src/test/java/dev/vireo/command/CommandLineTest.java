package dev.vireo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void plainTokensAreNotQuoted() {
        CommandLine line = new CommandLine(List.of("LC_ALL=C", "PATH=/bin"), "/usr/bin/qemu",
                List.of("-S", "-drive", "file=/a,if=none,id=drive-ide0-0-0", "-vnc", "127.0.0.1:0"));
        assertEquals("LC_ALL=C PATH=/bin /usr/bin/qemu -S -drive file=/a,if=none,id=drive-ide0-0-0 -vnc 127.0.0.1:0",
                line.toShellLine());
    }

    @Test
    void tokensWithShellCharactersAreSingleQuoted() {
        CommandLine line = new CommandLine(List.of(), "/usr/bin/qemu",
                List.of("-vnc", "[::1]:1", "-smbios", "type=0,version=6FET82WW (3.12 )", "-append", "a;b", "x|y", "$HOME"));
        assertEquals("/usr/bin/qemu -vnc '[::1]:1' -smbios 'type=0,version=6FET82WW (3.12 )' -append 'a;b' 'x|y' '$HOME'",
                line.toShellLine());
    }

    @Test
    void embeddedQuoteLeavesAndReentersTheQuotedRun() {
        CommandLine line = new CommandLine(List.of(), "/usr/bin/qemu", List.of("-name", "it's"));
        assertEquals("/usr/bin/qemu -name 'it'\\''s'", line.toShellLine());
    }

    @Test
    void emptyTokenAndEmptyEnvironmentValueBecomeEmptyQuotes() {
        CommandLine line = new CommandLine(List.of("BAR="), "/usr/bin/qemu", List.of("-append", ""));
        assertEquals("BAR='' /usr/bin/qemu -append ''", line.toShellLine());
    }

    @Test
    void onlyTheValueOfAnAssignmentIsQuoted() {
        CommandLine line = new CommandLine(List.of("TZ=Europe/Paris", "X=a b"), "/usr/bin/qemu", List.of());
        assertEquals("TZ=Europe/Paris X='a b' /usr/bin/qemu", line.toShellLine());
    }

    @Test
    void argvStartsWithTheEmulator() {
        CommandLine line = new CommandLine(List.of("LC_ALL=C"), "/usr/bin/qemu", List.of("-S"));
        assertEquals(List.of("/usr/bin/qemu", "-S"), line.argv());
    }

    @Test
    void malformedEnvironmentEntryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CommandLine(List.of("NOVALUE"), "/usr/bin/qemu", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CommandLine(List.of(), "", List.of()));
    }
}
