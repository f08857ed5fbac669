package io.dishtayantra.operator;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** DAG manifests for operator tests. */
public final class TestDags {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** A valid two-node DAG with runtime settings that exercise the pod spec. */
    public static final String QUOTE_CLEANER = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: DAG
            metadata:
              name: %s
              namespace: %s
            spec:
              subscribers:
                - name: quotes_in
                  uri: mem://queue/raw_quotes
              publishers:
                - name: quotes_out
                  uri: file://out/clean_quotes.jsonl
              calculators:
                - name: fill_gaps
                  type: ApplyDefaults
                  config:
                    defaults:
                      desk: G10
              nodes:
                - name: ingest
                  type: Subscription
                  subscriber: quotes_in
                  calculator: fill_gaps
                - name: emit
                  type: Publication
                  publishers: [quotes_out]
              edges:
                - from: ingest
                  to: emit
              runtime:
                env:
                  - name: BROKER_PASSWORD
                    valueFrom:
                      secretKeyRef:
                        name: broker
                        key: password
                nodeSelector:
                  pool: realtime
                tolerations:
                  - key: dedicated
                    operator: Equal
                    value: realtime
                    effect: NoSchedule
            """;

    private TestDags() {
    }

    /** Returns the quote cleaner DAG with a name and namespace. */
    public static Dag quoteCleaner(String namespace, String name) {
        return SERIALIZATION.unmarshal(QUOTE_CLEANER.formatted(name, namespace), Dag.class);
    }
}
