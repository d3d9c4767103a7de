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

    static byte[] bytes(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Random random(byte[] bytes) {
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
            return (Random) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("The checkpoint's random stream is damaged (" + e.getMessage() + ").");
        }
    }
}
