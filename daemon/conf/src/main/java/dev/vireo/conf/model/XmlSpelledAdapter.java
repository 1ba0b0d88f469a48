package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Binds an {@link XmlSpelled} enum. JAXB's own enum binding turns an unknown spelling into a silent
 * {@code null}; throwing here instead makes the unmarshaller report a located event, which the parser
 * turns into a problem naming the bad value and the allowed ones.
 */
public abstract class XmlSpelledAdapter<E extends Enum<E> & XmlSpelled> extends XmlAdapter<String, E> {
    private final Class<E> type;

    protected XmlSpelledAdapter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E unmarshal(String xml) {
        return xml == null ? null : XmlSpelled.parse(type, xml.strip());
    }

    @Override
    public String marshal(E value) {
        return value == null ? null : value.xml();
    }
}
