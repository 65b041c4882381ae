package dev.netcost.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The CPU time of the processes this JVM has started and waited for, with theirs in turn: the
 * kernel adds a child's user and system time to its parent's when the parent reaps it, so the
 * difference across one {@code javac} or {@code mvn} run is that run's CPU time, every thread of
 * every process of it (the JIT's compiler threads and the collector's included). Read from
 * {@code /proc/self/stat} (its {@code cutime} and {@code cstime}), in clock ticks of 10 ms; empty
 * where there is no {@code /proc}, and then the benchmark prints wall time alone.
 */
final class ChildCpu {
    private static final Path STAT = Path.of("/proc/self/stat");
    /** {@code USER_HZ}, which is 100 on every Linux the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ChildCpu() {}

    /** The children's CPU time so far, in nanoseconds. */
    static OptionalLong nanos() {
        if (!Files.isReadable(STAT)) {
            return OptionalLong.empty();
        }
        try {
            String line = Files.readString(STAT);
            // The command's name, in parentheses, may hold spaces: fields are counted after it, from
            // the state, the third. cutime and cstime are the 16th and 17th.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * NANOS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
