package org.disclosureetl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A pool of worker threads taking the corpus files from a shared queue, as bare Tika and the parser warm-up use it. */
final class FilePool {

    /** What a worker does with one file. */
    interface FileTask {
        void accept(CorpusFile file) throws Exception;
    }

    private FilePool() {
    }

    /**
     * Runs {@code task} on every file with {@code threads} daemon threads named {@code threadName}; returns when
     * all are done.
     *
     * @throws ExecutionException wrapping the first failure (in file order)
     */
    static void forEach(List<CorpusFile> files, int threads, String threadName, FileTask task)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>(files.size());
            for (CorpusFile file : files) {
                tasks.add(pool.submit(() -> {
                    task.accept(file);
                    return null;
                }));
            }
            for (Future<?> each : tasks) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
