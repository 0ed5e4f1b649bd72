package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void theFiveMarkupCharactersBecomeEntitiesAndNothingElseChanges() {
        assertThat(HtmlText.escape("<td a=\"1\" b='2'>R&D 平潭</td>"))
                .isEqualTo("&lt;td a=&quot;1&quot; b=&#39;2&#39;&gt;R&amp;D 平潭&lt;/td&gt;");
        assertThat(HtmlText.escape(null)).isEmpty();
        assertThat(HtmlText.escape("")).isEmpty();
    }
}
