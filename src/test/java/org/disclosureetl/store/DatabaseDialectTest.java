package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DatabaseDialectTest {

    @Test
    void theTwoDatabasesTheJobRunsOn() {
        assertThat(DatabaseDialect.of("jdbc:h2:file:/tmp/db/etl;WRITE_DELAY=0")).isEqualTo(DatabaseDialect.H2);
        assertThat(DatabaseDialect.of("jdbc:postgresql://localhost:5432/etl")).isEqualTo(DatabaseDialect.POSTGRESQL);
        assertThat(DatabaseDialect.POSTGRESQL.shared()).isTrue();
        assertThat(DatabaseDialect.H2.shared()).isFalse();
    }

    @Test
    void anyOtherVendorIsRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseDialect.of("jdbc:mysql://localhost/etl"))
                .withMessage("unsupported database 'mysql' in jdbc:mysql://localhost/etl:"
                        + " --db takes an H2 file path or a jdbc:postgresql: URL");
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseDialect.of("jdbc:oracle:thin:@db:1521/x"))
                .withMessageStartingWith("unsupported database 'oracle'");
    }
}
