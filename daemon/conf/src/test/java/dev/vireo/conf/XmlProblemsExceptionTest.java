package dev.vireo.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class XmlProblemsExceptionTest {

    @Test
    void theSameProblemAtSeveralPlacesIsNamedOnce() {
        String pci = "attribute 'type' of <controller> has a bad value 'pci'; allowed: fdc, ide";
        XmlProblemsException e = new XmlProblemsException(List.of(
                new XmlProblem(34, 5, "/domain/devices/controller[2]", pci),
                new XmlProblem(35, 5, "/domain/devices/controller[3]", pci),
                new XmlProblem(40, 5, "/domain/devices/tpm", "unexpected element <tpm>"),
                new XmlProblem(36, 5, "/domain/devices/controller[4]", pci)));
        assertEquals("""
                4 problems in the domain XML, 2 different:
                  line 34:5: /domain/devices/controller[2]: %s (the same at line 35, 36)
                  line 40:5: /domain/devices/tpm: unexpected element <tpm>""".formatted(pci), e.getMessage());
        assertEquals(4, e.problems().size());
    }

    @Test
    void differentProblemsAreListedAsBefore() {
        XmlProblemsException e = new XmlProblemsException(List.of(
                new XmlProblem(3, 1, "/domain/a", "one"),
                new XmlProblem(4, 1, "/domain/b", "two")));
        assertEquals("2 problems in the domain XML:\n  line 3:1: /domain/a: one\n  line 4:1: /domain/b: two", e.getMessage());
    }
}
