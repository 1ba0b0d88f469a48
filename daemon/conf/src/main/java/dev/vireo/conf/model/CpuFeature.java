package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One CPU feature with its policy: {@code <cpu><feature>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class CpuFeature {
    @XmlAttribute(name = "policy")
    @XmlJavaTypeAdapter(CpuFeaturePolicy.Adapter.class)
    private CpuFeaturePolicy policy;

    @XmlAttribute(name = "name")
    private String name;

    /** {@code @policy}, or {@code null} when absent. */
    public CpuFeaturePolicy getPolicy() {
        return policy;
    }

    public void setPolicy(CpuFeaturePolicy policy) {
        this.policy = policy;
    }

    /** {@code @name}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
