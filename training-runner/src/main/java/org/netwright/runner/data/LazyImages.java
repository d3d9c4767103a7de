package org.netwright.runner.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.netwright.templates.data.SampleSource;

/**
 * An image folder's pixels decoded when a batch asks for them, on background threads, and kept in a
 * {@link SampleCache} of bounded bytes: the image field of a folder too large to decode into memory at once. A
 * prefetch hint starts decoding the next batches ahead of the trainer, up to half of the cache so that they are
 * still there when asked for. Each image is decoded by the same function the eager reader uses, so its values are
 * the same.
 */
final class LazyImages implements SampleSource {
    /** Decoding threads: the machine's cores, at most four (more mostly waits on the disk). */
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final Path[] files;
    /** Each sample's key in the shared cache: a folder's train and test parts share one cache. */
    private final int[] keys;
    private final Function<Path, float[]> decoder;
    private final SampleCache cache;
    private final ExecutorService pool;
    private final Map<Integer, CompletableFuture<float[]>> inFlight;
    private final int sampleValues;

    private LazyImages(Path[] files, int[] keys, Function<Path, float[]> decoder, SampleCache cache,
                       ExecutorService pool, Map<Integer, CompletableFuture<float[]>> inFlight, int sampleValues) {
        this.files = files;
        this.keys = keys;
        this.decoder = decoder;
        this.cache = cache;
        this.pool = pool;
        this.inFlight = inFlight;
        this.sampleValues = sampleValues;
    }

    /**
     * The files read with {@code decoder} (each gives {@code sampleValues} values), cached in {@code cache} under
     * {@code firstKey}, {@code firstKey + 1}, ...; the decoding threads are shared with every part made by
     * {@link #concat}.
     */
    static LazyImages of(List<Path> files, int firstKey, Function<Path, float[]> decoder, SampleCache cache,
                         int sampleValues) {
        int[] keys = new int[files.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = firstKey + i;
        }
        return new LazyImages(files.toArray(Path[]::new), keys, decoder, cache, pool(), new ConcurrentHashMap<>(),
                sampleValues);
    }

    /** {@code a}'s images, then {@code b}'s, sharing their cache and threads (made by {@link #of} from one reading). */
    static LazyImages concat(LazyImages a, LazyImages b) {
        Path[] files = new Path[a.files.length + b.files.length];
        System.arraycopy(a.files, 0, files, 0, a.files.length);
        System.arraycopy(b.files, 0, files, a.files.length, b.files.length);
        int[] keys = new int[files.length];
        System.arraycopy(a.keys, 0, keys, 0, a.keys.length);
        System.arraycopy(b.keys, 0, keys, a.keys.length, b.keys.length);
        return new LazyImages(files, keys, a.decoder, a.cache, a.pool, a.inFlight, a.sampleValues);
    }

    /** Daemon threads that end when idle, so a run that forgets its data leaves nothing running. */
    private static ExecutorService pool() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 2, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "netwright-image-decode-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    SampleCache cache() {
        return cache;
    }

    @Override
    public int size() {
        return files.length;
    }

    @Override
    public void read(int[] order, int from, int to, int width, float[] into) {
        if (width != sampleValues) {
            throw new IllegalArgumentException("The images hold " + sampleValues + " values each, not " + width + ".");
        }
        List<CompletableFuture<float[]>> pending = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int s = order[i];
            float[] v = cache.get(keys[s]);
            if (v != null) {
                System.arraycopy(v, 0, into, (i - from) * width, width);
            } else {
                pending.add(decode(s));
                at.add(i - from);
            }
        }
        for (int k = 0; k < pending.size(); k++) {
            float[] v;
            try {
                v = pending.get(k).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            System.arraycopy(v, 0, into, at.get(k) * width, width);
        }
    }

    @Override
    public void prefetch(int[] order, int from, int to) {
        // Half the cache at most, so images decoded ahead do not push out the ones about to be read.
        long room = cache.budgetBytes() / 2 / ((long) sampleValues * Float.BYTES);
        int end = (int) Math.min(to, from + room);
        for (int i = from; i < end; i++) {
            int s = order[i];
            if (!cache.contains(keys[s])) {
                decode(s);
            }
        }
    }

    /** Sample {@code s} being decoded on the pool (one decoding per image at a time), cached when done. */
    private CompletableFuture<float[]> decode(int s) {
        int key = keys[s];
        return inFlight.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> {
            try {
                float[] v = decoder.apply(files[s]);
                cache.put(key, v);
                return v;
            } finally {
                inFlight.remove(key);
            }
        }, pool));
    }
}
