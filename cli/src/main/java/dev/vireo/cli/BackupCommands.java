package dev.vireo.cli;

import dev.vireo.client.JsonText;
import dev.vireo.client.VireoClient;
import dev.vireo.protocol.DomainJobInfo;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.vireo.cli.CommandSpec.named;

/** Backups and the domain job they run as: backup-begin, backup-dumpxml, domjobinfo, domjobabort (see docs/backup.md). */
final class BackupCommands {
    private static final String DOMAIN = "DOMAIN";
    private static final String ANY_DOMAIN = "domain name, id or uuid";

    static final CommandSpec BACKUP_BEGIN = named("backup-begin", "Start a backup of a running domain's disks (push mode, full).")
            .option("FILE", "a <domainbackup> XML file: which disks, their target files and formats", "--backupxml")
            .flag("--reuse-external", "write into target files that already exist instead of creating them")
            .param(DOMAIN, ANY_DOMAIN).runs((in, client, out) -> {
                String file = in.option("--backupxml");
                client.backupBegin(in.param(0), file == null ? null : UserFiles.read(java.nio.file.Path.of(file)),
                        in.flag("--reuse-external"));
                out.printf("Backup started%n%n");
            });
    static final CommandSpec BACKUP_DUMPXML = named("backup-dumpxml", "Print the running backup's <domainbackup> XML.")
            .param(DOMAIN, ANY_DOMAIN).runs((in, client, out) -> {
                String xml = client.backupDumpXml(in.param(0));
                out.print(xml.endsWith("\n") ? xml : xml + "\n");
                out.println();
            });
    static final CommandSpec DOMJOBINFO = named("domjobinfo", "Show the domain's running job (a backup), or the last one that ended.")
            .flag("--completed", "the last job that ended instead of the running one")
            .flag("--json", "print the figures as JSON")
            .param(DOMAIN, ANY_DOMAIN).runs(BackupCommands::domJobInfo);
    static final CommandSpec DOMJOBABORT = named("domjobabort", "Abort the domain's running job (a backup).")
            .param(DOMAIN, ANY_DOMAIN).runs((in, client, out) -> {
                client.domJobAbort(in.param(0));
                out.println();
            });

    private BackupCommands() {
    }

    /** virsh 9's table: {@code %-17s %-12s} rows, elapsed time in ms, sizes in binary units. */
    private static void domJobInfo(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        DomainJobInfo j = client.domJobInfo(in.param(0), in.flag("--completed"));
        if (in.flag("--json")) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("type", j.type());
            if (!j.isNone()) {
                o.put("operation", j.operation());
                o.put("elapsedMillis", j.elapsedMillis());
                o.put("processed", j.processed());
                o.put("remaining", j.remaining());
                o.put("total", j.total());
            }
            out.println(JsonText.pretty(o));
            return;
        }
        out.printf("%-17s %-12s%n", "Job type:", j.type());
        if (!j.isNone()) {
            out.printf("%-17s %-12s%n", "Operation:", j.operation());
            out.printf("%-17s %-12d ms%n", "Time elapsed:", j.elapsedMillis());
            out.printf("%-17s %s%n", "File processed:", BlockInfoText.size(j.processed(), true));
            out.printf("%-17s %s%n", "File remaining:", BlockInfoText.size(j.remaining(), true));
            out.printf("%-17s %s%n", "File total:", BlockInfoText.size(j.total(), true));
        }
        out.println();
    }
}
