package dev.vireo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PciAndDiskNamesTest {

    @Test
    void diskNamesMapToLibvirtsIndexes() {
        assertEquals(0, DiskNames.index("hda"));
        assertEquals(2, DiskNames.index("vdc"));
        assertEquals(25, DiskNames.index("sdz"));
        assertEquals(26, DiskNames.index("sdaa"));
        assertEquals(27, DiskNames.index("xvdab"));
        assertEquals(1, DiskNames.index("fdb"));
        assertEquals(0, DiskNames.index("hda1"));
        assertEquals(-1, DiskNames.index("nvme0"));
        assertEquals(-1, DiskNames.index("hd"));
        assertEquals(-1, DiskNames.index("hda1x"));
    }

    @Test
    void pciAddressesUseQemusSpelling() {
        assertEquals("0x3", new PciAddress(3, 0, null).qemuAddr());
        assertEquals("0x1f", new PciAddress(31, 0, null).qemuAddr());
        assertEquals("0x4.0x7", new PciAddress(4, 7, null).qemuAddr());
        assertEquals("0000:00:04.7", new PciAddress(4, 7, null).toString());
    }

    @Test
    void commasInUserValuesAreDoubled() {
        assertEquals("a,,b,,,,c", OptionString.escaped("a,b,,c"));
        assertEquals("file=/x,,y,if=none", new OptionString("file=" + OptionString.escaped("/x,y")).add("if", "none").toString());
    }

    @Test
    void memoryIsRoundedUpToWholeMebibytes() {
        assertEquals(214, Memory.mibRoundedUp(219100));
        assertEquals(512, Memory.mibRoundedUp(524288));
        assertEquals(513, Memory.mibRoundedUp(524289));
    }
}
