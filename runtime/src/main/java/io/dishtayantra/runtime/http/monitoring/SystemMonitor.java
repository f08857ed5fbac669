package io.dishtayantra.runtime.http.monitoring;

import java.util.ArrayList;
import java.util.List;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads the machine's and this process's resource use with OSHI. CPU usage is measured between
 * two calls (the first call waits {@value #FIRST_SAMPLE_MILLIS} ms to get a baseline), so the
 * dashboard's 5-second polling yields the average over the last 5 seconds. Thread-safe; the OSHI
 * objects are created on first use because their set-up takes a few hundred milliseconds.
 */
public final class SystemMonitor {

    static final long FIRST_SAMPLE_MILLIS = 250;

    private SystemInfo system;
    private long[] previousTicks;

    /** CPU use and load: {@code usage} is a fraction of all cores, 0 to 1; load averages are -1 where the OS has none. */
    public record Cpu(int logicalCores, double usage, double load1, double load5, double load15) {
    }

    /** Physical memory and swap, in bytes. */
    public record Memory(long total, long available, long swapTotal, long swapUsed) {
    }

    /** One mounted file system, sizes in bytes. */
    public record Disk(String mount, String type, long total, long usable) {
    }

    /** Cumulative counters of one network interface since boot. */
    public record Network(String name, long bytesReceived, long bytesSent, long packetsReceived, long packetsSent,
            long inErrors, long outErrors) {
    }

    /**
     * This JVM: resident and virtual memory in bytes, heap in bytes, CPU time in milliseconds,
     * open files (-1 where the OS does not tell).
     */
    public record Process(int pid, long residentBytes, long virtualBytes, long heapUsed, long heapMax, int threads,
            long openFiles, long cpuMillis, long uptimeMillis) {
    }

    /** Everything the monitoring page shows about the machine and the process. */
    public record Snapshot(String os, Cpu cpu, Memory memory, List<Disk> disks, List<Network> networks, Process process) {
    }

    /** Takes a snapshot; blocks about {@value #FIRST_SAMPLE_MILLIS} ms on the first call. */
    public synchronized Snapshot snapshot() {
        if (system == null) {
            system = new SystemInfo();
        }
        OperatingSystem os = system.getOperatingSystem();
        return new Snapshot(os.toString(), cpu(), memory(), disks(os), networks(), process(os));
    }

    private Cpu cpu() {
        CentralProcessor processor = system.getHardware().getProcessor();
        double usage;
        if (previousTicks == null) {
            usage = processor.getSystemCpuLoad(FIRST_SAMPLE_MILLIS);
            previousTicks = processor.getSystemCpuLoadTicks();
        } else {
            usage = processor.getSystemCpuLoadBetweenTicks(previousTicks);
            previousTicks = processor.getSystemCpuLoadTicks();
        }
        double[] load = processor.getSystemLoadAverage(3);
        return new Cpu(processor.getLogicalProcessorCount(), usage, load[0], load[1], load[2]);
    }

    private Memory memory() {
        GlobalMemory memory = system.getHardware().getMemory();
        return new Memory(memory.getTotal(), memory.getAvailable(),
                memory.getVirtualMemory().getSwapTotal(), memory.getVirtualMemory().getSwapUsed());
    }

    private static List<Disk> disks(OperatingSystem os) {
        List<Disk> disks = new ArrayList<>();
        for (OSFileStore store : os.getFileSystem().getFileStores(true)) {
            disks.add(new Disk(store.getMount(), store.getType(), store.getTotalSpace(), store.getUsableSpace()));
        }
        return disks;
    }

    private List<Network> networks() {
        List<Network> networks = new ArrayList<>();
        for (NetworkIF network : system.getHardware().getNetworkIFs(false)) {
            networks.add(new Network(network.getName(), network.getBytesRecv(), network.getBytesSent(),
                    network.getPacketsRecv(), network.getPacketsSent(), network.getInErrors(), network.getOutErrors()));
        }
        return networks;
    }

    private static Process process(OperatingSystem os) {
        int pid = os.getProcessId();
        OSProcess process = os.getProcess(pid);
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();
        if (process == null) {
            return new Process(pid, -1, -1, heapUsed, runtime.maxMemory(), Thread.activeCount(), -1, -1, -1);
        }
        return new Process(pid, process.getResidentMemory(), process.getVirtualSize(), heapUsed, runtime.maxMemory(),
                process.getThreadCount(), process.getOpenFiles(), process.getKernelTime() + process.getUserTime(),
                process.getUpTime());
    }
}
