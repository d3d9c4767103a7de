package org.netwright.app.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.netwright.runner.export.Exporters;
import org.netwright.runner.export.ModelExporter;

class ExportFormatTest {
    @Test
    void theWindowOffersExactlyTheFormatsTheRunnerWrites() {
        Set<String> offered = ExportFormat.ALL.stream().map(ExportFormat::name).collect(Collectors.toSet());
        Set<String> written = Exporters.all().stream().map(ModelExporter::format).collect(Collectors.toSet());
        assertEquals(written, offered);
    }
}
