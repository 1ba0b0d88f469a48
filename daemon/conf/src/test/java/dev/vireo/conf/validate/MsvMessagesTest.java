package dev.vireo.conf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vireo.conf.validate.MsvMessages.Kind;
import dev.vireo.conf.validate.MsvMessages.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MSV's wording is the interface to its problems: each form we translate is recognised. */
class MsvMessagesTest {

    @Test
    void unexpectedElementWithChoices() {
        Parsed p = MsvMessages.parse("tag name \"frob\" is not allowed. Possible tag names are: <address>,<alias>, and more");
        assertEquals(new Parsed(Kind.UNEXPECTED_ELEMENT, "frob", null, List.of("address", "alias")), p);
    }

    @Test
    void badAttributeValueWithAndWithoutChoices() {
        assertEquals(new Parsed(Kind.BAD_ATTRIBUTE_VALUE, "io", null, List.of("native", "threads")),
                MsvMessages.parse("attribute \"io\" has a bad value. Possible values are: native,threads"));
        assertEquals(new Parsed(Kind.BAD_ATTRIBUTE_VALUE, "port", null, List.of()),
                MsvMessages.parse("attribute \"port\" has a bad value: \"abc\" does not satisfy the \"int\" type"));
    }

    @Test
    void missingAttributes() {
        assertEquals(new Parsed(Kind.MISSING_ATTRIBUTE, "dev", null, List.of()),
                MsvMessages.parse("element \"target\" is missing \"dev\" attribute"));
        assertEquals(new Parsed(Kind.MISSING_ATTRIBUTE, null, null, List.of("dev", "dir")),
                MsvMessages.parse("at least one of the following attributes is required for element \"source\": \"dev\",\"dir\""));
    }

    @Test
    void incompleteContent() {
        assertEquals(new Parsed(Kind.INCOMPLETE_CONTENT, null, null, List.of("memory", "vcpu")),
                MsvMessages.parse("uncompleted content model. expecting: <memory>,<vcpu>"));
    }

    @Test
    void textProblems() {
        assertEquals(Kind.BAD_TEXT, MsvMessages.parse("\"12x\" does not satisfy the \"unsignedLong\" type").kind());
        assertEquals("12x", MsvMessages.parse("\"12x\" does not satisfy the \"unsignedLong\" type").value());
        assertEquals(Kind.BAD_TEXT, MsvMessages.parse("the value does not match the regular expression \"[0-9]+\".").kind());
        assertEquals(Kind.BAD_TEXT, MsvMessages.parse("Unknown reason (at CDATA section, inside element <uuid>)").kind());
        assertEquals(Kind.UNEXPECTED_TEXT, MsvMessages.parse("No character data is allowed here, but found \"junk\"").kind());
        assertEquals(Kind.UNEXPECTED_TEXT, MsvMessages.parse(
                "Element <readonly> has non-mixed content specification; can not contain non-white space text").kind());
    }

    @Test
    void unknownWordingIsKeptVerbatim() {
        assertEquals(new Parsed(Kind.OTHER, null, "something new", List.of()), MsvMessages.parse("something new"));
    }
}
