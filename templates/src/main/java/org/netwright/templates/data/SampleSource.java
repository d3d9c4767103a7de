package org.netwright.templates.data;

/**
 * One field's values read sample by sample from elsewhere (images decoded from their files) instead of held in one
 * array, for data larger than memory: a {@link Samples.Column} made with {@link Samples.Column#lazy} reads through it.
 * Implementations are safe to call from several threads.
 */
public interface SampleSource {
    /** How many samples there are. */
    int size();

    /**
     * Writes samples {@code order[from..to)}, each {@code width} values, one after another into {@code into} from
     * index 0; a source may read them in parallel.
     */
    void read(int[] order, int from, int to, int width, float[] into);

    /** A hint that samples {@code order[from..to)} will be read soon; a source may start reading them now. */
    default void prefetch(int[] order, int from, int to) {
    }

    /** The same source seen through {@code indices}: sample {@code i} of the view is sample {@code indices[i]}. */
    default SampleSource subset(int[] indices) {
        return new Remapped(this, indices.clone());
    }

    /** A view of a source through an index map; maps indices and hands the work to the source. */
    record Remapped(SampleSource base, int[] map) implements SampleSource {
        @Override
        public int size() {
            return map.length;
        }

        @Override
        public void read(int[] order, int from, int to, int width, float[] into) {
            base.read(mapped(order, from, to), 0, to - from, width, into);
        }

        @Override
        public void prefetch(int[] order, int from, int to) {
            base.prefetch(mapped(order, from, to), 0, to - from);
        }

        @Override
        public SampleSource subset(int[] indices) {
            int[] m = new int[indices.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = map[indices[i]];
            }
            return new Remapped(base, m);
        }

        private int[] mapped(int[] order, int from, int to) {
            int[] m = new int[to - from];
            for (int i = from; i < to; i++) {
                m[i - from] = map[order[i]];
            }
            return m;
        }
    }
}
