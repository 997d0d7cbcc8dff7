package dev.dispatchsim.internal.admin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin logic stays transport-free: only transport.AdminRoutes may know Javalin or Jetty. */
class AdminImportsTest {

    private static final Path ADMIN = Path.of("src/main/java/dev/dispatchsim/admin");

    @Test
    void should_import_no_http_server_nor_transport_when_the_admin_package_is_compiled() throws IOException {
        assertThat(ADMIN).isDirectory();
        List<String> offending;
        try (Stream<Path> files = Files.list(ADMIN)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(AdminImportsTest::imports)
                    .filter(i -> i.contains(" io.javalin.") || i.contains(" org.eclipse.jetty.")
                            || i.contains(" dev.dispatchsim.internal.transport.") || i.matches(".*: import dev\\.dispatchsim\\.[A-Z].*"))
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).map(l -> file.getFileName() + ": " + l);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
