package org.guanxi.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The data folder holds customers' personal information (the database, imports, exports, logs): it is the OS user's
 * alone. Created owner-only (700); a folder that others may enter is tightened at start, and said so in the log.
 */
public final class DataFolder {

    private static final Logger LOG = Logger.getLogger(DataFolder.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DataFolder() {
    }

    /**
     * Creates {@code dir} owner-only, or takes the group's and others' rights from it; returns whether it had to be
     * tightened. On a file system without POSIX permissions (Windows) the folder is only created: its ACL comes from
     * the user's profile folder.
     */
    public static boolean secure(Path dir) {
        try {
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (!posix) {
                    Files.createDirectories(dir);
                } else {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    // an umask may have taken bits from the requested mode, never added any; set it exactly
                    Files.setPosixFilePermissions(dir, OWNER_ONLY);
                }
                return false;
            }
            if (!posix) {
                return false;
            }
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
            if (now.stream().noneMatch(OTHERS::contains)) {
                return false;
            }
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
            LOG.warning(() -> "The data folder " + dir + " was open to others (" + PosixFilePermissions.toString(now)
                    + "): now rwx------");
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warning(() -> "Cannot make the data folder " + dir + " owner-only: " + e);
            return false;
        }
    }

    /**
     * Creates {@code file} empty and readable by its owner only (600), replacing one that exists, so that what is then
     * written into it (a person's data) is never readable by others, not even for a moment.
     */
    public static void ownerOnlyFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
