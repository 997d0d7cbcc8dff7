package dev.dispatchsim.internal.transport;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOP_FallbackServiceProvider;
import org.slf4j.spi.SLF4JServiceProvider;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What Javalin's missing-logger check sees while the simulator starts it without any SLF4J provider. */
class LoggingSetupTest {

    /** A loader that sees no SLF4J provider at all, like a user's test JVM without a logging library. */
    private static final ClassLoader NO_PROVIDER = new ClassLoader(LoggingSetupTest.class.getClassLoader()) {
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : super.getResources(name);
        }
    };

    @Test
    void should_offer_slf4js_own_nop_provider_and_nothing_else_when_the_start_runs_quietly() {
        AtomicReference<List<String>> seen = new AtomicReference<>();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(NO_PROVIDER);
        try {
            assertThat(LoggingSetup.hasProvider(NO_PROVIDER)).as("the loader without providers").isFalse();

            LoggingSetup.startQuietly(() -> seen.set(ServiceLoader.load(SLF4JServiceProvider.class).stream()
                    .map(provider -> provider.type().getName()).toList()));

            assertThat(seen.get()).containsExactly(NOP_FallbackServiceProvider.class.getName());
            assertThat(Thread.currentThread().getContextClassLoader()).as("the caller's loader is back").isSameAs(NO_PROVIDER);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void should_name_the_server_loggers_packages_when_the_standalone_sets_their_level() {
        assertThat(LoggingSetup.serverLoggerRoots()).containsExactly("io.javalin", "org.eclipse.jetty");
    }
}
