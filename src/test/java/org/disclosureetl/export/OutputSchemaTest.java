package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.disclosureetl.codebook.Codebook;
import org.disclosureetl.store.SchemaMigrations;
import org.junit.jupiter.api.Test;

/** The export's state version follows the columns and the database schema by itself (issue 25 item 3). */
class OutputSchemaTest {

    private static final List<String> DOCUMENTS = List.of("document_id", "source_file", "agency");
    private static final List<String> CELLS = List.of("document_id", "value");

    @Test
    void anyChangeOfAHeaderOrOfTheSchemaGivesAnotherVersion() {
        String before = OutputSchema.version(List.of(DOCUMENTS, CELLS), "16/1");

        assertThat(before).isEqualTo(OutputSchema.version(List.of(DOCUMENTS, CELLS), "16/1")).hasSize(12);
        assertThat(OutputSchema.version(List.of(List.of("document_id", "source_file", "agency", "region"), CELLS),
                "16/1")).as("a column added").isNotEqualTo(before);
        assertThat(OutputSchema.version(List.of(List.of("document_id", "agency", "source_file"), CELLS), "16/1"))
                .as("two columns swapped").isNotEqualTo(before);
        assertThat(OutputSchema.version(List.of(List.of("document_id", "source_file"), List.of("agency", "document_id",
                "value")), "16/1")).as("a column moved to the next file").isNotEqualTo(before);
        assertThat(OutputSchema.version(List.of(DOCUMENTS, CELLS), "17/1")).as("a migration").isNotEqualTo(before);
    }

    @Test
    void theManifestAndTheFragmentsAreVersionedByTheSchema() {
        assertThat(ExportManifest.FORMAT).isEqualTo(OutputSchema.VERSION);
        assertThat(FragmentCache.VERSION).isEqualTo("fragments-" + OutputSchema.VERSION);
        List<List<String>> headers = OutputSchema.headers(new Codebook());
        assertThat(headers).hasSize(6).startsWith(OutputSchema.DOCUMENTS).endsWith(OutputSchema.CODEBOOK);
        // panel.csv: its keys, then a column per cell code of the codebook
        assertThat(headers.get(4)).startsWith(OutputSchema.PANEL_KEYS.toArray(String[]::new))
                .hasSize(OutputSchema.PANEL_KEYS.size() + new Codebook().entries().size());
        assertThat(OutputSchema.VERSION).isEqualTo(OutputSchema.version(headers,
                SchemaMigrations.LATEST_VERSION + "/" + OutputSchema.RENDERING));
    }
}
