package org.deliveryprogress.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A chart drawn while its JVM shuts down, as a meeting pack's job does when its node is stopped. */
@DisplayName("The charts' fonts")
class FontsLoadedAtStartTest {

    @Test
    @DisplayName("are there for a chart drawn while the node stops, once the application has started")
    void thereWhileTheNodeStops() throws Exception {
        assertThat(chartDrawnWhileStopping(true)).isEqualTo("drawn");
    }

    @Test
    @DisplayName("cannot be read once the node is stopping, which is why the application reads them at start")
    void notReadableOnceStopping() throws Exception {
        assertThat(chartDrawnWhileStopping(false)).contains("Problem reading font data");
    }

    private static String chartDrawnWhileStopping(boolean started) throws IOException, InterruptedException {
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Stopping.class.getName(),
                String.valueOf(started)).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    /** A JVM that, started as the application starts or not, draws its first chart as it shuts down. */
    static final class Stopping {

        public static void main(String[] args) {
            if (Boolean.parseBoolean(args[0])) {
                new FontsLoadedAtStart();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new StatusChart("Plans by status",
                            List.of(new StatusChart.Quarter("2026/27 Q1", false, 1, 2, 3, 4, 5, 6)))
                            .draw("status-chart");
                    System.out.println("drawn");
                } catch (Throwable failure) {
                    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                        System.out.println(cause);
                    }
                }
            }));
            System.exit(0);
        }
    }
}
