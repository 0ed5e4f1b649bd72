package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: a pre-2019 Fujian 统计表 with 年度 and 历年累计 columns run together, where the prose names a
 * split the column sums do not favour, ended the whole document with an exception from the solver. The
 * whole extractor reads it now: every cell right, or empty and flagged where the text does not fix it.
 */
class RunTogetherStatisticsReportTest {

    private static final String REPORT = "solver/fujian-2012-statistics-run-together.txt";

    @Test
    void everyCellIsReadOrFlaggedAndNoExceptionEndsTheDocument() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.resource(REPORT), StandardCharsets.UTF_8);
        Extraction extraction = new ReportExtractor(new TemplateCatalog())
                .extract(TextDocuments.lines(lines.toArray(String[]::new)), "fujian-2012-statistics-run-together.txt");

        assertThat(extraction.status()).isEqualTo(DocumentStatus.EXTRACTED);
        assertThat(extraction.formatVersion()).isEqualTo("legacy");
        assertThat(extraction.observations()).extracting(Observation::rowCode, Observation::columnCode, o -> plain(o))
                .containsExactly(
                        tuple("proactive.published", "value", "2026"),
                        tuple("proactive.published", "cumulative", "3542"),
                        tuple("proactive.channels.website", "value", null),
                        tuple("proactive.channels.website", "cumulative", null),
                        tuple("proactive.channels.gazette", "value", null),
                        tuple("proactive.channels.gazette", "cumulative", null),
                        tuple("requests.received", "value", "7"),
                        tuple("requests.received", "cumulative", "28"),
                        tuple("requests.received.in_person", "value", "3"),
                        tuple("requests.received.in_person", "cumulative", "11"),
                        tuple("requests.received.fax", "value", "0"),
                        tuple("requests.received.fax", "cumulative", "0"),
                        tuple("x.requests_received_email", "value", "1"),
                        tuple("x.requests_received_email", "cumulative", "2"),
                        tuple("requests.received.online", "value", "3"),
                        tuple("requests.received.online", "cumulative", "15"),
                        tuple("requests.received.letter", "value", "0"),
                        tuple("requests.received.letter", "cumulative", "0"),
                        tuple("requests.received.other", "value", "0"),
                        tuple("requests.received.other", "cumulative", "0"),
                        tuple("requests.answered", "value", "7"),
                        tuple("requests.answered", "cumulative", "28"),
                        tuple("requests.answered.granted", "value", "6"),
                        tuple("requests.answered.granted", "cumulative", "21"),
                        tuple("requests.answered.partially_granted", "value", "0"),
                        tuple("requests.answered.partially_granted", "cumulative", "1"),
                        tuple("requests.answered.refused", "value", "1"),
                        tuple("requests.answered.refused", "cumulative", "6"),
                        tuple("review", "value", "0"),
                        tuple("review", "cumulative", "0"),
                        tuple("litigation", "value", "0"),
                        tuple("litigation", "cumulative", "0"),
                        tuple("complaints", "value", "0"),
                        tuple("complaints", "cumulative", "0"));
        // the cells left empty are each named, with the value every reading gives them
        assertThat(extraction.findings()).filteredOn(f -> f.tableCode() != null)
                .extracting(Finding::rule, Finding::rowCode, Finding::columnCode, Finding::expected).containsExactly(
                        tuple("split_run_together", "proactive.published", null, null),
                        tuple("ambiguous_reading", "proactive.channels.website", "value", "1|190|1903"),
                        tuple("ambiguous_reading", "proactive.channels.website", "cumulative", "9033041|33041|3041"),
                        tuple("ambiguous_reading", "proactive.channels.gazette", "value", "1|12"),
                        tuple("ambiguous_reading", "proactive.channels.gazette", "cumulative", "2500|500"));
        assertThat(extraction.findings().stream().filter(f -> "split_run_together".equals(f.rule())).findFirst()
                .orElseThrow().message()).endsWith("read as 2026 3542, decided by the report's own text"
                + " (全区主动公开政府信息2026条)");
    }

    private static String plain(Observation o) {
        return CellValue.plain(o.value());
    }
}
