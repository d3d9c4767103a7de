package org.netwright.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netwright.model.graph.CompositeFlattening;

/**
 * What a card shows of the last run's words on layers. The run names a layer inside a block by its path
 * ({@code block_1/dense_2}); the card of that layer shows the words when its block is open, and the block's card at
 * every level above names the inner layer ({@code vanishing gradients in dense_2}), so a warning is never hidden
 * inside a closed block.
 */
public final class RunNotes {
    /** How many inner layers a block's card names for one kind of warning; the rest are counted. */
    static final int NAMED = 3;

    private RunNotes() {
    }

    /**
     * The words for card {@code cardId} shown at {@code level} (the blocks opened, outermost first), or null when the
     * run said nothing about it or anything inside it.
     *
     * @param byPath the run's words by layer path from the project's network
     */
    public static String forCard(Map<String, String> byPath, List<String> level, String cardId) {
        String sep = CompositeFlattening.SEPARATOR;
        String path = level.isEmpty() ? cardId : String.join(sep, level) + sep + cardId;
        List<String> parts = new ArrayList<>();
        String own = byPath.get(path);
        if (own != null && !own.isEmpty()) {
            parts.add(own);
        }
        // Words on layers inside, grouped ("dead ReLUs in relu_1, relu_2") and sorted, so the text stays steady.
        Map<String, List<String>> inside = new LinkedHashMap<>();
        new TreeMap<>(byPath).forEach((p, words) -> {
            if (p.startsWith(path + sep) && words != null && !words.isEmpty()) {
                inside.computeIfAbsent(words, w -> new ArrayList<>()).add(p.substring(path.length() + sep.length()));
            }
        });
        // A few names say where to look; a block of many warned layers would not fit them on its card.
        inside.forEach((words, layers) -> parts.add(words + " in " + String.join(", ", layers.subList(0,
                Math.min(NAMED, layers.size()))) + (layers.size() > NAMED ? " and " + (layers.size() - NAMED) + " more"
                : "")));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
