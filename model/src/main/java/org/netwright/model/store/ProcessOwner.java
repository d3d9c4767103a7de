package org.netwright.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process as a project file records it: its id, the computer it runs on and when it started, written as
 * {@code pid@host@start}. The start time tells a live process from a later one that got the same id.
 */
record ProcessOwner(long pid, String host, String started) {
    private static final ProcessOwner CURRENT = of(ProcessHandle.current());

    /** This process. */
    static ProcessOwner current() {
        return CURRENT;
    }

    static ProcessOwner of(ProcessHandle p) {
        return new ProcessOwner(p.pid(), hostName(), p.info().startInstant().map(Instant::toString).orElse(""));
    }

    /** Reads {@link #text()}; empty for null or anything else. */
    static Optional<ProcessOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("@", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcessOwner(Long.parseLong(parts[0]), parts[1], parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String text() {
        return pid + "@" + host + "@" + started;
    }

    /**
     * Whether this process is still running. A process on another computer cannot be asked, so it counts as
     * gone: a project is opened by one computer at a time (SQLite over a network share is not safe anyway).
     */
    boolean isAlive() {
        if (!host.equals(CURRENT.host)) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
            return false;
        }
        // Without a recorded start time the id alone has to do.
        return started.isEmpty() || p.get().info().startInstant().map(Instant::toString).map(started::equals).orElse(true);
    }

    /** The computer's name without a name lookup on the network (which may hang for seconds). */
    private static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return clean(Files.readString(kernel));
            }
        } catch (IOException | RuntimeException ignored) {
            // Fall back to the environment below.
        }
        String env = System.getenv("COMPUTERNAME");
        if (env == null) {
            env = System.getenv("HOSTNAME");
        }
        return clean(env == null ? "localhost" : env);
    }

    private static String clean(String name) {
        String s = name.trim().replace("@", "_");
        return s.isEmpty() ? "localhost" : s;
    }
}
