package org.disclosureetl.extract.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgencyNamesTest {

    @Test
    void everyPlaceOfTheDivisionListFollowedByADepartmentIsAName() throws IOException {
        List<String> notNames = new ArrayList<>();
        int places = 0;
        for (String file : List.of("provinces.csv", "cities.csv", "areas.csv")) {
            for (String place : names(file)) {
                if (place.equals("市辖区") || place.startsWith("省直辖") || place.startsWith("自治区直辖")
                        || place.equals("县")) {
                    continue; // placeholders of the list, no place
                }
                places++;
                if (!AgencyNames.isName(place + "财政局")) {
                    notNames.add(place);
                }
            }
        }
        assertThat(places).isGreaterThan(3_000);
        assertThat(notNames).isEmpty();
    }

    @Test
    void wordsForThisOrEveryPlaceAreNoName() {
        assertThat(AgencyNames.isName("本局")).isFalse();
        assertThat(AgencyNames.isName("本市财政局")).isFalse();
        assertThat(AgencyNames.isName("全市财政局")).isFalse();
        assertThat(AgencyNames.isName("全区各级行政机关")).isFalse();
        assertThat(AgencyNames.isName("我局")).isFalse();
        assertThat(AgencyNames.isName("本溪市财政局")).isTrue();
        assertThat(AgencyNames.isName("全椒县人民政府")).isTrue();
    }

    private static List<String> names(String file) throws IOException {
        try (InputStream in = AgencyNamesTest.class.getResourceAsStream("/reference/divisions/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",")[1].replace("\"", "")).toList();
        }
    }
}
