package dev.vireo.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Signature detection on images qemu-img writes, and on hand-made signatures it cannot write. */
class FormatDetectorTest {

    @TempDir
    Path dir;
    QemuImg qemuImg;

    @BeforeEach
    void setUp() {
        qemuImg = new QemuImg(dir);
    }

    @Test
    void formatsQemuImgCreates() throws Exception {
        for (String format : new String[] {"raw", "qcow2", "qed", "vmdk", "vdi", "vhdx", "vpc", "parallels", "qcow"}) {
            Path image = qemuImg.create(format, "disk." + format, "4M");
            assertEquals(ImageFormat.parse(format), FormatDetector.detectOrRaw(image), format);
        }
    }

    @Test
    void luksCreatedWithASecret() throws Exception {
        Path image = createLuks();

        assertEquals(ImageFormat.LUKS, FormatDetector.detectOrRaw(image));
    }

    /**
     * qemu-img times its key derivation over iter-time ms of CPU; on a loaded machine that
     * measurement can fail ("Unable to get accurate CPU usage"), so allow it a longer interval
     * and one more try.
     */
    private Path createLuks() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return qemuImg.create("luks", "disk-" + attempt + ".luks", "4M",
                        "--object", "secret,id=key,data=passphrase", "-o", "key-secret=key,iter-time=50");
            } catch (IOException e) {
                if (attempt == 2 || !String.valueOf(e.getMessage()).contains("accurate CPU usage")) throw e;
            }
        }
    }

    @Test
    void signaturesQemuImgCannotWrite() throws Exception {
        assertEquals(ImageFormat.BOCHS, detect("Bochs Virtual HD Image\0\0Redolog\0Growing\0"));
        assertEquals(ImageFormat.CLOOP, detect("#!/bin/sh\n#V2.0 Format\nmodprobe cloop file=$0 && mount -r -t iso9660 /dev/cloop $1\n"));
        byte[] dmg = new byte[4096];
        ByteBuffer.wrap(dmg).put(dmg.length - 512, "koly".getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve("disk.dmg");
        Files.write(file, dmg);
        assertEquals(ImageFormat.DMG, FormatDetector.detectOrRaw(file));
    }

    @Test
    void dataWithoutSignatureIsRaw() throws Exception {
        assertEquals(ImageFormat.RAW, detect("just some guest data"));
        assertEquals(ImageFormat.RAW, FormatDetector.detectOrRaw(Files.createFile(dir.resolve("empty"))));
    }

    private ImageFormat detect(String content) throws Exception {
        Path file = Files.createTempFile(dir, "probe", ".img");
        Files.writeString(file, content, StandardCharsets.ISO_8859_1);
        return FormatDetector.detectOrRaw(file);
    }
}
