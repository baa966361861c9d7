package org.guanxi.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret of this installation that a local endpoint requires (the telephony adapter's URL carries it): 256 random
 * bits in a file that only the OS user may read, made once and kept.
 */
public final class LocalToken {

    private LocalToken() {
    }

    /** The token in {@code file}; a new one when the file does not exist yet. */
    public static String of(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Files.createDirectories(file.getParent());
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException raced) {
                // another process of this installation made it first: use theirs
            }
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (token.length() < 16) {
            throw new IOException(file + " holds no usable token (at least 16 characters)");
        }
        return token;
    }

    /** Compares in constant time, so that the time of an answer tells nothing about the token. */
    public static boolean matches(String token, String given) {
        return token != null && given != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
