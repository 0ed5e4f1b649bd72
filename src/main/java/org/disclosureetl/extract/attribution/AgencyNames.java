package org.disclosureetl.extract.attribution;

import java.util.regex.Pattern;

/**
 * What an agency's name looks like, and when two names are one agency. Names are compared without
 * white space; everything is Simplified and half-width already (normalize stage).
 */
final class AgencyNames {

    /**
     * The words an agency's name ends with (局, 委员会, 人民政府, 街道办事处 …; 联合社: the supply and marketing
     * co-operatives, 供销合作社联合社, publish reports too).
     */
    static final String SUFFIX = "(?:局|办公室|委员会|委|厅|部|署|院|政府|中心|办|处|所|馆|会|站|队|公司|管委会|街道|镇|乡|区|县|市|省|盟|旗|州|集团|学校|大学|医院|银行|监狱|苏木|嘎查|联合社|合作社)";
    private static final Pattern NAME = Pattern.compile("^[\\p{IsHan}()（）·]{2,40}" + SUFFIX + "$");
    /** Words that are never part of a name before a title: navigation, column names, field labels. */
    static final Pattern NOT_A_NAME = Pattern.compile(
            "信息公开|政务公开|首页|位置|年报|栏目|专栏|链接|来源|发布|网站|主页|索引|文号|分类|标题|正文|下载|打印|关闭|浏览");
    /** A name standing for "this region as a whole" or "we", never an agency. */
    private static final Pattern GENERIC = Pattern.compile(
            // 本/全 start 本局, 全市 …, but also the places 本溪市, 本溪满族自治县, 全椒县, 全州县 and 全南县 (the
            // only places of reference/divisions that start with a word of this list: AgencyNamesTest checks it)
            "^(?:全(?![南州椒])|本(?!溪)|我|各|该|其|市区县|省市|在|对|为|按照|根据|经过|关于)");
    /** A place's own name with no agency word after it (上海市, 正蓝旗, 福州市晋安区): the title of its government's report. */
    private static final Pattern PLACE = Pattern.compile("^[\\p{IsHan}]{1,20}?(?:省|自治区|市|区|县|旗|盟|州|镇|乡)$");
    private static final Pattern AGENCY_WORD = Pattern.compile(
            "局|办|委|厅|部|署|院|政府|中心|处|所|馆|会|站|队|公司|集团|学校|大学|医院|银行|监狱|合作社|联合社|新区|开发区|园区|示范区|实验区|高新区|街道");
    /** What the last character of a short form stands for in the full name (委 of 市科委: 委员会). */
    private static final java.util.Map<Character, java.util.List<String>> SHORT_ENDINGS = java.util.Map.of(
            '委', java.util.List.of("委员会", "委"),
            '办', java.util.List.of("办公室", "办事处", "办"),
            '道', java.util.List.of("街道办事处"));
    /** Characters that start a place-less short form: 市科委, 区财政局. */
    private static final String LEVEL_CHARS = "市区县省州镇乡";

    /* What clean() removes, compiled once (String.replaceAll compiles its pattern on every call). */
    private static final Pattern CLEAN_MARKS = Pattern.compile("[\\s\\u3000《》“”\"'‘’「」【】\\[\\]]");
    private static final Pattern CLEAN_LEADING_VERB = Pattern.compile(
            "^(?:关于|现将|现就|现公布|现发布|特向社会公布|现向社会公布|特编制|特公布|特此公布|公布|发布|编制|由)");
    private static final Pattern CLEAN_TRAILING_WORD = Pattern.compile("(?:关于|的|发布|公布)$");
    private static final Pattern CLEAN_SENTENCE = Pattern.compile("^.*[由的了]");
    private static final Pattern CLEAN_NOT_HAN = Pattern.compile("^[^\\p{IsHan}]+");

    private AgencyNames() {
    }

    /** Removes white space and the quotation marks and brackets a title puts around a name. */
    static String clean(String text) {
        String name = CLEAN_MARKS.matcher(text).replaceAll("");
        name = CLEAN_LEADING_VERB.matcher(name).replaceFirst("");
        name = CLEAN_TRAILING_WORD.matcher(name).replaceFirst("");
        // a sentence run into the name (本报告由XX委员会…, 我们的XX局…): the name starts after its last particle
        name = CLEAN_SENTENCE.matcher(name).replaceFirst("");
        // a title that starts with a number or a file name in Latin letters (2025湖口县大垅乡2025年度…)
        name = CLEAN_NOT_HAN.matcher(name).replaceFirst("");
        return name;
    }

    /** Whether the text is an agency's name: a run of Han characters ending in an agency word. */
    static boolean isName(String name) {
        return name != null && name.length() >= 3 && NAME.matcher(name).matches()
                && !NOT_A_NAME.matcher(name).find() && !GENERIC.matcher(name).find();
    }

    /**
     * The agency a title means by a place's name: the place's government (2022年上海市政府信息公开… is 上海市人民政府's
     * report), any other name as it is.
     */
    static String governmentOf(String name) {
        if (name == null) {
            return null;
        }
        if (name.endsWith("人民")) {
            return name + "政府";
        }
        return PLACE.matcher(name).matches() && !AGENCY_WORD.matcher(name).find() ? name + "人民政府" : name;
    }

    /** A name cut short by a line break (政府 of 淮安市洪泽区人民 / 政府2024年…): it needs the line before. */
    static boolean isFragment(String name) {
        return name == null || name.length() <= 3 || !isName(name);
    }

    /**
     * Whether two names can be one agency: the same, one the end of the other (洪泽区人民政府 of
     * 淮安市洪泽区人民政府), or one a short form of the other (市科委 of 上海市科学技术委员会).
     */
    static boolean sameAgency(String a, String b) {
        return a.equals(b) || a.endsWith(b) || b.endsWith(a) || isShortFormOf(a, b) || isShortFormOf(b, a);
    }

    /**
     * Whether {@code shortForm} abbreviates {@code full}: its characters appear in order in the longer
     * name, which ends with the same character, and either it is no contiguous end of it (科委 of
     * 科学技术委员会) or it names no place (区财政局 of 黔江区财政局).
     */
    static boolean isShortFormOf(String shortForm, String full) {
        if (shortForm.length() >= full.length() || shortForm.isEmpty() || !endsAlike(shortForm, full)) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < shortForm.length(); i++) {
            at = full.indexOf(shortForm.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return !full.endsWith(shortForm) || LEVEL_CHARS.indexOf(shortForm.charAt(0)) >= 0;
    }

    private static boolean endsAlike(String shortForm, String full) {
        char last = shortForm.charAt(shortForm.length() - 1);
        if (full.charAt(full.length() - 1) == last) {
            return true;
        }
        return SHORT_ENDINGS.getOrDefault(last, java.util.List.of()).stream().anyMatch(full::endsWith);
    }
}
