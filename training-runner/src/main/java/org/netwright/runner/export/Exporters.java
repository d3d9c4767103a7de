package org.netwright.runner.export;

import java.util.List;
import java.util.Optional;

/** Every export format, by the name users type after {@code --format}. */
public final class Exporters {
    private Exporters() {
    }

    /** All formats, in the order the CLI lists them (each exporter class adds its line here). */
    public static List<ModelExporter> all() {
        return List.of(
                new OnnxExporter(),
                new DjlExporter(),
                new PytorchExporter()
        );
    }

    /** The exporter for {@code format}, if there is one. */
    public static Optional<ModelExporter> of(String format) {
        return all().stream().filter(e -> e.format().equals(format)).findFirst();
    }
}
