package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.disclosureetl.DisclosureEtlApplication;
import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link H2Compaction} on real H2 files: a file mostly garbage is rewritten, a compact one is left alone. */
@Tag(TestKinds.DATABASE)
class H2CompactionTest {

    @TempDir
    Path folder;

    @Test
    void theRuleRewritesOnlyABigFileThatIsLessThanHalfInUse() {
        assertThat(H2Compaction.livePercent(46, 44)).isEqualTo(20);
        assertThat(H2Compaction.worthCompacting(928_202_752L, 20)).isTrue();
        assertThat(H2Compaction.worthCompacting(H2Compaction.MIN_FILE_BYTES, 49)).isTrue();
        assertThat(H2Compaction.worthCompacting(H2Compaction.MIN_FILE_BYTES, 50)).isFalse();
        assertThat(H2Compaction.worthCompacting(H2Compaction.MIN_FILE_BYTES - 1, 1)).isFalse();
    }

    @Test
    void aFileMostlyGarbageIsRewrittenWithItsDataAndThenLeftAlone() throws Exception {
        Path db = folder.resolve("etl");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(DisclosureEtlApplication.h2Url(db), "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(2000))");
        String text = "数".repeat(1000);
        for (int batch = 0; batch < 40; batch++) {
            int from = batch * 1000;
            jdbc.update("INSERT INTO t SELECT X, ? FROM SYSTEM_RANGE(?, ?)", text, from, from + 999);
        }
        jdbc.update("DELETE FROM t WHERE id >= 100");
        Path file = folder.resolve("etl.mv.db");
        long before = Files.size(file);

        assertThat(new H2Compaction(dataSource).compactIfMostlyGarbage()).isTrue();

        assertThat(Files.size(file)).isLessThan(before / 4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t WHERE s = ?", Long.class, text)).isEqualTo(100);
        assertThat(new H2Compaction(dataSource).compactIfMostlyGarbage()).isFalse();
    }

    @Test
    void postgresqlIsLeftToItsOwnHousekeeping() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresServer.newDatabaseUrl());

        assertThat(new H2Compaction(dataSource).compactIfMostlyGarbage()).isFalse();
    }
}
