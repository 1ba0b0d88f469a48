package dev.vireo.conf.check;

import dev.vireo.conf.SourcePositions;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.NumaCell;
import dev.vireo.conf.model.NumaSibling;
import java.util.ArrayList;
import java.util.List;

/**
 * What libvirt 9 requires of guest NUMA cells before it fills in their distances: cell ids, where
 * given, number the cells 0 to n-1, each once; a sibling names one of those cells; a cell's distance
 * to itself is 10 and to any other cell more than 10 (the schema bounds every distance to 10..255).
 */
public final class NumaChecks {
    /** A cell's distance to itself, as ACPI's SLIT defines it. */
    public static final int LOCAL_DISTANCE = 10;

    private final SourcePositions at;
    private final List<XmlProblem> problems = new ArrayList<>();

    private NumaChecks(SourcePositions at) {
        this.at = at;
    }

    public static List<XmlProblem> check(Domain d, SourcePositions at) {
        NumaChecks c = new NumaChecks(at);
        if (d.getCpu() != null && d.getCpu().getNuma() != null) c.cells(d.getCpu().getNuma().getCells());
        return c.problems;
    }

    private void cells(List<NumaCell> cells) {
        int n = cells.size();
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            NumaCell cell = cells.get(i);
            String path = "/domain/cpu/numa/cell[" + (i + 1) + "]";
            int id = cell.getId() == null ? i : cell.getId();
            if (id < 0 || id >= n) {
                add(cell, path, "cell id " + id + " is out of range: the " + n + " cells must have the ids 0 to " + (n - 1));
                continue;
            }
            if (seen[id]) {
                add(cell, path, "cell id " + id + " is used by more than one cell");
                continue;
            }
            seen[id] = true;
            if (cell.getDistances() == null) continue;
            for (NumaSibling s : cell.getDistances().getSiblings()) {
                if (s.getId() == null || s.getValue() == null) continue; // the schema requires both
                String where = "<sibling id='" + s.getId() + "' value='" + s.getValue() + "'> of cell " + id;
                if (s.getId() >= n) {
                    add(s, path + "/distances/sibling", where + " names no cell: the ids are 0 to " + (n - 1));
                } else if (s.getId() == id && s.getValue() != LOCAL_DISTANCE) {
                    add(s, path + "/distances/sibling", where + ": a cell's distance to itself must be " + LOCAL_DISTANCE);
                } else if (s.getId() != id && s.getValue() <= LOCAL_DISTANCE) {
                    add(s, path + "/distances/sibling", where + ": the distance to another cell must be more than " + LOCAL_DISTANCE);
                }
            }
        }
    }

    private void add(Object subject, String path, String message) {
        problems.add(at.problem(subject, path, message));
    }
}
