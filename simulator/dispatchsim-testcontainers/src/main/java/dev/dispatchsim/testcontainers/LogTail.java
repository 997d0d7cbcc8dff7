package dev.dispatchsim.testcontainers;

import org.testcontainers.containers.output.OutputFrame;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The last few thousand characters the container wrote, kept from its first line on, so that a
 * failed start can say why even after the container is gone.
 */
final class LogTail implements Consumer<OutputFrame> {

    private static final int MAX_CHARS = 16_000;

    private final Deque<String> frames = new ArrayDeque<>();
    private int chars;

    @Override
    public synchronized void accept(OutputFrame frame) {
        String text = frame.getUtf8String();
        if (text.isEmpty()) {
            return;
        }
        frames.addLast(text);
        chars += text.length();
        while (chars > MAX_CHARS && frames.size() > 1) {
            chars -= frames.removeFirst().length();
        }
    }

    synchronized String text() {
        return String.join("", frames);
    }
}
