package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "一、本年新收政府信息公开申请数量|一|本年新收政府信息公开申请数量",
            "(一)予以公开|(一)|予以公开",
            "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)|(二)|部分公开区分处理的只计这一情形不计其他情形",
            "1.属于国家秘密|1|属于国家秘密",
            "1、 信访举报投诉类申请|1|信访举报投诉类申请",
            "3.危及“三安全一稳定”|3|危及三安全一稳定",
            "其中:主动公开规范性文件数|null|主动公开规范性文件数",
            "第二十条第(一)项|null|第二十条第一项",
            "社会公益 组织|null|社会公益组织",
            "(七)|(七)|''"})
    void splitsNumberingFromAKeyWithoutSpacesOrPunctuation(String text, String numbering, String key) {
        LabelKey label = LabelKey.of(text);
        assertThat(label.numbering()).isEqualTo(numbering);
        assertThat(label.key()).isEqualTo(key);
    }
}
