package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.disclosureetl.store.ExportQueries.DocumentKey;
import org.junit.jupiter.api.Test;

/** The names of a document's cell fragments: each state of its cells a name of its own. */
class FragmentCacheTest {

    @Test
    void correctionsNameTheCellsApartFromTheRowsARunRendered() {
        // as ingest/DocumentWriter names the rows it renders when it stores a document: no corrections
        assertThat(FragmentCache.ofCells(new DocumentKey("abc", 2023, "局", "2021", 7L, 200, 1, null, null)))
                .isEqualTo("abc.7.csv");
        assertThat(FragmentCache.ofCells(new DocumentKey("abc", 2023, "局", "2021", 7L, 200, 1, null, null, 0L)))
                .isEqualTo("abc.7.c0.csv");
        assertThat(FragmentCache.ofCells(new DocumentKey("abc", 2023, "局", "2021", 7L, 200, 1, 9L, 9L, 12L)))
                .isEqualTo("abc.7.s9.c12.csv");
        assertThat(FragmentCache.withSeries(new DocumentKey("abc", 2023, "局", "2021", 7L, 200, 1, 9L, 9L, 12L)))
                .as("issues do not change with corrections").isEqualTo("abc.7.s9.csv");
        assertThat(FragmentCache.ofCells(new DocumentKey("abc", null, null, null, null, 0, 0, null, null, 3L)))
                .as("never processed").isNull();
    }
}
