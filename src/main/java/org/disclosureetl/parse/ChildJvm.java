package org.disclosureetl.parse;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a parser child JVM gets its classes from.
 * <ul>
 * <li>{@link #applicationFolder()} present: the child starts on the folder of the application's own jar
 * ({@code -cp folder/*}, the jar's manifest names the libraries) and builds its parser with
 * {@link ForkChildParserFactory}. It loads classes from disk, and from this process's class-data archive when
 * {@link #options()} name one: the same class path makes the archive valid in the child too.</li>
 * <li>empty: ForkParser's bootstrap jar; the child asks this JVM for every class over the pipe, one at a time.
 * That is all the fat jar ({@code java -jar target/disclosure-etl.jar}, whose libraries are nested) and the test
 * class path allow, and what tests use to run their own parsers in a child.</li>
 * </ul>
 *
 * @param options extra JVM options for the child (the class-data archive)
 */
record ChildJvm(Optional<Path> applicationFolder, List<String> options) {

    /** Children that get their classes over the pipe from this JVM. */
    static final ChildJvm OVER_THE_PIPE = new ChildJvm(Optional.empty(), List.of());

    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

    ChildJvm {
        options = List.copyOf(options);
    }

    /**
     * As this process runs: from the application's folder with this process's class-data archive when it runs
     * from a plain jar on disk ({@code bin/disclosure-etl}), else {@link #OVER_THE_PIPE}.
     */
    static ChildJvm ofThisProcess() {
        Optional<Path> folder = applicationJar().map(Path::getParent);
        if (folder.isEmpty()) {
            return OVER_THE_PIPE;
        }
        List<String> options = new ArrayList<>();
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith(ARCHIVE_OPTION)) {
                options.add(argument);
                options.add("-Xshare:auto"); // an archive that does not fit is ignored, as in the parent
            }
        }
        return new ChildJvm(folder, options);
    }

    /** The jar this class was loaded from, if it is a plain jar file (not one nested in the fat jar, not a folder). */
    private static Optional<Path> applicationJar() {
        CodeSource source = ChildJvm.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        URL location = source.getLocation();
        if (!"file".equals(location.getProtocol())) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(location.toURI());
            return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")
                    ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
