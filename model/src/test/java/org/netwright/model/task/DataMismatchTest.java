package org.netwright.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.model.SampleGraphs.node;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.shape.Shape;

/** The Data row's red line says what to change, not only why, for the mismatches new users hit. */
class DataMismatchTest {

    @Test
    void vectorDataIntoAnImageInputSaysToChooseImagesOrStartWithAVectorInput() {
        assertEquals("The data's samples are a vector of 2 but the input layer 'image' expects an image 1×28×28."
                        + " To fix it, choose image data of 1×28×28 in the Data row, or start the network with a Vector"
                        + " input of 2 features (and Dense layers) instead of 'image'.",
                DataMismatch.samplesVsInput(Shape.of(2), "image", Shape.of(1, 28, 28)));
    }

    @Test
    void imageDataIntoAVectorInputSaysWhichFeatureCountReadsTheImagesFlat() {
        assertEquals("The data's samples are an image 1×16×16 but the input layer 'x' expects a vector of 2."
                        + " To fix it, click 'x' and set its Features to 256 (each image read as one row of 256"
                        + " numbers), or use an Image input of 1×16×16 to keep the pictures' layout.",
                DataMismatch.samplesVsInput(Shape.of(1, 16, 16), "x", Shape.of(2)));
    }

    @Test
    void imagesOfAnotherSizeSayTheChannelsHeightAndWidthToSet() {
        assertEquals("The data's samples are an image 3×32×32 but the input layer 'img' expects an image 1×28×28."
                        + " To fix it, click 'img' and set its Channels to 3, Height to 32 and Width to 32, or choose"
                        + " data of 1×28×28 images.",
                DataMismatch.samplesVsInput(Shape.of(3, 32, 32), "img", Shape.of(1, 28, 28)));
    }

    @Test
    void vectorsOfAnotherLengthSayTheFeatureCountToSet() {
        assertEquals("The data's samples are a vector of 64 but the input layer 'input' expects a vector of 4."
                        + " To fix it, click 'input' and set its Features to 64, or choose data with 4 numbers per"
                        + " sample.",
                DataMismatch.samplesVsInput(Shape.of(64), "input", Shape.of(4)));
    }

    @Test
    void aTokenInputIsToldItsLengthNotFeatures() {
        assertEquals("The data's samples are a vector of 16 but the input layer 'text' expects a vector of 32."
                        + " To fix it, click 'text' and set its Length to 16, or choose data with 32 tokens per sample.",
                DataMismatch.samplesVsInput(Shape.of(16), "text", "token_input", Shape.of(32)));
        Graph g = Graph.of(List.of(node("text", "token_input", Map.of("length", 32, "vocabulary", 100)),
                        node("flat", "flatten", Map.of()), node("out", "dense", Map.of("units", 2))),
                List.of(Edge.of("text", "out", "flat", "in"), Edge.of("flat", "out", "out", "in")));
        var e = assertThrows(TaskException.class, () -> TaskProposal.propose(g, NetworkEnds.of(g),
                List.of(DataField.values("features", Shape.of(16)), DataField.classId("label", 2))));
        assertEquals(DataMismatch.samplesVsInput(Shape.of(16), "text", "token_input", Shape.of(32)), e.getMessage());
    }

    @Test
    void aClassCountOtherThanTheOutputsSaysWhichUnitsToSet() {
        assertEquals("The data has 10 classes, so the output layer 'head' must give a vector of 10; it gives a vector"
                        + " of 2. To fix it, set Units to 10 on the network's last Dense layer ('head' or the one just"
                        + " before it), one score per class.",
                DataMismatch.classesVsOutput(10, "head", Shape.of(2)));
        // An image-shaped output has no Units to set: it needs a head.
        assertEquals("The data has 10 classes, so the output layer 'conv' must give a vector of 10; it gives an image"
                        + " 4×8×8. To fix it, end the network with a Flatten and a Dense layer of 10 units, one score"
                        + " per class.",
                DataMismatch.classesVsOutput(10, "conv", Shape.of(4, 8, 8)));
    }

    @Test
    void theProposalRefusesVectorDataForAnImageNetworkWithWhatToChange() {
        Graph g = Graph.of(List.of(node("image", "image_input", Map.of("channels", 1, "height", 28, "width", 28)),
                        node("flat", "flatten", Map.of()), node("out", "dense", Map.of("units", 2))),
                List.of(Edge.of("image", "out", "flat", "in"), Edge.of("flat", "out", "out", "in")));
        var e = assertThrows(TaskException.class, () -> TaskProposal.propose(g, NetworkEnds.of(g),
                List.of(DataField.values("features", Shape.of(2)), DataField.classId("label", 2))));
        assertEquals(DataMismatch.samplesVsInput(Shape.of(2), "image", Shape.of(1, 28, 28)), e.getMessage());
    }

    @Test
    void graphDataSayWhatToChangeOnTheGraphInputAndTheLastLayer() {
        assertEquals("The largest graph has 28 nodes with 7 features each, but the graph input 'g' expects 20 nodes with"
                + " 7 features each. To fix it, click 'g' and set its Nodes N to at least 28 and Features F to 7"
                + " (smaller graphs are padded).", DataMismatch.graphVsInput(28, 7, true, "g", Shape.of(20, 7)));
        assertEquals("The graph has 60 nodes with 60 features each, but the graph input 'g' expects 100 nodes with 100"
                + " features each. To fix it, click 'g' and set its Nodes N to 60 and Features F to 60.",
                DataMismatch.graphVsInput(60, 60, false, "g", Shape.of(100, 100)));
        assertEquals("The graphs fall into 2 classes, so the output layer 'out' must give a vector of 2 (a score per"
                + " class for each graph); it gives a vector of 3. To fix it, set Units to 2 on the network's last Dense"
                + " layer ('out' or the one just before it).", DataMismatch.graphClassesVsOutput(2, "out", Shape.of(3)));
        assertTrue(DataMismatch.graphClassesVsOutput(2, "gcn_2", Shape.of(20, 16))
                .endsWith("To fix it, end the network with a graph readout and a Dense layer of 2 units."));
        assertTrue(DataMismatch.saysWhatToChange(DataMismatch.nodeClassesVsOutput(34, 4, "gcn_2", Shape.of(34, 16))));
        assertTrue(DataMismatch.nodeClassesVsOutput(34, 4, "gcn_2", Shape.of(34, 16)).endsWith(
                "To fix it, set Units to 4 on the network's last graph layer ('gcn_2' or the one just before it)."));
    }
}
