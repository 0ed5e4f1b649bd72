package org.disclosureetl.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.ReportExtractor;
import org.disclosureetl.normalize.DocumentNormalizer;
import org.disclosureetl.parse.ParsedDocument;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.validate.ReportValidator;

/**
 * The application's parse, normalize, extract and validate beans chained for tests that score reports
 * without the job ({@code @Import(ReportPipeline.class)} and autowire it).
 */
public class ReportPipeline {

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
