package org.disclosureetl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.disclosureetl.extract.FindingRule;
import org.disclosureetl.extract.TemplateCatalog;
import org.disclosureetl.region.Division;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.vocabulary.FailureStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exported codes do not depend on the machine's locale: under a Turkish default locale the lower case
 * of {@code I} is a dotless {@code ı}, so {@code ROW_MISSING} would be written {@code row_mıssıng}.
 */
class TurkishLocaleTest {

    private Locale before;

    @BeforeEach
    void turkish() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void everyExportedCodeIsPlainAscii() {
        List<String> codes = new ArrayList<>();
        for (FindingRule rule : FindingRule.values()) {
            codes.add(rule.code());
        }
        for (ErrorType type : ErrorType.values()) {
            codes.add(type.code());
        }
        for (DocumentStatus status : DocumentStatus.values()) {
            codes.add(status.code());
        }
        for (FailureStep step : FailureStep.values()) {
            codes.add(step.code());
        }
        for (Division.Level level : Division.Level.values()) {
            codes.add(level.code());
        }
        assertThat(codes).allSatisfy(code -> assertThat(code).matches("[a-z_]+"));
        assertThat(FindingRule.ROW_MISSING.code()).isEqualTo("row_missing");
        assertThat(ErrorType.EXTRACT_ERROR.code()).isEqualTo("extract_error");
    }

    @Test
    void theTemplateCatalogueLoads() {
        TemplateCatalog catalog = new TemplateCatalog();
        assertThat(catalog.tables("2021")).extracting(t -> t.layout().name()).contains("ROWS");
        assertThat(catalog.identities("legacy")).isNotEmpty();
    }
}
