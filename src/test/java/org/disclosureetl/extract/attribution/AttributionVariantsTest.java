package org.disclosureetl.extract.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.extract.ReportIdentity;
import org.disclosureetl.testsupport.ReportPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One real report under five other title shapes ({@code attribution/README.md}): the agency and year
 * each shape gives, and the same cells as the original whatever the title.
 */
class AttributionVariantsTest {

    private static final String FOLDER = "attribution/variants/";

    private final ReportPipeline pipeline = ReportPipeline.shared();

    private List<String> originalCells;

    @BeforeEach
    void readOriginal() throws IOException {
        Extraction original = pipeline.extract("real/103.txt");
        assertThat(original.identity()).isEqualTo(new ReportIdentity("平潭综合实验区公安局", 2022, true));
        originalCells = cells(original);
        assertThat(originalCells).hasSize(200);
    }

    private static List<String> cells(Extraction extraction) {
        return extraction.observations().stream()
                .map(o -> o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode() + "=" + o.value())
                .toList();
    }

    private Extraction variant(String file, ReportIdentity expected) throws IOException {
        Extraction extraction = pipeline.extract(FOLDER + file);
        assertThat(extraction.identity()).as(file).isEqualTo(expected);
        assertThat(cells(extraction)).as(file).isEqualTo(originalCells);
        return extraction;
    }

    @Test
    void markdownHeadingWrappedWithTheYearFirst() throws IOException {
        variant("103-markdown-wrapped-year-first.md", new ReportIdentity("平潭综合实验区公安局", 2022, true));
    }

    @Test
    void titleOnlyInThePageTitleUnderABreadcrumb() throws IOException {
        variant("103-page-title-breadcrumb.html", new ReportIdentity("平潭综合实验区公安局", 2022, true));
    }

    @Test
    void crawlerTitleCutShortWithAPublicationDate() throws IOException {
        variant("103-crawler-title-cut-short.txt", new ReportIdentity("平潭综合实验区公安局", 2022, true));
    }

    @Test
    void pictureVersionOfTheReportVariant() throws IOException {
        variant("103-picture-version.txt", new ReportIdentity("平潭综合实验区公安局", 2022, true));
    }

    @Test
    void noTitleTheProseGivesTheYearAndNothingTheAgency() throws IOException {
        // 一、总体情况2022年，在区管委会办公室…的有力指导下，我局…: the year, but only 我局
        Extraction extraction = variant("103-body-only.txt", new ReportIdentity(null, 2022, false));
        assertThat(extraction.findings()).extracting(Finding::rule).contains("agency_unknown")
                .doesNotContain("year_unknown");
    }
}
