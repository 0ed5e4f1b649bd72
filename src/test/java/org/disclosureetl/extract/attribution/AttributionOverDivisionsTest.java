package org.disclosureetl.extract.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.extract.ReportIdentity;
import org.disclosureetl.extract.TextDocuments;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every place of the division list as the agency's place, in the title shapes of the sample inbox's reports: a title
 * line under a breadcrumb that names the department alone, an agency line above a spaced title, and a prose sentence
 * that repeats the name. Names starting with words that also mean "this" or "every" (本溪市, 全椒县) once lost their
 * agency; the bench's renamed copies found them (bench/README.md "The corpus"). 6,600 documents, a few seconds.
 */
@Tag(TestKinds.ACCURACY)
class AttributionOverDivisionsTest {

    private static final List<String> DEPARTMENTS = List.of("财政局", "粮食和物资储备局", "卫生健康委员会",
            "人民防空办公室", "供销合作社联合社");

    private final Attributor attributor = new Attributor();

    @Test
    void everyPlaceWithEachDepartmentInEachTitleShape() throws IOException {
        List<String> wrong = new ArrayList<>();
        int documents = 0;
        for (String file : List.of("cities.csv", "areas.csv")) {
            for (String place : names(file)) {
                if (place.equals("市辖区") || place.startsWith("省直辖") || place.startsWith("自治区直辖")
                        || place.equals("县") || place.contains("的")) {
                    continue; // placeholders of the list, and 中沙群岛的岛礁及其海域, which names no agency's place
                }
                String department = DEPARTMENTS.get(documents % DEPARTMENTS.size());
                String agency = place + department;
                List<List<String>> shapes = List.of(
                        List.of("您当前的位置: 区" + department + ">政务公开>政府信息公开年报", "",
                                agency + "2020年政府信息公开工作年度报告", "", "日期:2021-01-29", "",
                                "本报告根据《中华人民共和国政府信息公开条例》要求,对以" + agency
                                        + "名义开展政府信息公开工作的情况进行报告。", "一、总体情况"),
                        List.of("", agency, "", agency + " 2020 年度政府信息公开 工作年度报告", "",
                                "一、总体情况"));
                for (List<String> lines : shapes) {
                    documents++;
                    ReportIdentity identity = attributor.attribute(TextDocuments.lines(lines.toArray(String[]::new))
                            .lines(), null).identity();
                    if (!agency.equals(identity.agency()) || !Integer.valueOf(2020).equals(identity.reportYear())) {
                        wrong.add(agency + " -> " + identity.agency() + " " + identity.reportYear());
                    }
                }
            }
        }
        assertThat(documents).isGreaterThan(6_000);
        assertThat(wrong).isEmpty();
    }

    private static List<String> names(String file) throws IOException {
        try (InputStream in = getResource(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",")[1].replace("\"", "")).toList();
        }
    }

    private static InputStream getResource(String file) {
        return AttributionOverDivisionsTest.class.getResourceAsStream("/reference/divisions/" + file);
    }
}
