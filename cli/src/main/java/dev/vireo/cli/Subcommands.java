package dev.vireo.cli;

import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every subcommand by name, in the order {@code vireo --help} lists them. */
final class Subcommands {
    static final Map<String, Class<?>> ALL = byName(List.of(
            DefinitionCommands.Define.class, DefinitionCommands.Undefine.class,
            DefinitionCommands.Validate.class, DefinitionCommands.DumpXml.class,
            DefinitionCommands.ListDomains.class, DefinitionCommands.DomState.class,
            DefinitionCommands.DomInfo.class, DefinitionCommands.Autostart.class, DefinitionCommands.DomName.class,
            DefinitionCommands.DomUuid.class, DefinitionCommands.ShowVersion.class,
            EmulatorCommands.DomCapabilities.class, EmulatorCommands.DomXmlToNative.class,
            ImageCommands.ImageInfo.class,
            LifecycleCommands.Start.class, LifecycleCommands.Create.class,
            LifecycleCommands.Destroy.class, LifecycleCommands.Shutdown.class,
            LifecycleCommands.Suspend.class, LifecycleCommands.Resume.class,
            LifecycleCommands.Reboot.class, LifecycleCommands.DomBlkList.class,
            LifecycleCommands.QemuMonitorCommand.class, LifecycleCommands.Event.class));

    private Subcommands() {
    }

    /** The first word of {@code args} that is not a top-level option (or its value), or null. */
    static String named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-c") || a.equals("--connect")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static Map<String, Class<?>> byName(List<Class<?>> commands) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> c : commands) m.put(c.getAnnotation(Command.class).name(), c);
        return m;
    }
}
