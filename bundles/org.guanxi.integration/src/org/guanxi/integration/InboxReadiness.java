package org.guanxi.integration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * When an inbox file is complete, so that a file still being written is never half-imported. The rule agreed with
 * SCM systems (integration-routes/README.md):
 * <ol>
 * <li>write the file under another name (say {@code stock.csv.part}) and rename it when done — the inbox only looks at
 * {@code .csv} and {@code .xml} names; or</li>
 * <li>write a marker {@code NAME.ready} (or {@code NAME.done}) after the file: it is taken at once; or</li>
 * <li>neither: the file is taken once its size and time stamp have stayed the same for {@code inbox.stableSeconds}
 * (10 s by default) of watching.</li>
 * </ol>
 * A renamed file without a marker is taken after the same quiet time as (3): slower, never early.
 */
public final class InboxReadiness implements GenericFileFilter<Object> {

    /** The marker names, after the file's own name. */
    static final List<String> MARKERS = List.of(".ready", ".done");

    private final Duration stable;
    /** Per file: its size and time stamp when last seen, and since when (elapsed time) they have stayed so. */
    private final Map<String, Look> looks = new ConcurrentHashMap<>();

    private record Look(long size, long modified, long since) {
    }

    public InboxReadiness(Duration stable) {
        this.stable = stable;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return false;
        }
        String path = file.getAbsoluteFilePath();
        if (MARKERS.stream().anyMatch(m -> Files.exists(Path.of(path + m)))) {
            looks.remove(path);
            return true;
        }
        // the quiet time is elapsed time while size and time stamp stay the same: no wall clock is compared with the
        // file's stamp, so neither a machine's clock skew nor GUANXI_CLOCK can make a file look older than it is
        long now = System.nanoTime();
        Look seen = looks.merge(path, new Look(file.getFileLength(), file.getLastModified(), now),
                (before, look) -> before.size() == look.size() && before.modified() == look.modified() ? before : look);
        if (now - seen.since() >= stable.toNanos()) {
            looks.remove(path);
            looks.keySet().removeIf(p -> !Files.exists(Path.of(p)));
            return true;
        }
        return false;
    }

    /** Removes the markers of a file that was taken. */
    static void removeMarkers(Path file) {
        for (String m : MARKERS) {
            try {
                Files.deleteIfExists(Path.of(file + m));
            } catch (java.io.IOException e) {
                // a marker left behind only makes the next file of that name go in without its quiet time
            }
        }
    }
}
