package org.netwright.runner.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A first reading of an image folder's files, decoded in parallel: which ones decode, their sizes and whether they
 * are grey. The decoded images are kept while they fit a budget of bytes (then the folder is read eagerly from
 * them); past it none is kept and the folder is read lazily.
 */
record ImageScan(List<Image> images, boolean allKept) {
    /** One file's image: kept (or null when past the budget), its size and whether it is grey. */
    record Image(BufferedImage kept, int width, int height, boolean grey) {
    }

    /** The files decoded on {@link LazyImages#THREADS} threads; a file that does not decode is a null entry. */
    static ImageScan of(List<Path> files, long budgetBytes) {
        AtomicLong kept = new AtomicLong();
        AtomicBoolean overflow = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(LazyImages.THREADS, r -> {
            Thread t = new Thread(r, "netwright-image-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Image>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    BufferedImage img = ImageFolderData.decodeImage(f);
                    if (img == null) {
                        return null;
                    }
                    boolean grey = img.getColorModel().getNumColorComponents() == 1;
                    // As float pixels: 4 bytes per value, one or three channels.
                    long bytes = (long) img.getWidth() * img.getHeight() * (grey ? 1 : 3) * Float.BYTES;
                    boolean keep = !overflow.get() && kept.addAndGet(bytes) <= budgetBytes;
                    if (!keep) {
                        overflow.set(true);
                    }
                    return new Image(keep ? img : null, img.getWidth(), img.getHeight(), grey);
                }));
            }
            List<Image> out = new ArrayList<>();
            for (Future<Image> f : futures) {
                out.add(f.get());
            }
            if (overflow.get()) {
                // Some were dropped: the folder is read lazily, and the kept ones would only hold memory.
                out.replaceAll(i -> i == null ? null : new Image(null, i.width(), i.height(), i.grey()));
            }
            return new ImageScan(Collections.unmodifiableList(out), !overflow.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFileException("Reading the images was interrupted.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
