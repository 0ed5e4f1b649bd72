package org.disclosureetl.store;

import java.util.List;

import org.disclosureetl.region.Placement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The region columns of documents (V10). Written in the chunk's transaction right after
 * {@link DocumentRepository#saveAll}, so a document's region never disagrees with its agency.
 */
@Repository
public class RegionRepository {

    private final JdbcTemplate jdbcTemplate;

    public RegionRepository(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /** A document and where its agency was placed; null placement clears the columns (no agency, failed). */
    public record DocumentRegion(String documentId, Placement placement) {
    }

    public void saveAll(List<DocumentRegion> regions) {
        List<Object[]> rows = regions.stream().map(r -> {
            Placement p = r.placement();
            return p == null ? new Object[] {null, null, null, null, null, null, r.documentId()}
                    : new Object[] {p.regionCode(), p.regionLevel(), p.province(), p.prefecture(), p.county(),
                            DocumentRepository.truncate(p.agencyKey(), 300), r.documentId()};
        }).toList();
        jdbcTemplate.batchUpdate("""
                UPDATE document SET region_code = ?, region_level = ?, province = ?, prefecture = ?, county = ?,
                       agency_key = ?, revision = nextval('document_revision_seq')
                WHERE document_id = ?""", rows);
    }
}
