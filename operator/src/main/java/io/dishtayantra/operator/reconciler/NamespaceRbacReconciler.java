package io.dishtayantra.operator.reconciler;

import io.dishtayantra.operator.model.RuntimeRbacModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the runtime's ServiceAccount, Role and RoleBinding in a namespace. They are shared by
 * every DAG there, so no DAG owns them and they stay when the last DAG goes. Thread-safe.
 */
public final class NamespaceRbacReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceRbacReconciler.class);

    private final KubernetesClient client;
    private final String name;

    /** @param name name of the ServiceAccount, Role and RoleBinding */
    public NamespaceRbacReconciler(KubernetesClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /** Creates whichever of the three is missing and restores the Role's rules if they changed. */
    public void reconcile(String namespace) {
        createIfMissing(RuntimeRbacModel.serviceAccount(namespace, name));
        Role desiredRole = RuntimeRbacModel.role(namespace, name);
        Role role = client.resource(desiredRole).get();
        if (role == null) {
            createIfMissing(desiredRole);
        } else if (!desiredRole.getRules().equals(role.getRules())) {
            role.setRules(desiredRole.getRules());
            try {
                client.resource(role).update();
                LOG.info("Restored the rules of Role {}/{}", namespace, name);
            } catch (KubernetesClientException e) {
                // Another reconcile changed the Role since it was read, most likely restoring the
                // same rules; the next reconcile of any DAG here checks them again.
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                LOG.debug("Role {}/{} changed while its rules were restored; leaving it to the next reconcile",
                        namespace, name);
            }
        }
        createIfMissing(RuntimeRbacModel.roleBinding(namespace, name));
    }

    private void createIfMissing(HasMetadata desired) {
        if (client.resource(desired).get() != null) {
            return;
        }
        try {
            client.resource(desired).create();
        } catch (KubernetesClientException e) {
            // The first reconciles of DAGs in a new namespace run in parallel and race to create
            // these shared objects. A conflict means another reconcile created it, as desired.
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                LOG.debug("{} {}/{} was created by a concurrent reconcile", desired.getKind(),
                        desired.getMetadata().getNamespace(), desired.getMetadata().getName());
                return;
            }
            throw e;
        }
        LOG.info("Created {} {}/{} for runtime pods", desired.getKind(), desired.getMetadata().getNamespace(),
                desired.getMetadata().getName());
    }
}
