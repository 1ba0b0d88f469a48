package dev.vireo.conf.check;

import dev.vireo.conf.SourcePositions;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Video;
import dev.vireo.conf.model.VideoModel;
import java.util.List;

/**
 * Devices a guest can have only one of: a TPM (tpm-tis and tpm-crb both sit at one fixed MMIO
 * address), and video cards that QEMU can only create as the boot display (bochs and ramfb), so
 * they may not come after another card.
 */
final class DeviceCountChecks {

    private DeviceCountChecks() {
    }

    static void check(Devices dev, SourcePositions at, List<XmlProblem> problems) {
        if (dev.getTpms().size() > 1) {
            problems.add(at.problem(dev.getTpms().get(1), "/domain/devices/tpm[2]", "a guest can have only one <tpm>; found " + dev.getTpms().size()));
        }
        List<Video> videos = dev.getVideos();
        for (int i = 1; i < videos.size(); i++) {
            Video v = videos.get(i);
            VideoModel type = v.getModel() == null ? null : v.getModel().getType();
            if (type == VideoModel.BOCHS || type == VideoModel.RAMFB || type == VideoModel.NONE) {
                problems.add(at.problem(v, "/domain/devices/video[" + (i + 1) + "]/model", "video type '" + type.xml()
                        + "' is only valid as the first (primary) video device"));
            }
        }
    }
}
