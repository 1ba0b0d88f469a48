package dev.vireo.caps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Vireo's rule for the host-model CPU (libvirt's {@code <cpu mode='host-model'>}) under one
 * accelerator, from QEMU's own answers; it uses no CPU map of its own.
 *
 * <p>The CPU to describe is QEMU's {@code max} model under the accelerator: everything that
 * accelerator can give a guest (under KVM, the host CPU as KVM exposes it). Its full expansion gives
 * the features it has. A named model is then chosen as the closest to it:
 * <ol>
 *   <li>candidates are the models {@code query-cpu-definitions} lists that are not deprecated, not
 *       {@code max}, {@code host} or {@code base}, and not a versioned name ({@code EPYC-v2}): a
 *       versioned model is reached through its unversioned alias, which names the version the
 *       machine types of this emulator resolve it to (the probe's {@code -machine none} resolves
 *       aliases the same way);</li>
 *   <li>each candidate's static expansion gives its features; its distance is the number of
 *       features where it and {@code max} differ (features {@code max} has and it lacks, plus those
 *       it has and {@code max} lacks);</li>
 *   <li>only candidates of {@code max}'s vendor compete when there is one (the guest keeps the
 *       vendor of the model it is given); the smallest distance wins, then the name in
 *       alphabetical order, so the choice is stable.</li>
 * </ol>
 * The CPU is the winner with every difference spelled out: {@code feature=on} for what it lacks,
 * {@code feature=off} for what it has too many. Features the accelerator cannot provide (a model's
 * {@code unavailable-features}) are among the latter, so a model that is not usable by itself is
 * usable with its differences: this is how a model close to the host can be named under TCG.
 * Identity numbers (family, model, stepping, model-id) are the named model's, as with libvirt.
 */
final class HostCpuChoice {

    private static final Set<String> NOT_CANDIDATES = Set.of("max", "host", "base");
    private static final Pattern VERSIONED = Pattern.compile(".+-v\\d+");

    private HostCpuChoice() {
    }

    /** The models whose static expansion the probe asks for, from a {@code query-cpu-definitions} reply. */
    static List<String> candidates(JsonNode definitions) {
        List<String> names = new ArrayList<>();
        if (definitions == null) return names;
        for (JsonNode d : definitions) {
            String name = d.path("name").asText("");
            if (name.isEmpty() || d.path("deprecated").asBoolean(false) || NOT_CANDIDATES.contains(name)
                    || VERSIONED.matcher(name).matches()) {
                continue;
            }
            names.add(name);
        }
        names.sort(null);
        return names;
    }

    /** The host-model CPU, or empty when the replies name no candidate that QEMU expanded. */
    static Optional<HostCpu> choose(String accel, QmpReplies.HostCpuReplies replies) {
        JsonNode maxProps = replies.max().path("model").path("props");
        String maxVendor = maxProps.path("vendor").asText("");
        Set<String> maxFeatures = null;
        String best = null;
        Set<String> bestOn = null;
        boolean bestSameVendor = false;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, JsonNode> candidate : new TreeMap<>(replies.models()).entrySet()) {
            JsonNode props = candidate.getValue().path("model").path("props");
            if (!props.isObject()) continue;
            // the static expansion lists every feature by its canonical name: the names to compare
            if (maxFeatures == null) maxFeatures = enabled(maxProps, featureNames(props));
            Set<String> on = enabled(props, featureNames(props));
            boolean sameVendor = props.path("vendor").asText("").equals(maxVendor);
            int distance = difference(maxFeatures, on).size() + difference(on, maxFeatures).size();
            boolean better = best == null || (sameVendor && !bestSameVendor)
                    || (sameVendor == bestSameVendor && distance < bestDistance);
            if (better) {
                best = candidate.getKey();
                bestOn = on;
                bestSameVendor = sameVendor;
                bestDistance = distance;
            }
        }
        if (best == null) return Optional.empty();
        List<HostCpu.Feature> features = new ArrayList<>();
        for (String f : difference(maxFeatures, bestOn)) features.add(new HostCpu.Feature(f, true));
        for (String f : difference(bestOn, maxFeatures)) features.add(new HostCpu.Feature(f, false));
        return Optional.of(new HostCpu(accel, best, vendorName(maxVendor), features));
    }

    /** libvirt's vendor names for the CPUID vendor strings QEMU models use. */
    static String vendorName(String cpuid) {
        return switch (cpuid) {
            case "AuthenticAMD" -> "AMD";
            case "GenuineIntel" -> "Intel";
            case "HygonGenuine" -> "Hygon";
            case "CentaurHauls" -> "VIA";
            case "  Shanghai  " -> "Zhaoxin";
            default -> cpuid;
        };
    }

    private static Set<String> featureNames(JsonNode staticProps) {
        Set<String> names = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = staticProps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (p.getValue().isBoolean()) names.add(p.getKey());
        }
        return names;
    }

    private static Set<String> enabled(JsonNode props, Set<String> features) {
        Set<String> on = new TreeSet<>();
        for (String f : features) if (props.path(f).asBoolean(false)) on.add(f);
        return on;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
