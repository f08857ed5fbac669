package io.dishtayantra.crd.v1alpha1;

import io.fabric8.kubernetes.model.annotation.SpecReplicas;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pod settings of the runtime that runs a DAG in a cluster. Ignored by {@code dishtayantra run}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuntimeSpec {

    @JsonPropertyDescription("Runtime container image; the operator's configured default when empty.")
    private String image;

    @Min(1)
    @JsonPropertyDescription("Pods per instance: one active, the rest standbys that take over through a Lease. Default 1.")
    private Integer replicas;

    @Min(1)
    @SpecReplicas
    @JsonPropertyDescription("Active instances sharing the input (Kafka partitions, competing consumers). Default 1. Target of kubectl scale.")
    private Integer parallelism;

    @JsonPropertyDescription("CPU and memory requests and limits of the runtime container.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Environment variables of the runtime container; use valueFrom.secretKeyRef for secrets.")
    private List<EnvVar> env = new ArrayList<>();

    @JsonPropertyDescription("Node labels the runtime pods must match.")
    private Map<String, String> nodeSelector = new LinkedHashMap<>();

    @JsonPropertyDescription("Tolerations of the runtime pods.")
    private List<Toleration> tolerations = new ArrayList<>();

    @JsonPropertyDescription("ServiceAccount of the runtime pods; the operator-managed dishtayantra-runtime when empty.")
    private String serviceAccount;

    @JsonPropertyDescription("Timing of the Lease that picks the active pod when replicas is 2 or more.")
    private LeaderElectionSpec leaderElection;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getParallelism() {
        return parallelism;
    }

    public void setParallelism(Integer parallelism) {
        this.parallelism = parallelism;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public List<EnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<EnvVar> env) {
        this.env = env == null ? new ArrayList<>() : env;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector == null ? new LinkedHashMap<>() : nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations == null ? new ArrayList<>() : tolerations;
    }

    public String getServiceAccount() {
        return serviceAccount;
    }

    public void setServiceAccount(String serviceAccount) {
        this.serviceAccount = serviceAccount;
    }

    public LeaderElectionSpec getLeaderElection() {
        return leaderElection;
    }

    public void setLeaderElection(LeaderElectionSpec leaderElection) {
        this.leaderElection = leaderElection;
    }
}
