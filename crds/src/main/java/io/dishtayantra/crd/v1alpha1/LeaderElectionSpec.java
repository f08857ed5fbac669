package io.dishtayantra.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Timing of the Lease that picks the active runtime pod of a DAG. Durations such as 15s. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LeaderElectionSpec {

    @JsonPropertyDescription("How long a Lease is valid without renewal. Default 15s.")
    private String leaseDuration;

    @JsonPropertyDescription("How long the active pod keeps trying to renew before it stops intake. Default 10s.")
    private String renewDeadline;

    @JsonPropertyDescription("Time between acquisition and renewal attempts. Default 2s.")
    private String retryPeriod;

    public String getLeaseDuration() {
        return leaseDuration;
    }

    public void setLeaseDuration(String leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public String getRenewDeadline() {
        return renewDeadline;
    }

    public void setRenewDeadline(String renewDeadline) {
        this.renewDeadline = renewDeadline;
    }

    public String getRetryPeriod() {
        return retryPeriod;
    }

    public void setRetryPeriod(String retryPeriod) {
        this.retryPeriod = retryPeriod;
    }
}
