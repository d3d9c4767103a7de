package org.netwright.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A warning on a layer inside a block shows on the block's card at each level above, naming the layer. */
class RunNotesTest {
    private final Map<String, String> run = Map.of(
            "dense_1", "vanishing gradients",
            "res_1/relu_1", "dead ReLUs",
            "res_1/relu_2", "dead ReLUs",
            "res_1/conv_1", "vanishing gradients",
            "res_1/inner_1/dense_9", "exploding gradients",
            "res_10", "the first output that was not finite");

    @Test
    void aLayerOfTheNetworkShowsItsOwnWords() {
        assertEquals("vanishing gradients", RunNotes.forCard(run, List.of(), "dense_1"));
        assertNull(RunNotes.forCard(run, List.of(), "dense_2"));
    }

    @Test
    void aBlockNamesTheLayersInsideItThatWereWarned() {
        assertEquals("vanishing gradients in conv_1; exploding gradients in inner_1/dense_9; "
                + "dead ReLUs in relu_1, relu_2", RunNotes.forCard(run, List.of(), "res_1"));
        // res_10 is not inside res_1 although its id starts alike.
        assertEquals("the first output that was not finite", RunNotes.forCard(run, List.of(), "res_10"));
    }

    @Test
    void insideAnOpenBlockEachLayerShowsItsOwnAndInnerBlocksTheirs() {
        assertEquals("dead ReLUs", RunNotes.forCard(run, List.of("res_1"), "relu_1"));
        assertEquals("exploding gradients in dense_9", RunNotes.forCard(run, List.of("res_1"), "inner_1"));
        assertEquals("exploding gradients", RunNotes.forCard(run, List.of("res_1", "inner_1"), "dense_9"));
        assertNull(RunNotes.forCard(run, List.of("res_1"), "dense_1"));
    }

    @Test
    void aBlockNamesAFewLayersAndCountsTheRest() {
        Map<String, String> many = Map.of("b/relu_1", "dead ReLUs", "b/relu_2", "dead ReLUs", "b/relu_3", "dead ReLUs",
                "b/relu_4", "dead ReLUs", "b/relu_5", "dead ReLUs");
        assertEquals("dead ReLUs in relu_1, relu_2, relu_3 and 2 more", RunNotes.forCard(many, List.of(), "b"));
    }
}
