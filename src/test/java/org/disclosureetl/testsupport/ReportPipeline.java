package org.disclosureetl.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.ReportExtractor;
import org.disclosureetl.extract.TemplateCatalog;
import org.disclosureetl.normalize.DocumentNormalizer;
import org.disclosureetl.normalize.ScriptNormalizer;
import org.disclosureetl.normalize.TextNormalizer;
import org.disclosureetl.normalize.WidthNormalizer;
import org.disclosureetl.parse.ParseProperties;
import org.disclosureetl.parse.ParsedDocument;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.validate.ReportValidator;

/**
 * The application's parse, normalize, extract and validate stages chained for tests that score reports
 * without the job, built as the application builds them but without Spring ({@link #shared()}): the accuracy
 * tests then need no application context. Tika runs in this JVM (the application forks for PDF and Office
 * files; parse/ForkEquivalenceTest holds the two to the same blocks).
 */
public final class ReportPipeline {

    private final ReportParser parser;
    private final DocumentNormalizer normalizer;
    private final ReportExtractor extractor;
    private final ReportValidator validator;

    public ReportPipeline(ReportParser parser, DocumentNormalizer normalizer, ReportExtractor extractor,
                          ReportValidator validator) {
        this.parser = parser;
        this.normalizer = normalizer;
        this.extractor = extractor;
        this.validator = validator;
    }

    /** One pipeline for every test of the JVM: the catalogue and the script tables are read once. */
    public static ReportPipeline shared() {
        return Shared.PIPELINE;
    }

    /** Initialized on first use (the class-holder idiom), then never changed. */
    private static final class Shared {
        static final ReportPipeline PIPELINE = build();

        private static ReportPipeline build() {
            TemplateCatalog catalog = new TemplateCatalog();
            return new ReportPipeline(
                    new ReportParser(ParseProperties.defaults().withIsolation(ParseProperties.Isolation.IN_PROCESS)),
                    new DocumentNormalizer(new TextNormalizer(new WidthNormalizer(), new ScriptNormalizer())),
                    new ReportExtractor(catalog), new ReportValidator(catalog));
        }
    }

    public Extraction extract(Path file) throws IOException {
        return extractor.extract(normalizer.normalize(parser.parse(file)), file.getFileName().toString());
    }

    /** A document already parsed (a record of a crawler export, say). */
    public Extraction extract(ParsedDocument parsed) {
        return extractor.extract(normalizer.normalize(parsed));
    }

    /** A test resource, e.g. {@code seeds/002_2bd72b0ede0a148a.txt}. */
    public Extraction extract(String resource) throws IOException {
        return extract(Fixtures.resource(resource));
    }

    /** What validation_issues.csv holds for the document: the extractor's doubts, then the broken identities. */
    public List<Finding> findings(Extraction extraction) {
        List<Finding> findings = new ArrayList<>(extraction.findings());
        findings.addAll(validator.validate(extraction.identities(), extraction.observations()));
        return findings;
    }
}
