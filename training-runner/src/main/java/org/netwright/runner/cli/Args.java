package org.netwright.runner.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A sub-command's arguments: {@code --flag value} (or {@code --flag=value}), on/off {@code --switch}es and plain words. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> repeated = new HashMap<>();
    private final Set<String> switches = new HashSet<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /** Parses {@code argv}; any flag not in {@code valueFlags} or {@code switchFlags} is a usage error. */
    static Args parse(List<String> argv, Set<String> valueFlags, Set<String> switchFlags) {
        return parse(argv, valueFlags, switchFlags, Set.of());
    }

    /** As {@link #parse(List, Set, Set)}, where the value flags in {@code repeatable} may be given more than once. */
    static Args parse(List<String> argv, Set<String> valueFlags, Set<String> switchFlags, Set<String> repeatable) {
        Args a = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                if (arg.startsWith("-") && arg.length() > 1) {
                    throw new UsageException("unknown option '" + arg + "'");
                }
                a.positionals.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            if (switchFlags.contains(flag) && eq < 0) {
                a.switches.add(flag);
            } else if (valueFlags.contains(flag)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < argv.size()) {
                    value = argv.get(++i);
                } else {
                    throw new UsageException(flag + " needs a value");
                }
                if (repeatable.contains(flag)) {
                    a.repeated.computeIfAbsent(flag, f -> new ArrayList<>()).add(value);
                    a.values.putIfAbsent(flag, value);
                } else if (a.values.put(flag, value) != null) {
                    throw new UsageException(flag + " is given twice");
                }
            } else {
                throw new UsageException("unknown option '" + flag + "'");
            }
        }
        return a;
    }

    Optional<String> value(String flag) {
        return Optional.ofNullable(values.get(flag));
    }

    /** Every value of a repeatable flag, in the order given; empty when absent. */
    List<String> values(String flag) {
        return repeated.getOrDefault(flag, List.of());
    }

    boolean has(String flag) {
        return switches.contains(flag) || values.containsKey(flag);
    }

    List<String> positionals() {
        return positionals;
    }

    /** A whole-number flag within [min, max], if given. */
    Optional<Integer> intValue(String flag, int min, int max) {
        return value(flag).map(text -> {
            try {
                int v = Integer.parseInt(text.trim());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // Reported below with the allowed range.
            }
            throw new UsageException(flag + " must be a whole number from " + min + " to " + max + "; got '" + text + "'");
        });
    }

    /** A number flag within (min, max], if given. */
    Optional<Double> doubleValue(String flag, double exclusiveMin, double max) {
        return value(flag).map(text -> {
            try {
                double v = Double.parseDouble(text.trim());
                if (v > exclusiveMin && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // Reported below with the allowed range.
            }
            throw new UsageException(flag + " must be a number above " + exclusiveMin + " and at most " + max
                    + "; got '" + text + "'");
        });
    }

    /** A long flag, if given. */
    Optional<Long> longValue(String flag) {
        return value(flag).map(text -> {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new UsageException(flag + " must be a whole number; got '" + text + "'");
            }
        });
    }
}
