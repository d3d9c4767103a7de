package org.netwright.editor.summary;

/**
 * One layer in the model summary: its id, its catalog name and type, its output shape in words, its parameter and
 * multiply-accumulate counts (zero when its shape is unknown), whether its weights train, and the part of the canvas it
 * belongs to ("Generator", "Part 2"; empty when the canvas is one network).
 */
public record SummaryRow(String nodeId, String name, String type, String output, long params, long macs,
                         boolean trainable, String part) {
}
