package org.disclosureetl.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.disclosureetl.vocabulary.ErrorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the failure row of a path that is no regular file says (issue 27): never opened, so a FIFO cannot block. */
class SpecialFilesTest {

    @TempDir
    Path inbox;

    @Test
    void eachKindOfSpecialFileGetsItsOwnReason() throws Exception {
        assertThat(new ProcessBuilder("mkfifo", inbox.resolve("pipe").toString()).start().waitFor()).isZero();
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(inbox.resolve("socket")));
        }
        Files.createSymbolicLink(inbox.resolve("dangling"), Path.of("nowhere.txt"));
        Files.createSymbolicLink(inbox.resolve("loop-a"), Path.of("loop-b"));
        Files.createSymbolicLink(inbox.resolve("loop-b"), Path.of("loop-a"));
        Files.createSymbolicLink(inbox.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(inbox.resolve("to-pipe"), Path.of("pipe"));

        assertThat(skipped("pipe")).isEqualTo(new Discovery.Unreadable("pipe", ErrorType.UNSUPPORTED_TYPE,
                "not a regular file but a named pipe (FIFO): skipped, never opened"));
        assertThat(skipped("socket")).isEqualTo(new Discovery.Unreadable("socket", ErrorType.UNSUPPORTED_TYPE,
                "not a regular file but a socket: skipped, never opened"));
        assertThat(skipped("dangling")).isEqualTo(new Discovery.Unreadable("dangling", ErrorType.FILE_MISSING,
                "a link to nowhere.txt, which does not exist: skipped"));
        assertThat(skipped("loop-a")).isEqualTo(new Discovery.Unreadable("loop-a", ErrorType.READ_ERROR,
                "a link that leads round in a loop of links: skipped"));
        assertThat(skipped("up")).isEqualTo(new Discovery.Unreadable("up", ErrorType.UNSUPPORTED_TYPE,
                "a link to a folder: links to folders are not followed, skipped"));
        assertThat(skipped("to-pipe")).isEqualTo(new Discovery.Unreadable("to-pipe", ErrorType.UNSUPPORTED_TYPE,
                "not a regular file but a named pipe (FIFO): skipped, never opened"));
        if (Files.exists(Path.of("/dev/null"))) {
            assertThat(InboxScanner.notARegularFile(Path.of("/dev"), Path.of("/dev/null"),
                    Files.readAttributes(Path.of("/dev/null"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo(new Discovery.Unreadable("null", ErrorType.UNSUPPORTED_TYPE,
                            "not a regular file but a character device: skipped, never opened"));
        }
    }

    private Discovery.Unreadable skipped(String name) throws Exception {
        Path file = inbox.resolve(name);
        return InboxScanner.notARegularFile(inbox, file,
                Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }
}
