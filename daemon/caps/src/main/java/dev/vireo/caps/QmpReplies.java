package dev.vireo.caps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an emulator answered to the probing commands, as QMP returned it ({@code return} values),
 * kept raw so that recorded replies can be parsed exactly as live ones ({@link QmpCapsParser}).
 *
 * @param version          {@code query-version}
 * @param machines         {@code query-machines}
 * @param kvm              {@code query-kvm}
 * @param deviceTypes      {@code qom-list-types implements=device abstract=false}
 * @param acceleratorTypes {@code qom-list-types implements=accel abstract=false}
 * @param deviceProperties device name -> {@code device-list-properties typename=NAME}
 * @param cpuDefinitions   accelerator the emulator ran with -> {@code query-cpu-definitions}
 * @param commands         {@code query-commands}
 * @param tpmTypes         {@code query-tpm-types}
 * @param hostCpus         accelerator the emulator ran with -> the expansions that describe its
 *                         host-model CPU; empty when not asked
 */
public record QmpReplies(JsonNode version, JsonNode machines, JsonNode kvm, JsonNode deviceTypes,
                         JsonNode acceleratorTypes, Map<String, JsonNode> deviceProperties,
                         Map<String, JsonNode> cpuDefinitions, JsonNode commands, JsonNode tpmTypes,
                         Map<String, HostCpuReplies> hostCpus) {

    /**
     * What describes the host-model CPU under one accelerator (see {@link HostCpuChoice}).
     *
     * @param max    {@code query-cpu-model-expansion type=full model={name:max}}
     * @param models candidate model name -> {@code query-cpu-model-expansion type=static model={name:NAME}}
     */
    public record HostCpuReplies(JsonNode max, Map<String, JsonNode> models) {
        public HostCpuReplies {
            Objects.requireNonNull(max, "max");
            models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        }
    }

    public QmpReplies {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(machines, "machines");
        deviceProperties = Collections.unmodifiableMap(new LinkedHashMap<>(deviceProperties));
        cpuDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(cpuDefinitions));
        hostCpus = Collections.unmodifiableMap(new LinkedHashMap<>(hostCpus));
    }

    /** Replies without the host-model CPU's expansions. */
    public QmpReplies(JsonNode version, JsonNode machines, JsonNode kvm, JsonNode deviceTypes,
                      JsonNode acceleratorTypes, Map<String, JsonNode> deviceProperties,
                      Map<String, JsonNode> cpuDefinitions, JsonNode commands, JsonNode tpmTypes) {
        this(version, machines, kvm, deviceTypes, acceleratorTypes, deviceProperties, cpuDefinitions, commands, tpmTypes,
                Map.of());
    }
}
