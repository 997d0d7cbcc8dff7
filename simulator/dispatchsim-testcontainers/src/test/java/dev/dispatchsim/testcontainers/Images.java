package dev.dispatchsim.testcontainers;

import java.time.Duration;

/** The image under test, which this build made (client-tests/docker/build-image.sh), and the tests' patience. */
final class Images {

    /** How long a worker or the journal may take to show what the test waits for, on a busy machine. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private Images() {
    }

    /** The tag the build passes as {@code -Ddispatchsim.image}. */
    static String underTest() {
        String image = System.getProperty("dispatchsim.image");
        if (image == null || image.isBlank()) {
            throw new IllegalStateException("no image to test: these tests run in `mvn verify`, after the build made the image"
                    + " (client-tests/docker/build-image.sh TAG), which passes it as -Ddispatchsim.image=TAG");
        }
        return image;
    }
}
