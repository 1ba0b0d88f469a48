package dev.vireo.conf.model;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementDecl;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRegistry;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Where an {@code <rng>} gets entropy: {@code <backend model='random'>/dev/urandom</backend>} (a host
 * file, named in the element's text), {@code model='egd'} (a character device, with the
 * {@code <source>} and {@code <protocol>} children of one) or {@code model='builtin'} (QEMU's own).
 * Text and elements share one mixed content list, which is how JAXB binds an element that has either.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"content"})
public class RngBackend {
    private static final QName SOURCE = new QName("source");
    private static final QName PROTOCOL = new QName("protocol");

    @XmlAttribute(name = "model")
    @XmlJavaTypeAdapter(RngBackendModel.Adapter.class)
    private RngBackendModel model;

    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(CharType.Adapter.class)
    private CharType type;

    @XmlMixed
    @XmlElementRefs({@XmlElementRef(name = "source", type = JAXBElement.class), @XmlElementRef(name = "protocol", type = JAXBElement.class)})
    private final List<Object> content = new ArrayList<>();

    /** {@code @model}, or {@code null} when absent. */
    public RngBackendModel getModel() {
        return model;
    }

    public void setModel(RngBackendModel model) {
        this.model = model;
    }

    /** {@code @type}: the character device kind of an egd backend, or {@code null}. */
    public CharType getType() {
        return type;
    }

    public void setType(CharType type) {
        this.type = type;
    }

    /** The host file of a random backend (the element's text, stripped), or {@code null} when there is none. */
    public String getPath() {
        StringBuilder text = new StringBuilder();
        for (Object o : content) if (o instanceof String s) text.append(s);
        String path = text.toString().strip();
        return path.isEmpty() ? null : path;
    }

    /** Sets the host file of a random backend, replacing any text. */
    public void setPath(String path) {
        content.removeIf(o -> o instanceof String);
        if (path != null) content.addFirst(path);
    }

    /** The {@code <source>} children of an egd backend, in document order (a new list). */
    public List<CharSource> getSources() {
        List<CharSource> sources = new ArrayList<>();
        for (Object o : content) {
            if (o instanceof JAXBElement<?> e && e.getValue() instanceof CharSource s) sources.add(s);
        }
        return sources;
    }

    /** {@code <protocol>} of an egd backend, or {@code null}. */
    public CharProtocolElement getProtocol() {
        for (Object o : content) {
            if (o instanceof JAXBElement<?> e && e.getValue() instanceof CharProtocolElement p) return p;
        }
        return null;
    }

    /** Drops the text between the children of an egd backend, which is only indentation. */
    public void dropIndentation() {
        if (model != RngBackendModel.RANDOM) content.removeIf(o -> o instanceof String);
    }

    /** The element declarations that the mixed content refers to. */
    @XmlRegistry
    public static final class Children {
        @XmlElementDecl(name = "source", scope = RngBackend.class)
        public JAXBElement<CharSource> source(CharSource s) {
            return new JAXBElement<>(SOURCE, CharSource.class, RngBackend.class, s);
        }

        @XmlElementDecl(name = "protocol", scope = RngBackend.class)
        public JAXBElement<CharProtocolElement> protocol(CharProtocolElement p) {
            return new JAXBElement<>(PROTOCOL, CharProtocolElement.class, RngBackend.class, p);
        }
    }
}
