package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The command lines of review and apply-corrections, the one command that takes a plain argument (FILE). */
class CommandSpecTest {

    @Test
    void applyCorrectionsTakesExactlyOneFile() throws Exception {
        assertThat(CommandSpec.parse(new String[] {"apply-corrections", "review.xlsx", "--by=li", "--force"}).command())
                .isEqualTo(CommandSpec.APPLY_CORRECTIONS);
        assertThatThrownBy(() -> CommandSpec.parse(new String[] {"apply-corrections", "--by=li"}))
                .hasMessage("apply-corrections needs FILE: apply-corrections FILE (see apply-corrections --help)");
        assertThatThrownBy(() -> CommandSpec.parse(new String[] {"apply-corrections", "a.xlsx", "b.xlsx"}))
                .hasMessageStartingWith("unexpected argument 'b.xlsx'");
        assertThatThrownBy(() -> CommandSpec.parse(new String[] {"export", "a.xlsx"}))
                .hasMessageStartingWith("unexpected argument 'a.xlsx'");
        assertThat(CommandSpec.APPLY_CORRECTIONS.help())
                .startsWith("usage: java -jar target/disclosure-etl.jar apply-corrections FILE [--by=NAME] [--force]");
    }

    @Test
    void reviewTakesTheFiltersOfExport() throws Exception {
        assertThat(CommandSpec.parse(new String[] {"review", "--year=2019", "--region=3501", "--table=proactive"})
                .command()).isEqualTo(CommandSpec.REVIEW);
        assertThatThrownBy(() -> CommandSpec.parse(new String[] {"review", "--year=last"}))
                .hasMessage("--year must be a whole number, not 'last'");
        assertThatThrownBy(() -> CommandSpec.parse(new String[] {"review", "--format=xlsx"}))
                .hasMessageStartingWith("unknown option --format for review");
    }

    @Test
    void anAnswerIsAPlainNumber() {
        assertThat(ApplyCorrectionsCommand.number("35")).isEqualTo(new BigDecimal("35"));
        assertThat(ApplyCorrectionsCommand.number(" 1,234 ")).isEqualTo(new BigDecimal("1234"));
        assertThat(ApplyCorrectionsCommand.number("-12.5")).isEqualTo(new BigDecimal("-12.5"));
        assertThat(ApplyCorrectionsCommand.number("twelve")).isNull();
        assertThat(ApplyCorrectionsCommand.number("3|35")).isNull();
        assertThat(ApplyCorrectionsCommand.number("1e3")).isNull();
    }
}
