package org.netwright.runner.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * A random stream's exact state as bytes and back, so a resumed run draws the same shuffles and noise as an
 * uninterrupted one. {@link Random} keeps its whole state in its serialized form; only Random is read back.
 */
final class Streams {
    private Streams() {
    }

    /** The streams' states, in order, as one value; a single stream's bytes are what {@link #random} reads back. */
    static byte[] bytes(Random... randoms) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            for (Random r : randoms) {
                o.writeObject(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first stream {@link #bytes} kept. */
    static Random random(byte[] bytes) {
        return randoms(bytes).get(0);
    }

    /**
     * Every stream {@link #bytes} kept, in order (a checkpoint saved before a task kept a second stream holds one:
     * the caller leaves the missing ones as they start).
     */
    static java.util.List<Random> randoms(byte[] bytes) {
        java.util.List<Random> all = new java.util.ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                // A checkpoint is not trusted: read back nothing but a Random.
                if (!desc.getName().equals(Random.class.getName())) {
                    throw new java.io.InvalidClassException(desc.getName(), "not a random stream");
                }
                return super.resolveClass(desc);
            }
        }) {
            all.add((Random) in.readObject());
            while (true) {
                try {
                    all.add((Random) in.readObject());
                } catch (java.io.EOFException end) {
                    return all;
                }
            }
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("The checkpoint's random stream is damaged (" + e.getMessage() + ").");
        }
    }
}
