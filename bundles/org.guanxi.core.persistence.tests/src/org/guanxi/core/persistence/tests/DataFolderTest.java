package org.guanxi.core.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.guanxi.core.DataFolder;
import org.guanxi.core.persistence.JpaDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder and the embedded database's files are the OS user's alone. */
class DataFolderTest {

    @TempDir
    Path dir;

    @Test
    void aNewFolderIsOwnerOnlyAndALooseOneIsTightened() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path fresh = dir.resolve("a/guanxi");
        assertFalse(DataFolder.secure(fresh));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));

        Path loose = Files.createDirectory(dir.resolve("loose"));
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(DataFolder.secure(loose), "reported as tightened");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(loose)));
        assertFalse(DataFolder.secure(loose), "and left alone from then on");
    }

    @Test
    void theEmbeddedDatabasesFilesAreReadableByTheOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        JpaDatabase db = JpaDatabase.openEmbedded(dir.resolve("db"));
        try {
            List<Path> open;
            try (Stream<Path> all = Files.walk(dir.resolve("db"))) {
                open = all.filter(p -> {
                    try {
                        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                        return perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
            }
            assertEquals(List.of(), open, "files and folders of the database that others may read");
        } finally {
            db.close();
        }
    }
}
