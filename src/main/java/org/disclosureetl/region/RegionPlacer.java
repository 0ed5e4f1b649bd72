package org.disclosureetl.region;

import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.normalize.TextNormalizer;
import org.springframework.stereotype.Component;

/**
 * Places a report's agency in the division list: a pure function of the agency name and the report's
 * title/opening text, applied when a document is stored.
 *
 * <p>An agency name is read as a chain of place names from its start, each the longest full name
 * (or alias) of the list found there (淮安市 洪泽区 | 人民政府; 平潭综合实验区 | 公安局); each link must
 * lie inside the one before. The deepest link is the agency's unit. A name that several units share
 * (鼓楼区: Nanjing, Xuzhou, Fuzhou, Kaifeng) is settled by the link before it, else by the
 * report text naming exactly one of their prefectures or provinces; otherwise the agency stays
 * unplaced. So is an agency that starts with no listed name: nothing is guessed from the text alone.
 */
@Component
public class RegionPlacer {

    public static final String UNPLACED = "region_unplaced";
    public static final String AMBIGUOUS = "region_ambiguous";

    private final DivisionList divisions;
    private final TextNormalizer normalizer;

    public RegionPlacer(DivisionList divisions, TextNormalizer normalizer) {
        this.divisions = divisions;
        this.normalizer = normalizer;
    }

    /**
     * @param agency  the agency as extracted (any script, any width); null or blank gives null
     * @param context the report's title and opening lines, used only to tell apart units of one name
     * @return the placement, or null when there is no agency to place
     */
    public Placement place(String agency, String context) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        String name = normalizer.normalize(agency).replaceAll("\\s+", "");
        String text = context == null ? "" : normalizer.normalize(context);
        Division unit = null;
        int offset = 0;
        while (offset < name.length()) {
            String place = divisions.longestNameAt(name, offset);
            if (place == null) {
                break;
            }
            List<Division> candidates = new ArrayList<>();
            for (Division d : divisions.named(place)) {
                if (unit == null || unit.contains(d)) {
                    candidates.add(d);
                }
            }
            if (candidates.size() > 1) {
                candidates = mentionedIn(candidates, text);
            }
            if (candidates.isEmpty()) {
                return Placement.unplaced(name, UNPLACED, "'" + place + "' in agency '" + agency
                        + "' does not lie in " + (unit == null ? "any listed unit" : unit.name() + " (" + unit.code() + ")"));
            }
            if (candidates.size() > 1) {
                return Placement.unplaced(name, AMBIGUOUS, "'" + place + "' in agency '" + agency + "' is "
                        + candidates.stream().map(d -> d.code() + " " + parentNames(d)).toList()
                        + " and neither the agency nor the title says which");
            }
            unit = candidates.get(0);
            offset += place.length();
        }
        if (unit == null) {
            return Placement.unplaced(name, UNPLACED, "agency '" + agency + "' starts with no place of the division list");
        }
        String code = unit.code();
        String county = unit.level() == Division.Level.COUNTY ? unit.name() : "";
        String prefecture = code.length() >= 4 ? divisions.placeName(code.substring(0, 4)) : "";
        return new Placement(code, unit.level().code(), divisions.placeName(code.substring(0, 2)), prefecture, county,
                code + "/" + name.substring(offset), null, null);
    }

    /**
     * Places an agency an analyst named, with the unit of the division list the analyst gave (apply-corrections):
     * the agency's own place names when they lie in that unit (its names settle a name several units share), else
     * the unit itself, the whole name the body (an agency that names no place: 公安局).
     *
     * @param regionCode a code of the division list ({@link DivisionList#byCode}); null places by the name alone
     * @return the placement; unplaced (problem {@link #UNPLACED}) when the name's places lie outside the unit
     */
    public Placement placeIn(String agency, String regionCode) {
        if (regionCode == null || regionCode.isEmpty()) {
            return place(agency, "");
        }
        Division unit = divisions.byCode(regionCode);
        if (unit == null || agency == null || agency.isBlank()) {
            return null;
        }
        Placement byName = place(agency, parentNames(unit) + unit.name());
        if (byName.placed() && byName.regionCode().startsWith(regionCode)) {
            return byName;
        }
        if (byName.placed()) {
            return Placement.unplaced(byName.agencyKey(), UNPLACED, "agency '" + agency + "' lies in "
                    + byName.regionCode() + " (" + byName.province() + byName.prefecture() + byName.county()
                    + "), not in " + regionCode + " (" + unit.name() + ")");
        }
        String name = normalizer.normalize(agency).replaceAll("\\s+", "");
        String county = unit.level() == Division.Level.COUNTY ? unit.name() : "";
        String prefecture = regionCode.length() >= 4 ? divisions.placeName(regionCode.substring(0, 4)) : "";
        return new Placement(regionCode, unit.level().code(), divisions.placeName(regionCode.substring(0, 2)),
                prefecture, county, regionCode + "/" + name, null, null);
    }

    /**
     * The candidates whose prefecture the text names, else those whose province it names; all of
     * them when the text names none (the caller then reports the name as ambiguous).
     */
    private List<Division> mentionedIn(List<Division> candidates, String text) {
        for (int digits : new int[] {4, 2}) {
            List<Division> mentioned = new ArrayList<>();
            for (Division d : candidates) {
                String parent = d.code().length() > digits ? divisions.placeName(d.code().substring(0, digits)) : "";
                if (!parent.isEmpty() && text.contains(parent)) {
                    mentioned.add(d);
                }
            }
            if (!mentioned.isEmpty()) {
                return mentioned;
            }
        }
        return candidates;
    }

    private String parentNames(Division d) {
        String prefecture = d.code().length() > 4 ? divisions.placeName(d.code().substring(0, 4)) : "";
        return divisions.placeName(d.code().substring(0, 2)) + prefecture;
    }
}
