package org.guanxi.customer.privacy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;

/**
 * The data folder's files that name an erased person: imported and archived files, logs, exports. Each occurrence of
 * the person's values is overwritten in place with as many {@code *} bytes, so a file another component is appending
 * to (a log) keeps its length and its writer's position; a privacy export of the person is deleted. The database's own
 * folder is left to the database.
 */
final class FileEraser {

    /** Larger files are not data a person handed in; they are left alone. */
    private static final long LARGEST = 64L << 20;

    private FileEraser() {
    }

    /** Returns how many files were changed or deleted. */
    static int erase(Path folder, Collection<String> terms, Collection<String> exportPrefixes) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<byte[]> needles = terms.stream().filter(t -> t.length() >= 2).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        int[] changed = { 0 };
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // an embedded database: its pages are rewritten by the database itself
                    return Files.exists(dir.resolve("service.properties")) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = file.getFileName().toString();
                    if (exportPrefixes.stream().anyMatch(name::startsWith)) {
                        Files.delete(file);
                        changed[0]++;
                    } else if (attrs.size() <= LARGEST && overwrite(file, needles)) {
                        changed[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot erase the person from " + folder + ": " + e.getMessage(), e);
        }
        return changed[0];
    }

    private static boolean overwrite(Path file, List<byte[]> needles) throws IOException {
        byte[] content = Files.readAllBytes(file);
        boolean hit = false;
        for (byte[] needle : needles) {
            for (int at = indexOf(content, needle, 0); at >= 0; at = indexOf(content, needle, at + needle.length)) {
                java.util.Arrays.fill(content, at, at + needle.length, (byte) '*');
                hit = true;
            }
        }
        if (hit) {
            try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                out.write(content);
            }
        }
        return hit;
    }

    private static int indexOf(byte[] in, byte[] needle, int from) {
        outer: for (int i = from; i <= in.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (in[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
