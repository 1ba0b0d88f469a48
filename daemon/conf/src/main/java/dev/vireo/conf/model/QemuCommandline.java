package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** Extra emulator arguments and environment: {@code <qemu:commandline>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"args", "envs"})
public class QemuCommandline {
    @XmlElement(name = "arg", namespace = QemuNamespace.URI)
    private final List<QemuArg> args = new ArrayList<>();

    @XmlElement(name = "env", namespace = QemuNamespace.URI)
    private final List<QemuEnv> envs = new ArrayList<>();

    /** The {@code <qemu:arg>} children, in document order; the list is live. */
    public List<QemuArg> getArgs() {
        return args;
    }

    /** The {@code <qemu:env>} children, in document order; the list is live. */
    public List<QemuEnv> getEnvs() {
        return envs;
    }
}
