package org.disclosureetl.extract.attribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.FindingRule;
import org.disclosureetl.extract.ReportIdentity;
import org.disclosureetl.normalize.NormalizedDocument;

/**
 * Attributes a report to an agency and a year from all the evidence it gives (titles, header fields,
 * statistics period, signature, prose, file name; see {@link EvidenceSource} for their weights). The
 * year is the one with the most weight behind it; the agency is the name of the weightiest statement,
 * as printed, or the full name where the report also uses one for it (市科委 → 上海市科学技术委员会). Strong
 * statements that say otherwise become findings; nothing is invented where nothing names the agency.
 */
public final class Attributor {

    /** Statements that show the text is an annual report. */
    private static final Set<EvidenceSource> TITLES = EnumSet.of(EvidenceSource.TITLE, EvidenceSource.PAGE_TITLE,
            EvidenceSource.TITLE_IN_PROSE);

    private final List<EvidenceReader> readers = List.of(new TitleReader(), new HeaderFieldReader(),
            new StatisticsPeriodReader(), new SignatureReader(), new ProseReader());

    /**
     * @param lines      the normalized report
     * @param sourceName the file's name (its last path element), or null
     */
    public Attribution attribute(List<NormalizedDocument.Line> lines, String sourceName) {
        ReportLines report = ReportLines.of(lines, sourceName);
        List<Evidence> evidence = new ArrayList<>();
        for (EvidenceReader reader : readers) {
            evidence.addAll(reader.read(report));
        }
        boolean titled = evidence.stream().anyMatch(e -> TITLES.contains(e.source()));
        Evidence year = year(evidence);
        Evidence agency = agency(evidence);
        String name = agency == null ? null : fullName(agency.agency(), evidence);
        List<Finding> findings = new ArrayList<>();
        if (year != null) {
            yearDisagreements(year, evidence, findings);
        }
        if (agency != null) {
            agencyDisagreements(agency, name, evidence, findings);
        }
        return new Attribution(new ReportIdentity(name, year == null ? null : year.year(), titled), findings, evidence);
    }

    /** The weightiest statement of the year that has the most weight behind it (each kind of statement counted once). */
    private static Evidence year(List<Evidence> evidence) {
        Map<Integer, Set<EvidenceSource>> sources = new LinkedHashMap<>();
        Map<Integer, Evidence> strongest = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            if (e.year() == null || e.source().yearWeight() == 0) {
                continue;
            }
            sources.computeIfAbsent(e.year(), y -> new LinkedHashSet<>()).add(e.source());
            strongest.merge(e.year(), e, (a, b) -> b.source().yearWeight() > a.source().yearWeight() ? b : a);
        }
        return strongest.values().stream()
                .max(Comparator.<Evidence>comparingInt(e -> weight(sources.get(e.year())))
                        .thenComparingInt(e -> e.source().yearWeight()))
                .orElse(null);
    }

    private static int weight(Set<EvidenceSource> sources) {
        return sources.stream().mapToInt(EvidenceSource::yearWeight).sum();
    }

    /** The first of the weightiest statements of the agency. */
    private static Evidence agency(List<Evidence> evidence) {
        Evidence best = null;
        for (Evidence e : evidence) {
            if (e.agency() != null && e.source().agencyWeight() > 0
                    && (best == null || e.source().agencyWeight() > best.source().agencyWeight())) {
                best = e;
            }
        }
        return best;
    }

    /** The full name the report gives for a short form it prints (以下简称, or another statement's longer name). */
    private static String fullName(String printed, List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e.source() == EvidenceSource.ALIAS && AgencyNames.clean(e.quote()).equals(printed)) {
                return e.agency();
            }
        }
        String full = printed;
        for (Evidence e : evidence) {
            if (e.agency() != null && AgencyNames.isShortFormOf(printed, e.agency()) && e.agency().length() > full.length()) {
                full = e.agency();
            }
        }
        return full;
    }

    private static void yearDisagreements(Evidence chosen, List<Evidence> evidence, List<Finding> findings) {
        Set<String> said = new LinkedHashSet<>();
        for (Evidence e : evidence) {
            if (e.year() == null || e.year().equals(chosen.year())) {
                continue;
            }
            boolean tooEarly = e.source() == EvidenceSource.PUBLICATION_DATE && e.year() < chosen.year();
            if ((e.source().strongFor(false) || tooEarly) && said.add(e.source() + "/" + e.year())) {
                findings.add(Finding.of(FindingRule.YEAR_EVIDENCE_DISAGREES)
                        .expected(String.valueOf(chosen.year()))
                        .actual(String.valueOf(e.year()))
                        .message("report year " + chosen.year() + " from the " + chosen.cited() + ", but the "
                                + e.cited() + (tooEarly ? " dates it before that year ended" : " says " + e.year())));
            }
        }
    }

    private static void agencyDisagreements(Evidence chosen, String name, List<Evidence> evidence,
                                            List<Finding> findings) {
        Set<String> said = new LinkedHashSet<>();
        for (Evidence e : evidence) {
            if (e.agency() == null || !e.source().strongFor(true) || AgencyNames.sameAgency(name, e.agency())
                    || AgencyNames.sameAgency(chosen.agency(), e.agency()) || !said.add(e.agency())) {
                continue;
            }
            findings.add(Finding.of(FindingRule.AGENCY_EVIDENCE_DISAGREES)
                    .expected(name)
                    .actual(e.agency())
                    .message("agency " + name + " from the " + chosen.cited() + ", but the " + e.cited()
                            + " names " + e.agency()));
        }
    }
}
