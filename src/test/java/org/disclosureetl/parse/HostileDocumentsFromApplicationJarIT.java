package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.disclosureetl.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@link HostileDocumentsTest}'s files through children started as {@code bin/disclosure-etl} starts them: on
 * the folder of the packaged application ({@code target/disclosure-etl-app}), with its class-data archive. The
 * failures must come back the same (through {@link BlockCodec}, not as exceptions), and the children must load
 * the parsers from the archive.
 */
class HostileDocumentsFromApplicationJarIT extends HostileDocumentsTest {

    private static final Path APPLICATION = Path.of("target/disclosure-etl-app").toAbsolutePath();
    private static final Path ARCHIVE = APPLICATION.resolve("disclosure-etl.jsa");

    @Override
    ChildJvm childJvm() {
        assertThat(APPLICATION.resolve("disclosure-etl.jar")).as("the packaged application (mvn package)").isRegularFile();
        return new ChildJvm(Optional.of(APPLICATION), Files.isRegularFile(ARCHIVE)
                ? List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:auto",
                        "-Xlog:class+load=info:file=" + classLogs().resolve("child-%p.log"))
                : List.of());
    }

    @Test
    void aReportParsesAsInTheParentAndItsParserComesFromTheArchive() throws IOException {
        assumeThat(ARCHIVE).as("the class-data archive (not built with -Dcds.skip)").isRegularFile();
        Path report = Fixtures.resource("fixtures/formats/pdf/000_e61bf2b8057539f0.pdf");
        try (ReportParser inProcess = new ReportParser(
                ParseProperties.defaults().withIsolation(ParseProperties.Isolation.IN_PROCESS))) {
            assertThat(parser().parse(report)).isEqualTo(inProcess.parse(report));
        }

        List<String> loaded;
        try (Stream<Path> logs = Files.list(classLogs())) {
            loaded = logs.flatMap(HostileDocumentsFromApplicationJarIT::lines).toList();
        }
        // the server class from the application's libraries: the child was started on the application's folder
        assertThat(loaded).anyMatch(l -> l.matches(".* org\\.apache\\.tika\\.fork\\.ForkServer source: file:"
                + Pattern.quote(APPLICATION.resolve("lib").toString()) + "/tika-core-[^/]+\\.jar"));
        assertThat(loaded).anyMatch(l -> l.endsWith(" org.apache.pdfbox.pdfparser.PDFParser source: shared objects file (top)"));
        assertThat(loaded).anyMatch(l -> l.endsWith(" org.disclosureetl.parse.BlockCollector source: shared objects file (top)"));
    }

    private Path classLogs() {
        try {
            return Files.createDirectories(dir.resolve("class-logs"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<String> lines(Path log) {
        try {
            return Files.readAllLines(log).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
