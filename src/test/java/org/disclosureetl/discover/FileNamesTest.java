package org.disclosureetl.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {

    @TempDir
    Path root;

    @Test
    void utf8NamesStayAsTheyAreAndOtherBytesAreEscapedLosslessly() {
        assertThat(FileNames.decode("2023/中文 报告.txt".getBytes(StandardCharsets.UTF_8))).isEqualTo("2023/中文 报告.txt");
        assertThat(FileNames.decode("报告.txt".getBytes(Charset.forName("GBK")))).isEqualTo("\\xB1\\xA8\\xB8\\xE6.txt");
        assertThat(FileNames.decode(new byte[] {'a', '\\', 'b', (byte) 0xE9})).isEqualTo("a\\\\b\\xE9");
        for (String name : new String[] {"\\xB1\\xA8\\xB8\\xE6.txt", "a\\\\b\\xE9", "中文/x.txt", "tab\there"}) {
            assertThat(FileNames.decode(FileNames.encode(name))).isEqualTo(name);
        }
    }

    @Test
    void aNameResolvesToTheFileWithExactlyThoseBytes() throws Exception {
        byte[] gbk = "报告.txt".getBytes(Charset.forName("GBK"));
        Path folder = Files.createDirectories(root.resolve("子目录"));
        Path file = FileNames.resolve(root, "子目录/" + FileNames.decode(gbk));
        Files.writeString(file, "x");

        assertThat(file.getParent()).isEqualTo(folder);
        assertThat(FileNames.relativeName(root, file)).isEqualTo("子目录/\\xB1\\xA8\\xB8\\xE6.txt");
        assertThat(FileNames.bytes(file)).endsWith(gbk);
    }
}
