package dev.dispatchsim;

import dev.dispatchsim.auth.ApiKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server: {@code java -jar dispatchsim.jar --port 7880 --seed 42}. Bad values exit
 * with code 2 and a message naming the flag; SIGTERM shuts down cleanly.
 */
@Command(name = "dispatchsim", mixinStandardHelpOptions = true, version = "dispatchsim 0.1.0",
        description = "A local, deterministic, LiveKit-compatible agent-dispatch simulator.")
public final class Main implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7880", description = "HTTP/WebSocket port (0 = random). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}")
    String bind;

    @Option(names = "--keys", defaultValue = "devkey:secret", description = "API keys, key:secret[,key2:secret2]. Default: ${DEFAULT-VALUE}")
    String keys;

    @Option(names = "--seed", defaultValue = "0", description = "Master seed for ids, worker choice and faults. Default: ${DEFAULT-VALUE}")
    long seed;

    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler((failure, arguments) -> {
            failure.getCommandLine().getErr().println("dispatchsim: " + failure.getMessage());
            failure.getCommandLine().getErr().println("Run with --help for the valid options.");
            return 2;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiKeys apiKeys;
        try {
            apiKeys = ApiKeys.parse(keys);
        } catch (IllegalArgumentException invalid) {
            System.err.println("dispatchsim: --keys: " + invalid.getMessage());
            return 2;
        }
        LiveKitSimulator sim;
        try {
            sim = LiveKitSimulator.builder().bind(bind).port(port).keys(apiKeys).seed(seed).start();
        } catch (RuntimeException bindFailure) {
            System.err.println("dispatchsim: cannot listen on " + bind + ":" + port + ": " + bindFailure.getMessage());
            return 1;
        }
        System.out.println("dispatchsim listening on " + sim.httpUrl() + " (LIVEKIT_URL=" + sim.wsUrl() + ")");
        System.out.println("dispatchsim config: " + sim.settings().describe());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "dispatchsim-shutdown"));
        stopped.await();
        return 0;
    }
}
