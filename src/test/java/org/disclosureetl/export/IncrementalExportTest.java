package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The export of a run follows the change (issue 11): an unchanged database writes no file, a few
 * changed documents are rendered alone and the others' rows copied from their fragments, and the
 * result is byte for byte the full export of the database. An export that fails or is filtered
 * leaves no manifest, so the next run exports again.
 */
@IngestDatabaseTest
class IncrementalExportTest {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job ingestJob;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    Exports exports;

    @TempDir
    Path input;
    @TempDir
    Path output;
    @TempDir
    Path work;

    @BeforeEach
    void emptyDatabase() {
        for (String table : List.of("observation", "validation_issue", "failure", "document", "source_file")) {
            jdbcTemplate.update("DELETE FROM " + table);
        }
    }

    @Test
    void anUnchangedRunWritesNothingAndAChangedOneRendersOnlyTheChange() throws Exception {
        List<String> seeds = Fixtures.seedNames();
        for (String seed : seeds) {
            Files.copy(Fixtures.resource("seeds/" + seed), input.resolve(seed));
        }
        Files.writeString(input.resolve("notes.txt"), "Minutes of the weekly meeting.\nNothing to report.\n");
        Files.write(input.resolve("empty.pdf"), new byte[0]);
        run();
        Map<String, Object> csvBefore = identities(output, CsvExporter.FILES);
        Path cells = fragments("observations.csv");
        Map<String, Object> fragmentsBefore = identities(cells, listing(cells));
        assertThat(fragmentsBefore).hasSize(seeds.size());

        run();

        assertThat(identities(output, CsvExporter.FILES)).as("no CSV file rewritten").isEqualTo(csvBefore);
        assertSameBytesAsAFullExport();

        // one report changed, one new, one deleted
        String changed = seeds.get(1);
        String changedId = documentIdOf(changed);
        Files.writeString(input.resolve(changed), Files.readString(input.resolve(changed)) + "\n附:本报告另有说明。\n");
        Files.copy(Fixtures.resource("real/101.txt"), input.resolve("101.txt"));
        Files.delete(input.resolve(seeds.get(2)));
        run();

        assertSameBytesAsAFullExport();
        Map<String, Object> fragmentsAfter = identities(cells, listing(cells));
        assertThat(fragmentsAfter).hasSize(seeds.size() + 1); // the deleted file's rows are kept
        String oldFragment = fragmentsBefore.keySet().stream().filter(n -> n.startsWith(changedId)).findFirst()
                .orElseThrow();
        assertThat(fragmentsAfter).doesNotContainKey(oldFragment);
        fragmentsBefore.remove(oldFragment);
        // the unchanged documents' rows were copied, not rendered again: their fragments are the same files
        assertThat(fragmentsAfter).containsAllEntriesOf(fragmentsBefore);
    }

    @Test
    void theFirstRunOfABuildWithOtherColumnsRewritesEverything() throws Exception {
        for (String seed : Fixtures.seedNames()) {
            Files.copy(Fixtures.resource("seeds/" + seed), input.resolve(seed));
        }
        run();
        // what the build before the derived version left: its manifest format and its fragment folder
        Path state = output.resolve(".export");
        Path manifest = state.resolve("manifest.properties");
        Files.writeString(manifest, Files.readString(manifest).replace("format=" + ExportManifest.FORMAT, "format=3"));
        Files.move(state.resolve(FragmentCache.VERSION), state.resolve("fragments-v1"));
        Map<String, Object> csvBefore = identities(output, CsvExporter.FILES);

        run();

        Map<String, Object> csvAfter = identities(output, CsvExporter.FILES);
        for (String file : CsvExporter.FILES) {
            assertThat(csvAfter.get(file)).as(file + " rewritten").isNotEqualTo(csvBefore.get(file));
        }
        assertThat(listing(fragments("observations.csv"))).hasSize(Fixtures.seedNames().size());
        assertThat(listing(state)).containsExactly(FragmentCache.VERSION, "manifest.properties");
        assertSameBytesAsAFullExport();
    }

    @Test
    void aFilteredOrFailedExportLeavesNoManifestSoTheNextRunExportsAgain() throws Exception {
        for (String seed : Fixtures.seedNames()) {
            Files.copy(Fixtures.resource("seeds/" + seed), input.resolve(seed));
        }
        run();
        Path manifest = output.resolve(".export/manifest.properties");
        assertThat(manifest).exists();

        exports.export(output, new ExportFilter(null, "金融工作", null, null), ExportOptions.CSV);
        assertThat(manifest).doesNotExist();
        assertThat(exports.exportIfChanged(output).written()).isTrue();
        assertSameBytesAsAFullExport();
        assertThat(exports.exportIfChanged(output).written()).isFalse();

        // an export that dies midway (here: a worker cannot write its part) vouches for nothing
        Path blocker = Files.createDirectories(output.resolve(".observations.csv.part00001.tmp"));
        Files.writeString(blocker.resolve("keep"), "not the exporter's");
        assertThatThrownBy(() -> exports.export(output, ExportFilter.ALL, ExportOptions.CSV))
                .isInstanceOf(FileSystemException.class);
        assertThat(manifest).doesNotExist();
        Files.delete(blocker.resolve("keep"));
        Files.delete(blocker);
        assertThat(exports.exportIfChanged(output).written()).isTrue();
        assertSameBytesAsAFullExport();
    }

    @Test
    void agencyIsASubstringAndRegionAPrefixWithoutWildcards() throws Exception {
        for (String seed : Fixtures.seedNames()) {
            Files.copy(Fixtures.resource("seeds/" + seed), input.resolve(seed));
        }
        run();
        Path filtered = work.resolve("filtered");

        // 肇庆市金融工作局, 湛河区金融工作局, 定陶区金融工作办公室, 东莞市金融工作局: inside the name, not its start
        exports.export(filtered, new ExportFilter(null, "金融工作", null, null), ExportOptions.CSV);
        assertThat(sourceFiles(filtered)).containsExactly("000_e61bf2b8057539f0.txt", "002_2bd72b0ede0a148a.txt",
                "003_1c21803a08480ac6.txt", "004_48ee5ca18b0bc9b0.txt");
        exports.export(filtered, new ExportFilter(null, "_", null, null), ExportOptions.CSV);
        assertThat(sourceFiles(filtered)).isEmpty();
        exports.export(filtered, new ExportFilter(null, "%", null, null), ExportOptions.CSV);
        assertThat(sourceFiles(filtered)).isEmpty();
        exports.export(filtered, new ExportFilter(null, null, "广东", null), ExportOptions.CSV);
        assertThat(sourceFiles(filtered)).containsExactly("000_e61bf2b8057539f0.txt", "004_48ee5ca18b0bc9b0.txt");
        exports.export(filtered, new ExportFilter(null, null, "东省", null), ExportOptions.CSV);
        assertThat(sourceFiles(filtered)).isEmpty();
    }

    private List<String> sourceFiles(Path folder) {
        return Fixtures.readCsv(folder.resolve("documents.csv")).stream().map(r -> r.get("source_file")).toList();
    }

    private void run() throws Exception {
        JobExecution execution = jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(input, output, System.nanoTime()));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** The run's files against an export from the database alone (no fragments) into a fresh folder. */
    private void assertSameBytesAsAFullExport() throws IOException {
        Path reference = Files.createTempDirectory(work, "reference");
        new CsvExporter(jdbcTemplate, 1, CsvExporter.MAX_SLICE).export(reference, ExportFilter.ALL);
        List<CSVRecord> documents = Fixtures.readCsv(reference.resolve("documents.csv"));
        assertThat(documents).isNotEmpty();
        for (String file : CsvExporter.FILES) {
            assertThat(Files.readAllBytes(output.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(reference.resolve(file)));
        }
    }

    private String documentIdOf(String path) {
        return jdbcTemplate.queryForObject("SELECT document_id FROM source_file WHERE path = ?", String.class, path);
    }

    private Path fragments(String file) {
        return output.resolve(".export").resolve(FragmentCache.VERSION).resolve(file);
    }

    /** Each file's identity (inode) and modification time: a rewritten file has a new one. */
    private static Map<String, Object> identities(Path folder, List<String> files) throws IOException {
        Map<String, Object> identities = new TreeMap<>();
        for (String file : files) {
            BasicFileAttributes attributes = Files.readAttributes(folder.resolve(file), BasicFileAttributes.class);
            identities.put(file, List.of(attributes.fileKey(), attributes.lastModifiedTime()));
        }
        return identities;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
