package org.disclosureetl.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap use of one phase: {@link #reset()} collects garbage and clears the pools' peak counters
 * before it, {@link #read()} takes the peaks after it and then the heap still in use after a full GC.
 */
final class HeapProbe {

    /**
     * @param peakBytes        sum of the heap pools' peak usage (eden + survivor + old): an upper bound
     * @param oldGenPeakBytes  peak of the old generation: what survived young collections
     * @param liveAfterGcBytes heap in use after the phase and a full GC: what the phase left behind
     */
    record Usage(long peakBytes, long oldGenPeakBytes, long liveAfterGcBytes) {
    }

    private HeapProbe() {
    }

    static void reset() {
        fullGc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static Usage read() {
        long peak = 0;
        long oldPeak = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            long used = pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
            peak += used;
            if (pool.getName().contains("Old") || pool.getName().contains("Tenured")) {
                oldPeak += used;
            }
        }
        fullGc();
        return new Usage(peak, oldPeak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    static long maxHeapBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
                .toList();
    }

    private static void fullGc() {
        System.gc();
        System.gc();
    }
}
