package org.disclosureetl.extract.attribution;

import java.util.List;

/** One way of reading a report's agency or year: a title, a header field, the statistics period … */
interface EvidenceReader {

    /** Everything this reader finds, in the order the report gives it. */
    List<Evidence> read(ReportLines lines);
}
