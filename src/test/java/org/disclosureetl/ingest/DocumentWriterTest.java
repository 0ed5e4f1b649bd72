package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.extract.ReportIdentity;
import org.disclosureetl.normalize.Script;
import org.disclosureetl.store.DatabaseFault;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.DocumentStatus;
import org.disclosureetl.store.RegionRepository;
import org.disclosureetl.store.StoredDocument;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document that would kill its chunk: results the database refuses. Without a path of its own it
 * rolls back the chunk on every restart; here it is stored as failed and the rest of the chunk commits.
 */
@IngestDatabaseTest
class DocumentWriterTest {

    @TempDir
    Path output;

    @Autowired
    DocumentRepository documents;
    @Autowired
    FailureRecorder failures;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DatabaseFault databaseFault;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegionRepository regions;

    @Test
    void aDocumentWhoseResultsTheDatabaseRefusesIsStoredAsFailedAndTheRestOfTheChunkCommits() {
        StoredDocument good = register("aaaa000000000001", "good.txt");
        StoredDocument refused = register("bbbb000000000002", "refused.txt");
        DocumentWriter writer = new DocumentWriter(documents, failures, output, 7, transactionManager, databaseFault,
                regions);

        new TransactionTemplate(transactionManager).executeWithoutResult(chunkTransaction -> writer.write(new Chunk<>(
                ProcessedDocument.extracted(good, extraction("湛河区金融工作局"), List.of(), null),
                ProcessedDocument.extracted(refused, extraction("局".repeat(300)), List.of(), null))));

        assertThat(jdbc.sql("SELECT source_file || ' ' || status || ' ' || cells || ' ' || attempts FROM document ORDER BY 1")
                .query(String.class).list()).containsExactly("good.txt extracted 1 1", "refused.txt failed 0 1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM observation WHERE document_id = 'aaaa000000000001'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT source_file || ' ' || step || ' ' || error_type || ' ' || attempt || ' ' || message FROM failure")
                .query(String.class).list()).singleElement().asString().startsWith("refused.txt extract store_error 1 "
                + "the database refused the results: Value too long for column \"AGENCY CHARACTER VARYING(200)\": ");
    }

    private StoredDocument register(String id, String file) {
        documents.registerIfAbsent(id, id + "0".repeat(48), file, 7);
        return new StoredDocument(id, id + "0".repeat(48), file, 0);
    }

    private static Extraction extraction(String agency) {
        Observation cell = new Observation("art20", "art20_5.licensing", "c1", BigDecimal.ONE, "1", null, "许可", "新制作",
                "line 1", 0);
        return new Extraction("text/plain", Script.SIMPLIFIED, new ReportIdentity(agency, 2022, true), "2021",
                DocumentStatus.EXTRACTED, 1, List.of(cell), List.of(), List.of());
    }
}
