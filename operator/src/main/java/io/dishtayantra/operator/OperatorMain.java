package io.dishtayantra.operator;

import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.operator.config.OperatorConfigLoader;
import io.dishtayantra.operator.reconciler.RuntimeSpecValidation;
import io.dishtayantra.operator.reconciler.NormalizerSpecNormalization;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the DishtaYantra operator: {@code java -jar dishtayantra-operator.jar [--config FILE]}.
 * Settings come from DY_OPERATOR_* environment variables and the optional properties file
 * (docs/operator.md). Exits with status 1 on invalid settings, an outdated CRD, or a lost Lease.
 */
public final class OperatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

    private OperatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Path configFile = null;
        if (args.length == 2 && "--config".equals(args[0])) {
            configFile = Path.of(args[1]);
        } else if (args.length != 0) {
            System.err.println("Usage: java -jar dishtayantra-operator.jar [--config FILE]");
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
