package org.disclosureetl.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.disclosureetl.vocabulary.ResourceCsv;
import org.springframework.stereotype.Component;

/**
 * China's administrative divisions ({@code reference/divisions/}: provinces, cities, areas, copied
 * from modood/Administrative-divisions-of-China, see its README) plus our {@code aliases.csv}, as a
 * lookup from a full place name to the units of that name. Immutable once built.
 */
@Component
public class DivisionList {

    private static final String FOLDER = "reference/divisions/";

    private final Map<String, Division> byCode = new HashMap<>();
    private final Map<String, List<Division>> byName = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final int longestName;

    public DivisionList() {
        for (Map<String, String> r : ResourceCsv.read(FOLDER + "provinces.csv")) {
            add(new Division(r.get("code"), r.get("name")), true);
        }
        for (Map<String, String> r : ResourceCsv.read(FOLDER + "cities.csv")) {
            // 市辖区, 县 and 省直辖县级行政区划 group units of a province; they are not places anyone is named after
            add(new Division(r.get("code"), r.get("name")), !isPlaceholder(r.get("name")));
        }
        for (Map<String, String> r : ResourceCsv.read(FOLDER + "areas.csv")) {
            Division area = new Division(r.get("code"), r.get("name"));
            Division city = byCode.get(r.get("cityCode"));
            // 东莞市 is listed as city 4419 and again as area 441900: the same unit, named as the prefecture
            boolean sameAsCity = city != null && city.name().equals(area.name()) && area.code().endsWith("00");
            add(area, !sameAsCity);
        }
        int longest = 0;
        for (Map<String, String> r : ResourceCsv.read(FOLDER + "aliases.csv")) {
            Division target = byCode.get(r.get("code"));
            if (target == null) {
                throw new IllegalStateException("aliases.csv: " + r.get("alias") + " names unknown code " + r.get("code"));
            }
            aliases.put(r.get("alias"), target.code());
            byName.computeIfAbsent(r.get("alias"), k -> new ArrayList<>()).add(target);
        }
        for (String name : byName.keySet()) {
            longest = Math.max(longest, name.length());
        }
        this.longestName = longest;
    }

    static boolean isPlaceholder(String name) {
        return name.equals("市辖区") || name.equals("县") || name.contains("直辖县级行政区划");
    }

    private void add(Division division, boolean named) {
        byCode.put(division.code(), division);
        if (named) {
            byName.computeIfAbsent(division.name(), k -> new ArrayList<>()).add(division);
        }
    }

    /** The units a full name (or alias) stands for; empty when none. */
    public List<Division> named(String name) {
        return List.copyOf(byName.getOrDefault(name, List.of()));
    }

    public Division byCode(String code) {
        return byCode.get(code);
    }

    /** Aliases (aliases.csv) and the code each stands for. */
    public Map<String, String> aliases() {
        return Map.copyOf(aliases);
    }

    /** The longest name at {@code offset} of {@code text} that names a unit, or null. */
    public String longestNameAt(String text, int offset) {
        for (int end = Math.min(text.length(), offset + longestName); end > offset; end--) {
            String candidate = text.substring(offset, end);
            if (byName.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The name of a unit, or "" for a code that is absent or a grouping placeholder (市辖区). */
    public String placeName(String code) {
        Division division = byCode.get(code);
        return division == null || isPlaceholder(division.name()) ? "" : division.name();
    }
}
