package dev.parley.server.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and validates a Parley configuration file against {@link ConfigSchema}. Every problem found is reported at
 * once, each with its file, line, column, key path and what would be accepted.
 */
public final class ConfigLoader {
    /** Far above any real configuration; keeps a wrong path (a log, a disk image) from being read into memory. */
    static final long MAX_FILE_BYTES = YamlDocument.MAX_CODE_POINTS;

    private ConfigLoader() {
    }

    /** Loads {@code file}; relative paths inside it are resolved against its directory. */
    public static ParleyConfig load(Path file) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new ConfigException("configuration file not found: " + absolute);
        }
        if (!Files.isRegularFile(absolute)) {
            throw new ConfigException("configuration file is not a regular file: " + absolute);
        }
        byte[] bytes;
        try {
            long size = Files.size(absolute);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigException("configuration file " + absolute + " has " + size + " bytes; at most "
                        + MAX_FILE_BYTES + " are read");
            }
            bytes = Files.readAllBytes(absolute);
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot read configuration file " + absolute + ": permission denied", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + absolute + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("configuration file " + absolute + " is not UTF-8 text", e);
        }
        return parse(text, file.toString(), absolute.getParent());
    }

    /**
     * Parses configuration YAML.
     *
     * @param sourceName names the source in messages, usually the file name
     * @param baseDir    what relative paths in the configuration are resolved against
     */
    public static ParleyConfig parse(String yaml, String sourceName, Path baseDir) throws ConfigException {
        Problems problems = new Problems(sourceName);
        if (yaml.length() > YamlDocument.MAX_CODE_POINTS) {
            throw new ConfigException(sourceName + ": has " + yaml.length() + " characters; at most "
                    + YamlDocument.MAX_CODE_POINTS + " are read");
        }
        var root = YamlDocument.compose(yaml, problems);
        if (problems.isEmpty()) {
            ConfigValues values = MappingReader.read(root, ConfigSchema.ALL, "", problems);
            if (problems.isEmpty()) {
                ParleyConfig config = ConfigAssembler.assemble(values, baseDir, problems);
                if (problems.isEmpty()) {
                    return config;
                }
            }
        }
        throw problems.toException();
    }
}
