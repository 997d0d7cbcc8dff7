package dev.dispatchsim.internal.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S6: {@code --profile} can name any file the server may read; when the file is not a profile, the error
 * says so without echoing any of its content (it might be {@code /etc/passwd}, or a file of secrets).
 */
@Timeout(30)
class ProfileFileSecrecyTest {

    @TempDir
    Path dir;

    @Test
    void should_not_echo_the_file_when_the_profile_flag_names_a_file_that_is_not_a_profile() throws IOException {
        // GIVEN files that are not profiles: passwd-like lines, a key=value secret, a YAML mapping of secrets
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/sbin/nologin\n");
        Path env = Files.writeString(dir.resolve("secrets.env"), "API_SECRET=hunter2-do-not-print\n");
        Path yaml = Files.writeString(dir.resolve("creds.yaml"), "password: hunter2-do-not-print\nuser: admin\n");

        for (Path file : new Path[]{passwd, env, yaml}) {
            ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
            // WHEN the server is started with it
            int code = Main.run(new String[]{"--port", "0", "--profile", file.toString()}, Map.of(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(errBytes, true, StandardCharsets.UTF_8));

            // THEN it refuses to start, says the file is not a profile, and shows none of its content
            String err = errBytes.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(2);
            assertThat(err).contains(file.getFileName() + ": is not a fault profile").doesNotContain("root:x")
                    .doesNotContain("hunter2").doesNotContain("nologin").doesNotContain("password");
        }
    }
}
