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
 * <li>neither: the file is taken once it has not changed for {@code inbox.stableSeconds} (10 s by default) and its
 * size is the same at two looks.</li>
 * </ol>
 * A renamed file keeps the time its content was last written, so (1) without a marker is taken after the same quiet
 * time as (3): slower, never early.
 */
public final class InboxReadiness implements GenericFileFilter<Object> {

    /** The marker names, after the file's own name. */
    static final List<String> MARKERS = List.of(".ready", ".done");

    private final Duration stable;
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();

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
            sizes.remove(path);
            return true;
        }
        Long before = sizes.put(path, file.getFileLength());
        // the file system's clock stamped the file, so its age is measured by that clock, not the product's
        long age = System.currentTimeMillis() - file.getLastModified(); // os-clock
        if (age >= stable.toMillis() && before != null && before == file.getFileLength()) {
            sizes.remove(path);
            sizes.keySet().removeIf(p -> !Files.exists(Path.of(p)));
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
