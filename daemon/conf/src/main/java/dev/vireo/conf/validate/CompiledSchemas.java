package dev.vireo.conf.validate;

import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.validation.XMLValidationSchema;
import org.codehaus.stax2.validation.XMLValidationSchemaFactory;

/**
 * Each schema compiled once at class load (MSV grammars are immutable and shared by every
 * reader), with its index for messages. A schema that does not compile is a build defect, so
 * it fails loudly here rather than at a user's document.
 */
final class CompiledSchemas {
    record Compiled(XMLValidationSchema schema, ProblemTranslator translator) {
    }

    private static final Map<SchemaKind, Compiled> SCHEMAS = compileAll();

    private CompiledSchemas() {
    }

    static Compiled of(SchemaKind kind) {
        return SCHEMAS.get(kind);
    }

    private static Map<SchemaKind, Compiled> compileAll() {
        Map<SchemaKind, Compiled> out = new EnumMap<>(SchemaKind.class);
        XMLValidationSchemaFactory factory =
                XMLValidationSchemaFactory.newInstance(XMLValidationSchema.SCHEMA_ID_RELAXNG);
        for (SchemaKind kind : SchemaKind.values()) {
            URL url = CompiledSchemas.class.getResource(kind.resource());
            if (url == null) throw new IllegalStateException("schema resource missing: " + kind.resource());
            try {
                XMLValidationSchema schema = factory.createSchema(url);
                SchemaIndex index = SchemaIndex.load(kind.resource());
                out.put(kind, new Compiled(schema, new ProblemTranslator(index, kind.rootElement())));
            } catch (XMLStreamException e) {
                throw new IllegalStateException("schema " + kind.resource() + " does not compile: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
