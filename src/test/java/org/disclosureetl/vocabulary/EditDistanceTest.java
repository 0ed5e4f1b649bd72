package org.disclosureetl.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.between("thredas", "threads")).isEqualTo(2);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("属于国家秘密", "屬于国家秘密")).isEqualTo(1);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneEdit() {
        assertThat(EditDistance.between("\uD840\uDC00国", "国")).isEqualTo(1);
    }
}
