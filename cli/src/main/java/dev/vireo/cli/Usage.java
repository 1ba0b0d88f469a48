package dev.vireo.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The help texts: {@code vireo --help} (every command) and {@code vireo COMMAND --help}. */
final class Usage {
    private Usage() {
    }

    static void printMain(PrintWriter out) {
        out.println("Usage: vireo [-hV] [-c=URI] COMMAND [OPTIONS] [ARGS]");
        out.println("Manage Vireo domains (virsh's command names and options).");
        printColumns(out, List.of(
                new String[]{"  -c, --connect=URI", "vireod's socket as unix:PATH (default: $VIREO_DEFAULT_URI, else the per-user socket)"},
                new String[]{"  -h, --help", "Show this help message and exit."},
                new String[]{"  -V, --version", "Print version information and exit."}));
        out.println("Commands:");
        List<String[]> rows = new ArrayList<>();
        for (CommandSpec c : Commands.ALL) rows.add(new String[]{"  " + c.name(), c.description()});
        rows.add(new String[]{"  help", "Print this list, or one command's usage (vireo help COMMAND)."});
        printColumns(out, rows);
    }

    static void printCommand(CommandSpec command, PrintWriter out) {
        StringBuilder synopsis = new StringBuilder("Usage: vireo ").append(command.name());
        for (OptionSpec o : command.options()) {
            synopsis.append(' ').append(o.required() ? o.synopsis() : "[" + o.synopsis() + "]");
        }
        for (ParamSpec p : command.params()) {
            String label = p.label() + (p.variadic() ? "..." : "");
            synopsis.append(' ').append(p.optional() ? "[" + label + "]" : label);
        }
        out.println(synopsis);
        out.println(command.description());
        List<String[]> rows = new ArrayList<>();
        for (ParamSpec p : command.params()) rows.add(new String[]{"      " + p.label(), p.description()});
        for (OptionSpec o : command.options()) rows.add(new String[]{optionColumn(o), o.description()});
        rows.add(new String[]{"  -h, --help", "Show this help message and exit."});
        printColumns(out, rows);
    }

    /** {@code "  -f, --format=FORMAT"}, or {@code "      --all"} without a short spelling. */
    private static String optionColumn(OptionSpec o) {
        String names = o.names().size() > 1 ? "  " + String.join(", ", o.names()) : "      " + o.longName();
        return o.isFlag() ? names : names + "=" + o.valueLabel();
    }

    private static void printColumns(PrintWriter out, List<String[]> rows) {
        int width = 0;
        for (String[] r : rows) width = Math.max(width, r[0].length());
        for (String[] r : rows) out.println(r[0] + " ".repeat(width - r[0].length() + 3) + r[1]);
    }
}
