package io.dishtayantra.runtime.ha;

/**
 * Role of this process for one DAG: active instance {@code index}, or a standby with the DAG
 * loaded and no subscription open.
 *
 * @param index the instance index while active, -1 while standby
 * @param lease the name of the Lease held, or null while standby
 */
public record InstanceRole(boolean active, int index, String lease) {

    public static final InstanceRole STANDBY = new InstanceRole(false, -1, null);

    public static InstanceRole active(int index, String lease) {
        return new InstanceRole(true, index, lease);
    }

    /** Returns {@code active} or {@code standby}, the value of the role label in metrics. */
    public String label() {
        return active ? "active" : "standby";
    }
}
