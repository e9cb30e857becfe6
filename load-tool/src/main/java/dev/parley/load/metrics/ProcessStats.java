package dev.parley.load.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's CPU time and resident memory from Linux's {@code /proc} (proc(5)): {@code utime + stime} of
 * {@code /proc/<pid>/stat}, in clock ticks of 1/100 s (USER_HZ, fixed at 100 for the {@code /proc} interface on
 * Linux), and {@code VmRSS} of {@code /proc/<pid>/status}.
 */
public final class ProcessStats {
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    /** CPU seconds the process has used in user and kernel mode so far. */
    public static double cpuSeconds(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat")).get(0);
        // The command name (field 2) may hold spaces and parentheses; the fields after its closing one are plain.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Resident set size in bytes. */
    public static long rssBytes(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    public static long self() {
        return ProcessHandle.current().pid();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
