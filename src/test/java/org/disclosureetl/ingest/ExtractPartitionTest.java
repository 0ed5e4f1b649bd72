package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.StoredDocument;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.disclosureetl.testsupport.TemporaryDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.batch.test.StepScopeTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The extract step's partitions on a real H2 file database: the partitioner makes one context per
 * thread, and the step-scoped reader of each partition reads exactly its share of the pending,
 * present documents (a document goes to partition {@code key mod threads}, where the key is the
 * first four hex digits of its id, see DocumentRepository.partitionKey).
 */
@IngestDatabaseTest
class ExtractPartitionTest {

    @Autowired
    DocumentRepository documents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcPagingItemReader<StoredDocument> pendingDocumentReader;

    @BeforeEach
    void emptyDatabase() {
        TemporaryDatabase.deleteAllRows(jdbc);
    }

    @Test
    void thePartitionerMakesOneContextPerThread() {
        Map<String, ExecutionContext> partitions = IngestJobConfiguration.documentPartitioner().partition(3);

        assertThat(partitions).containsOnlyKeys("partition0", "partition1", "partition2");
        for (int k = 0; k < 3; k++) {
            ExecutionContext context = partitions.get("partition" + k);
            assertThat(context.entrySet()).hasSize(2);
            assertThat(context.getInt("partition")).isEqualTo(k);
            assertThat(context.getInt("partitions")).isEqualTo(3);
        }
    }

    @Test
    void sevenPendingDocumentsOnThreeThreadsSplitByTheirKeyAndNothingElseIsRead() throws Exception {
        // keys 0..5 and 0xffff = 65535 (65535 mod 3 = 0)
        for (String prefix : List.of("0000", "0001", "0002", "0003", "0004", "0005", "ffff")) {
            register(prefix + "aaaaaaaaaaaa");
        }
        register("0006aaaaaaaaaaaa");
        jdbc.sql("UPDATE document SET status = 'extracted' WHERE document_id = '0006aaaaaaaaaaaa'").update();
        register("0007aaaaaaaaaaaa");
        documents.setPresent("0007aaaaaaaaaaaa", false, null);
        register("0008aaaaaaaaaaaa");
        jdbc.sql("UPDATE document SET status = 'failed' WHERE document_id = '0008aaaaaaaaaaaa'").update();

        assertThat(read(3)).containsExactly(
                Map.entry("partition0", List.of("0000aaaaaaaaaaaa", "0003aaaaaaaaaaaa", "ffffaaaaaaaaaaaa")),
                Map.entry("partition1", List.of("0001aaaaaaaaaaaa", "0004aaaaaaaaaaaa")),
                Map.entry("partition2", List.of("0002aaaaaaaaaaaa", "0005aaaaaaaaaaaa")));
    }

    @Test
    void oneThreadReadsEveryPendingDocumentAndMoreThreadsThanDocumentsLeaveSomeIdle() throws Exception {
        for (String id : List.of("0001bbbbbbbbbbbb", "0001aaaaaaaaaaaa", "000aaaaaaaaaaaaa")) {
            register(id);
        }

        assertThat(read(1)).containsExactly(
                Map.entry("partition0", List.of("0001aaaaaaaaaaaa", "0001bbbbbbbbbbbb", "000aaaaaaaaaaaaa")));
        assertThat(read(4)).containsExactly(
                Map.entry("partition0", List.of()),
                Map.entry("partition1", List.of("0001aaaaaaaaaaaa", "0001bbbbbbbbbbbb")),
                Map.entry("partition2", List.of("000aaaaaaaaaaaaa")),
                Map.entry("partition3", List.of()));
    }

    private void register(String documentId) {
        documents.registerIfAbsent(documentId, documentId + "0".repeat(48), documentId + ".txt", 1);
    }

    /** Document ids each partition's reader returns, in the order it returns them, by partition name. */
    private Map<String, List<String>> read(int threads) throws Exception {
        Map<String, List<String>> read = new TreeMap<>();
        for (Map.Entry<String, ExecutionContext> partition
                : IngestJobConfiguration.documentPartitioner().partition(threads).entrySet()) {
            read.put(partition.getKey(), StepScopeTestUtils.doInStepScope(
                    MetaDataInstanceFactory.createStepExecution(partition.getValue()), this::readAll));
        }
        return read;
    }

    private List<String> readAll() throws Exception {
        List<String> ids = new ArrayList<>();
        pendingDocumentReader.open(new ExecutionContext());
        try {
            for (StoredDocument d; (d = pendingDocumentReader.read()) != null; ) {
                ids.add(d.documentId());
            }
        } finally {
            pendingDocumentReader.close();
        }
        return ids;
    }
}
