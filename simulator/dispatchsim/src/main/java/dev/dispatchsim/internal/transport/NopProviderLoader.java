package dev.dispatchsim.internal.transport;

import org.slf4j.helpers.NOP_FallbackServiceProvider;
import org.slf4j.spi.SLF4JServiceProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A class loader that answers like its parent, except that it also lists SLF4J's no-operation provider
 * as a service (see {@link LoggingSetup#startQuietly}). The listing is made in memory: no file is written.
 */
final class NopProviderLoader extends ClassLoader {

    private static final String SERVICE = "META-INF/services/" + SLF4JServiceProvider.class.getName();

    NopProviderLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!SERVICE.equals(name)) {
            return super.getResources(name);
        }
        return Collections.enumeration(Collections.singletonList(listing()));
    }

    private static URL listing() throws MalformedURLException {
        byte[] content = (NOP_FallbackServiceProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8);
        return new URL(null, "dispatchsim-memory:" + SERVICE, new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                return new URLConnection(url) {
                    @Override
                    public void connect() {
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(content);
                    }
                };
            }
        });
    }
}
