package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void relativePathsAreResolvedAgainstTheFilesDirectory() throws Exception {
        Path file = dir.resolve("parley.yaml");
        Files.writeString(file, "\uFEFFdata-dir: state\ntls: {certificates: [{certificate: c.pem, private-key: k.pem}]}\n");
        ParleyConfig config = ConfigLoader.load(file);
        assertThat(config.dataDir()).isEqualTo(dir.resolve("state"));
        assertThat(config.tls().certificates().getFirst().privateKey()).isEqualTo(dir.resolve("k.pem"));
    }

    @Test
    void messagesNameTheFileAsGiven() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "limits: {depth: x}\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + " line 1, column 17: limits.depth:");
    }

    @Test
    void unusableFilesGiveReadableErrors() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.yaml")))
                .hasMessage("configuration file not found: " + dir.resolve("missing.yaml"));
        assertThatThrownBy(() -> ConfigLoader.load(dir)).hasMessageContaining("not a regular file");
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> ConfigLoader.load(binary)).hasMessageContaining("is not UTF-8 text");
        Path huge = Files.write(dir.resolve("huge.yaml"), new byte[(int) ConfigLoader.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> ConfigLoader.load(huge)).hasMessageContaining("at most " + ConfigLoader.MAX_FILE_BYTES);
    }
}
