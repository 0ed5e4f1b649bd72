#!/usr/bin/env python3
"""Renders the 2021-template tables of the seeds and the real reports as a PDF-to-markdown conversion prints
them, with the damages such conversions make (README.md). Deterministic: run it from this folder to remake every
fixture and expected-cells.csv byte for byte.

    cd src/test/resources/markdown && python3 make_fixtures.py
"""
import csv
import os
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.dirname(HERE)

# (fixture name, answer key, source file in the key, damages)
DOCUMENTS = [
    ("md-000.md", "seeds/expected-cells.csv", "000_e61bf2b8057539f0.txt",
     {"shredded", "stub", "detached", "split_review", "page_dash", "fewer_values", "annotations", "vertical"}),
    ("md-002.md", "seeds/expected-cells.csv", "002_2bd72b0ede0a148a.txt",
     {"shredded", "placeholder", "wrong_header", "review_stub", "page_emdash", "footnote", "page_row"}),
    ("md-004.txt", "seeds/expected-cells.csv", "004_48ee5ca18b0bc9b0.txt",
     {"shredded", "stub", "placeholder", "wrong_header", "page_dash", "footnote", "annotations", "vertical"}),
    ("md-103.md", "real/expected-cells.csv", "103.txt",
     {"shredded", "detached", "wrong_header", "split_review", "page_emdash", "annotations", "page_row"}),
    ("md-104.md", "real/expected-cells.csv", "104.txt",
     {"shredded", "placeholder", "stub", "review_stub", "page_dash", "footnote", "fewer_values", "vertical"}),
    ("md-b01.md", "real/expected-cells.csv", "B01_hongze-2023.pdf",
     {"shredded", "wrong_header", "detached", "split_review", "page_emdash", "footnote", "annotations"}),
    ("md-b02.txt", "real/expected-cells.csv", "B02_hongze-2024.pdf",
     {"shredded", "placeholder", "wrong_header", "split_review", "page_dash", "fewer_values", "annotations", "page_row"}),
]

PROACTIVE = [
    ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
     [("art20_1.rules", "规章"), ("art20_1.normative_docs", "行政规范性文件")], ["issued", "repealed", "in_force"]),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("art20_5.licensing", "行政许可")], ["decisions"]),
    ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
     [("art20_6.penalty", "行政处罚"), ("art20_6.coercion", "行政强制")], ["decisions"]),
    ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("art20_8.fees", "行政事业性收费")], ["fee_amount"]),
]

APPLICANTS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
              "legal_service_org", "other_org", "total"]

# row code, label cells as the PDF's label columns print them (group, item)
RESULTS = [
    ("new", ["一、本年新收政府信息公开申请数量", ""]),
    ("carried_over", ["二、上年结转政府信息公开申请数量", ""]),
    ("granted", ["三、本年度办理结果", "（一）予以公开"]),
    ("partially_granted", ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ("withheld.state_secret", ["（三）不予公开", "1.属于国家秘密"]),
    ("withheld.prohibited_by_law", ["", "2.其他法律行政法规禁止公开"]),
    ("withheld.three_safeties", ["", "3.危及“三安全一稳定”"]),
    ("withheld.third_party_rights", ["", "4.保护第三方合法权益"]),
    ("withheld.internal_affairs", ["", "5.属于三类内部事务信息"]),
    ("withheld.process_info", ["", "6.属于四类过程性信息"]),
    ("withheld.enforcement_file", ["", "7.属于行政执法案卷"]),
    ("withheld.admin_inquiry", ["", "8.属于行政查询事项"]),
    ("unable.not_held", ["（四）无法提供", "1.本机关不掌握相关政府信息"]),
    ("unable.needs_creation", ["", "2.没有现成信息需要另行制作"]),
    ("unable.unclear", ["", "3.补正后申请内容仍不明确"]),
    ("not_processed.petition", ["（五）不予处理", "1.信访举报投诉类申请"]),
    ("not_processed.repeated", ["", "2.重复申请"]),
    ("not_processed.publication", ["", "3.要求提供公开出版物"]),
    ("not_processed.excessive", ["", "4.无正当理由大量反复申请"]),
    ("not_processed.confirm_reissue", ["", "5.要求行政机关确认或重新出具已获取信息"]),
    ("other.no_correction", ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
    ("other.unpaid_fee", ["", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
    ("other.other", ["", "3.其他"]),
    ("results_total", ["（七）总计", ""]),
    ("carried_forward", ["四、结转下年度继续办理", ""]),
]

# 三、本年度办理结果 printed vertically beside the rows it spans, cut by the converter into the rows' first cells
VERTICAL = {"granted": "三、本", "partially_granted": "年度办", "withheld.state_secret": "理结果"}

REVIEW_GROUPS = [("review", "行政复议"), ("litigation_direct", "行政诉讼：未经复议直接起诉"),
                 ("litigation_after_review", "行政诉讼：复议后起诉")]
OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]
OUTCOME_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

# the three shreddings of the applicant header seen in converted PDFs: the words' first halves on one line
# and their tails in the cells below, as the cell widths cut them
SHREDDINGS = [
    (["", "", "", "商业企科研机社会公法律服其他", "", "", "", "", ""], ["", "", "", "业", "构", "益组织", "务机构", "", ""]),
    (["", "", "", "商业", "科研", "社会公", "法律服", "其他", ""], ["", "", "", "企业", "机构", "益组织", "务机构", "", ""]),
    (["", "", "", "商业企科研机社会公法律服", "", "", "", "其他", ""], ["", "", "", "业", "构", "益组织", "务机构", "", ""]),
]


def load(key_file, source):
    cells = OrderedDict()
    agency = year = None
    with open(os.path.join(RESOURCES, key_file), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["source_file"] != source:
                continue
            agency, year = r["agency"], r["report_year"]
            cells[(r["table_code"], r["row_code"], r["column_code"])] = r["value"]
    return agency, year, cells


def row(cells):
    return "| " + " | ".join(cells) + " |"


def separator(n):
    return "|" + "|".join(["---"] * n) + "|"


class Fixture:
    def __init__(self, index, agency, year, key, damages):
        self.index = index
        self.agency = agency
        self.year = year
        self.key = key
        self.damages = damages
        self.truth = OrderedDict()  # (table, row, column) -> (value, damage note)
        self.notes = {}

    def printed(self, table, row_code, column):
        """The cell's text as printed, recording its truth. An absent row (a 2019-style report) is printed 0."""
        value = self.key.get((table, row_code, column), "")
        text = value if value != "" else "0"
        absent = value == "" and (table, row_code, column) in self.key and self.is_absent(table, row_code)
        if value == "" and not absent:
            text = "-"  # printed blank in the source: a dash here too
        self.truth[(table, row_code, column)] = ("0" if absent else value, self.notes.get((table, row_code), ""))
        return text

    def is_absent(self, table, row_code):
        return all(self.key.get((table, row_code, c), "") == "" for c in APPLICANTS) and row_code.startswith("other.")

    def page_marker(self, n):
        if "page_dash" in self.damages:
            return "-%d-" % n
        return "— %d —" % n

    def render(self):
        out = ["# %s%s年政府信息公开工作年度报告" % (self.agency, self.year), "",
               "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制。", "",
               "## 一、总体情况", "",
               "%s年，本机关认真贯彻落实《条例》，扎实推进政务公开各项工作。" % self.year, "",
               "## 二、主动公开政府信息情况", ""]
        out += self.proactive()
        out += ["", "## 三、收到和处理政府信息公开申请情况", ""]
        out += self.applications()
        out += ["", "## 四、政府信息公开行政复议、行政诉讼情况", ""]
        out += self.review()
        out += ["", "## 五、存在的主要问题及改进情况", "", "一是政策解读形式还不够丰富。", "",
                "## 六、其他需要报告的事项", "", "本年度未收取信息处理费。", ""]
        return "\n".join(out)

    def proactive(self):
        lines = [row(["第二十条第（一）项", "", "", ""]), separator(4)]
        annotated_issued = annotated_repealed = "annotations" in self.damages
        fewer = "fewer_values" in self.damages
        for block, (heading, header, rows, columns) in enumerate(PROACTIVE):
            if block > 0:
                lines.append(row([heading, "", "", ""]))
            lines.append(row(header + [""] * (4 - len(header))))
            for code, label in rows:
                texts = [self.printed("proactive", code, c) for c in columns]
                if annotated_issued and len(columns) == 3 and texts[0] not in ("0", "-") and int(texts[0]) >= 2:
                    # 22（其中修订 16 件）: the number is the cell, the remark stays in raw_value
                    texts[0] = "%s（其中修订 %d 件）" % (texts[0], int(texts[0]) // 2)
                    annotated_issued = False
                if annotated_repealed and len(columns) == 3 and texts[1] not in ("0", "-") and int(texts[1]) >= 2:
                    texts[1] = "%s（含自然失效 %d 件）" % (texts[1], int(texts[1]) - 1)
                    annotated_repealed = False
                if fewer and len(columns) == 3 and "0" in texts:
                    # the PDF prints a zero as an empty cell and the converter drops it: | 规章 | 22 | 235 | under
                    # four columns (which cell is gone the row does not say)
                    texts.pop(texts.index("0"))
                    for c in columns:
                        self.truth[("proactive", code, c)] = (self.truth[("proactive", code, c)][0],
                                                             "fewer_values: printed " + " ".join(texts))
                    fewer = False
                lines.append(row([label] + texts + [""] * (3 - len(texts))))
        return lines

    def applications(self):
        lines = []
        intro = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        shred_top, shred_bottom = SHREDDINGS[self.index % len(SHREDDINGS)]
        header = [row([intro, "", "申请人情况", "", "", "", "", "", ""]), separator(9),
                  row(["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"])]
        if "shredded" in self.damages:
            header += [row(shred_top), row(shred_bottom)]
        else:
            header += [row(["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])]
        body_header = []
        if "stub" in self.damages:
            # the header alone is one table; the body follows as a table of its own
            lines += header + [""]
            header = []
            body_header = [row([""] * 9), separator(9)]
        if "placeholder" in self.damages:
            # the converter names the columns it could not read
            placeholder = ["数据%d" % n for n in range(1, 7)] + ["总计"]
            body_header = [row(["项目", ""] + placeholder), separator(9)]
        lines += header + body_header
        detached = "detached" in self.damages
        wrong_at = "other.no_correction" if "wrong_header" in self.damages else None
        marker_at = "unable.not_held"
        footnote_at = "not_processed.petition" if "footnote" in self.damages else None
        pending_labels = []
        pending_values = []
        for code, labels in RESULTS:
            values = [self.printed("applications", code, c) for c in APPLICANTS]
            if code == marker_at and "page_row" in self.damages:
                lines.append(row([self.page_marker(2)] + [""] * 8))
            elif code == marker_at:
                lines.append("")
                lines.append(self.page_marker(2))
                lines.append("")
                lines.append(row([""] * 9))
                lines.append(separator(9))
            if code == footnote_at:
                lines.append(row(["注：本表统计时间为%s年1月1日至%s年12月31日。" % (self.year, self.year)] + [""] * 8))
            if code == wrong_at:
                # a page break: the converter copies a header from elsewhere over the table's last rows
                copied = (["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"] if self.index % 2 else
                          ["行政复议", "", "", "", "", "行政诉讼", "", "", ""])
                lines += ["", self.page_marker(3), "", row(copied), separator(len(copied))]
            if detached and code.startswith("withheld."):
                # the group's labels as one block of rows, its numbers as the next block
                pending_labels.append(row(labels + [""] * 7))
                pending_values.append(row(["", ""] + values))
                if code == "withheld.admin_inquiry":
                    lines += pending_labels + pending_values
                continue
            if "vertical" in self.damages and code in VERTICAL:
                labels = [VERTICAL[code], labels[1]]
            lines.append(row(labels + values))
        return lines

    def review(self):
        groups = []
        for code, label in REVIEW_GROUPS:
            groups.append([self.printed("review_litigation", code, c) for c in OUTCOMES])
        if "split_review" in self.damages:
            # three tables of five columns, each under its own heading
            lines = []
            for (code, label), values in zip(REVIEW_GROUPS, groups):
                lines += [row([label, "", "", "", ""]), separator(5), row(OUTCOME_LABELS), row(values), ""]
            return lines
        if "review_stub" in self.damages:
            return [row(["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""]), separator(15),
                    row(["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""]),
                    row(OUTCOME_LABELS * 3), "", self.page_marker(4), "",
                    row(["数据%d" % n for n in range(1, 16)]), separator(15), row(groups[0] + groups[1] + groups[2])]
        return [row(["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""]), separator(15),
                row(["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""]),
                row(OUTCOME_LABELS * 3), row(groups[0] + groups[1] + groups[2])]


def main():
    out_rows = []
    for index, (name, key_file, source, damages) in enumerate(DOCUMENTS):
        agency, year, key = load(key_file, source)
        fixture = Fixture(index, agency, year, key, damages)
        text = fixture.render()
        with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        for (table, row_code, column), (value, note) in fixture.truth.items():
            out_rows.append([name, agency, year, "2021", table, row_code, column, value, note])
    with open(os.path.join(HERE, "expected-cells.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source_file", "agency", "report_year", "format_version", "table_code", "row_code",
                    "column_code", "value", "note"])
        w.writerows(out_rows)


if __name__ == "__main__":
    main()
