package cn.changjiang.mining.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.util.StringUtils;

/**
 * The password of the embedded engine. Without a Bolt port only this process can reach the engine, so the password
 * is made afresh at every start and lives in memory only. With a port, tools on this machine need it: the configured
 * one ({@code NEO4J_EMBEDDED_PASSWORD}), else one generated at the first start into {@value #FILE} in the data
 * folder, readable by its owner only. It is never logged.
 */
final class BoltPassword {

    static final String FILE = "bolt-password";

    private BoltPassword() {
    }

    static String of(Integer boltPort, String configured, Path dataDir) {
        if (boltPort == null) {
            return random();
        }
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, random(), StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException kept) {
                // made at an earlier start: the same password again
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the embedded Neo4j password in " + file, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
