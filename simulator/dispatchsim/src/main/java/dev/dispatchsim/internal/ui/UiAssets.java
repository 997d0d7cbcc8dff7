package dev.dispatchsim.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The timeline page's files, from the simulator jar: the page template, its stylesheet, its scripts and
 * ECharts (unpacked at build time from the org.webjars.npm:echarts WebJar, so the page needs no CDN and works
 * offline). The live page loads them by URL; a report inlines them.
 */
final class UiAssets {

    static final String ROOT = "dispatchsim/ui/";
    static final String PAGE = "page.html";
    static final String STYLE = "ui.css";
    /** In load order: each script uses only what the ones before it define. */
    static final List<String> SCRIPTS = List.of("vendor/echarts.min.js", "js/util.js", "js/lanes.js", "js/truth.js",
            "js/model.js", "js/timeline.js", "js/vlist.js", "js/rooms-view.js", "js/state-view.js", "js/feed.js", "js/app.js");

    /** What {@code GET /_sim/ui/assets/{name}} serves: only these names, never a path taken from the request. */
    static final Map<String, String> SERVED = served();

    /** The files are immutable resources; reading a megabyte of ECharts once per JVM, not once per report, is the point. */
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private UiAssets() {
    }

    static String text(String name) {
        return CACHE.computeIfAbsent(name, UiAssets::read);
    }

    /** The served asset's resource name and content type, or empty for any other name. */
    static Optional<String> resourceFor(String servedName) {
        return Optional.ofNullable(SERVED.get(servedName));
    }

    static String contentType(String resource) {
        if (resource.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return resource.endsWith(".css") ? "text/css; charset=utf-8" : "text/plain; charset=utf-8";
    }

    static String servedName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    private static Map<String, String> served() {
        Map<String, String> byName = new LinkedHashMap<>();
        byName.put(STYLE, STYLE);
        SCRIPTS.forEach(script -> byName.put(servedName(script), script));
        return Map.copyOf(byName);
    }

    private static String read(String name) {
        try (InputStream in = UiAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + name + " is missing from the simulator jar: the build unpacks "
                        + "ECharts and copies the UI files into it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + ROOT + name, unreadable);
        }
    }
}
