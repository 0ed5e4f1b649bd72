package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.tika.mime.MediaType;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.HostileCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReportParser#route}: a file that starts with the signature of a container (PDF, ZIP, OLE2) goes to a child
 * without Tika's magic rules running over it in this JVM; every file goes where Tika's detection alone sends it.
 */
class ReportParserRouteTest {

    @TempDir
    Path dir;

    private final ReportParser parser = new ReportParser(ParseProperties.defaults());

    @AfterEach
    void close() {
        parser.close();
    }

    @Test
    void everyFixtureAndHostileFileGoesWhereTikasDetectionSendsIt() throws IOException {
        List<Path> files = new ArrayList<>();
        Fixtures.all().forEach(fixture -> files.add(Fixtures.resource(fixture.path())));
        files.add(HostileCorpus.randomBytesPdf(dir));
        files.add(HostileCorpus.truncatedDocx(dir));
        files.add(HostileCorpus.encryptedPdf(dir));
        files.add(HostileCorpus.entityBombXml(dir));
        files.add(HostileCorpus.entityBombDocx(dir));
        files.add(Fixtures.resource("hostile/billion-laughs.xml"));
        files.add(Fixtures.resource("hostile/garden-club.txt"));

        List<String> formats = new ArrayList<>();
        for (Path file : files) {
            assertThat(parser.route(file)).as(file.toString()).isEqualTo(parser.routeByDetection(file));
            formats.add(file.getFileName().toString().replaceAll(".*\\.", ""));
        }
        assertThat(formats).contains("txt", "html", "pdf", "docx", "doc", "xlsx", "xml");
    }

    @Test
    void aContainersSignatureDecidesWhateverTheName() throws IOException {
        Path pdfNamedText = Files.copy(Fixtures.resource("real/B01_hongze-2023.pdf"), dir.resolve("report.txt"));
        Path docxNamedHtml = Files.copy(HostileCorpus.DOCX_002, dir.resolve("report.html"));
        Path textNamedPdf = Files.copy(Fixtures.resource("real/101.txt"), dir.resolve("report.pdf"));

        assertThat(parser.route(pdfNamedText)).isEqualTo(new ReportParser.Route(pdfNamedText, true, null))
                .isEqualTo(parser.routeByDetection(pdfNamedText));
        assertThat(parser.route(docxNamedHtml)).isEqualTo(new ReportParser.Route(docxNamedHtml, true, null))
                .isEqualTo(parser.routeByDetection(docxNamedHtml));
        // no signature: Tika's detection decides, and takes this for text whatever its name
        assertThat(parser.route(textNamedPdf)).isEqualTo(new ReportParser.Route(textNamedPdf, false, MediaType.TEXT_PLAIN));
    }
}
