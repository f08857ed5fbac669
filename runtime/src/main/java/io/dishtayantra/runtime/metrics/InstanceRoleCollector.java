package io.dishtayantra.runtime.metrics;

import io.dishtayantra.runtime.ha.InstanceRole;
import io.dishtayantra.runtime.ha.InstanceRoles;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;

/**
 * The role of this process for each DAG that runs under a Lease (cluster mode), read from
 * {@link InstanceRoles} at scrape time: {@code dishtayantra_instance_active} is 1 while active
 * and 0 while standby, and {@code dishtayantra_instance_index} is the instance index, or -1 on a
 * standby. Local-mode DAGs have no series.
 */
public final class InstanceRoleCollector implements MultiCollector {

    @Override
    public MetricSnapshots collect() {
        GaugeSnapshot.Builder active = GaugeSnapshot.builder().name("dishtayantra_instance_active")
                .help("1 while this pod is an active instance of the DAG (holds a Lease), 0 while standby.");
        GaugeSnapshot.Builder index = GaugeSnapshot.builder().name("dishtayantra_instance_index")
                .help("Instance index of this pod for the DAG, -1 while standby.");
        for (Map.Entry<String, InstanceRole> entry : InstanceRoles.all().entrySet()) {
            Labels labels = Labels.of("dag", entry.getKey());
            InstanceRole role = entry.getValue();
            active.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(role.active() ? 1 : 0).build());
            index.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(role.index()).build());
        }
        return new MetricSnapshots(active.build(), index.build());
    }
}
