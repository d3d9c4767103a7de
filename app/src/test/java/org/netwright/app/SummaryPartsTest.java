package org.netwright.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.editor.summary.ModelSummary;
import org.netwright.editor.summary.SummaryRow;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.shape.ShapeInference;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** The model summary of the GAN templates: every generator row, then every discriminator row. */
class SummaryPartsTest {
    @Test
    void ganTemplateIsSummarisedGeneratorThenDiscriminator() {
        Template gan = TemplateLibrary.find("gan-2d").orElseThrow();
        // The template leaves the task to the proposal: the part with the noise input is read as the generator.
        Map<String, String> names = MainWindow.partNames(gan.settings());
        assertEquals(Map.of(), names);
        ModelSummary s = ModelSummary.of(gan.graph(), ShapeInference.infer(gan.graph()), LayerCatalog.standard(), names);
        List<String> parts = s.rows().stream().map(SummaryRow::part).toList();
        int firstDiscriminator = parts.indexOf("Discriminator");
        assertTrue(firstDiscriminator > 0, parts.toString());
        assertEquals(List.of("Generator"), parts.subList(0, firstDiscriminator).stream().distinct().toList());
        assertEquals(List.of("Discriminator"), parts.subList(firstDiscriminator, parts.size()).stream().distinct().toList());
        assertEquals(gan.graph().nodes().size(), s.rows().size());
        System.out.println(s.rows().stream().map(r -> r.part() + ":" + r.nodeId()).toList());
    }
}
