package io.dishtayantra.operator;

import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.operator.config.OperatorConfigLoader;
import io.dishtayantra.operator.reconciler.RuntimeSpecValidation;
import io.dishtayantra.operator.reconciler.NormalizerSpecNormalization;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.dishtayantra.operator.window.CloneCommand;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the DishtaYantra operator: {@code java -jar dishtayantra-operator.jar [--config FILE]}, or
 * runs the {@code clone} command of a clone template's CronJob ({@link CloneCommand}).
 * Settings come from DY_OPERATOR_* environment variables and the optional properties file
 * (docs/operator.md). Exits with status 1 on invalid settings, an outdated CRD, or a lost Lease.
 */
public final class OperatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

    private OperatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "clone".equals(args[0])) {
            // The CronJob of a clone template runs the image with: clone --namespace NS --template DAG.
            int exitCode;
            try (KubernetesClient client = new KubernetesClientBuilder().build()) {
                exitCode = new CloneCommand(client, Clock.systemUTC())
                        .execute(Arrays.asList(args).subList(1, args.length), System.getenv());
            }
            System.exit(exitCode);
        }
        Path configFile = null;
        if (args.length == 2 && "--config".equals(args[0])) {
            configFile = Path.of(args[1]);
        } else if (args.length != 0) {
            System.err.println("Usage: java -jar dishtayantra-operator.jar [--config FILE]\n"
                    + "       java -jar dishtayantra-operator.jar clone --namespace NAMESPACE --template DAG");
            System.exit(2);
        }
        OperatorConfig config;
        try {
            config = OperatorConfigLoader.load(System.getenv(), configFile);
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid operator configuration: " + e.getMessage());
            System.exit(2);
            return;
        }

        KubernetesClient client = new KubernetesClientBuilder().build();
        checkCrd(client);
        DagOperator operator = new DagOperator(client, config, new RuntimeSpecValidation(), new NormalizerSpecNormalization(),
                () -> new Thread(() -> System.exit(1), "exit-on-lost-lease").start());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            operator.close();
            client.close();
            stopped.countDown();
        }, "operator-shutdown"));
        operator.start();
        stopped.await();
    }

    private static void checkCrd(KubernetesClient client) {
        List<String> problems;
        try {
            problems = CrdCheck.problems(client);
        } catch (KubernetesClientException e) {
            LOG.warn("Cannot read the DAG CRD to check its version ({}); give the operator 'get' on"
                    + " customresourcedefinitions to enable the check", e.getMessage());
            return;
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.error("{}", problem));
            System.exit(1);
        }
    }
}
