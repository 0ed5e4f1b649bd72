package org.disclosureetl.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptNormalizerTest {

    private static final ScriptNormalizer SCRIPT = new ScriptNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            肇慶市金融工作局2021年政府信息公開工作年度報告 | 肇庆市金融工作局2021年政府信息公开工作年度报告
            行政規範性檔案                             | 行政规范性文件
            規範性檔案                                 | 规范性文件
            檔案館                                     | 档案馆
            執行                                       | 执行
            建立                                       | 建立
            查詢                                       | 查询
            網路                                       | 网络
            複議                                       | 复议
            沒有現成信息需要另行製作                     | 没有现成信息需要另行制作
            3.危及“三安全一穩定”                        | 3.危及“三安全一稳定”
            採購                                       | 采购
            保障人民民眾的知情權                         | 保障人民群众的知情权
            依申請公開答覆情況                           | 依申请公开答复情况
            無正當理由大量反覆申請                       | 无正当理由大量反复申请
            向圖書館、檔案館等查閱場所報送資訊數          | 向图书馆、档案馆等查阅场所报送信息数
            加強檔案管理                                 | 加强档案管理
            開展網路安全和錯敏信息排查                   | 开展网络安全和错敏信息排查
            建立政務新媒體運維管理工作檯賬                | 建立政务新媒体运维管理工作台账
            """)
    void convertsToSimplifiedWithoutOverConverting(String traditional, String simplified) {
        assertThat(SCRIPT.toSimplified(traditional)).isEqualTo(simplified);
    }

    @Test
    void keepsTabsDigitsAndAsciiUnchanged() {
        assertThat(SCRIPT.toSimplified("行政處罰\t0\t2648\t430\n")).isEqualTo("行政处罚\t0\t2648\t430\n");
        String ascii = "2021\t0\t8 (a,b) - / x";
        assertThat(SCRIPT.toSimplified(ascii)).isSameAs(ascii);
    }

    @Test
    void returnsTheSameInstanceForSimplifiedText() {
        String text = "二、上年结转政府信息公开申请数量\t0\t0";
        assertThat(SCRIPT.toSimplified(text)).isSameAs(text);
    }

    @Test
    void phraseRulesRunOnTheSimplifiedSide() {
        // character step alone leaves the Taiwan word
        assertThat(SCRIPT.convertCharacters("行政規範性檔案")).isEqualTo("行政规范性档案");
        assertThat(SCRIPT.applyPhrases("行政规范性档案")).isEqualTo("行政规范性文件");
        // the longer rule wins at the same position: 信息安全, not 信息保安
        assertThat(SCRIPT.toSimplified("資訊保安")).isEqualTo("信息安全");
        assertThat(SCRIPT.toSimplified("網際網路+政務")).isEqualTo("互联网+政务");
    }

    @Test
    void phraseRulesAreSimplifiedAndStable() {
        // every rule must be written on the Simplified side and be a fixed point afterwards,
        // otherwise it can never match or would fire again on already-normalized text
        SCRIPT.phraseTable().rules().forEach((from, to) -> {
            assertThat(SCRIPT.convertCharacters(from)).as("left side of %s", from).isEqualTo(from);
            assertThat(SCRIPT.convertCharacters(to)).as("right side of %s", from).isEqualTo(to);
            assertThat(SCRIPT.toSimplified(to)).as("rule %s -> %s is idempotent", from, to).isEqualTo(to);
        });
    }

    @Test
    void leavesSimplifiedSeedsUnchanged() {
        for (String seed : TestResources.SIMPLIFIED_SEEDS) {
            String text = TestResources.seed(seed);
            assertThat(SCRIPT.toSimplified(text)).as(seed).isEqualTo(text);
        }
    }

    @Test
    void mapsSupplementaryPlaneCharacters() {
        // U+346E -> U+2B748 (BMP key, supplementary target) and U+2005E -> U+2003E (both supplementary)
        assertThat(SCRIPT.toSimplified("\u346E")).isEqualTo(new String(Character.toChars(0x2B748)));
        assertThat(SCRIPT.toSimplified(new String(Character.toChars(0x2005E)) + "國"))
                .isEqualTo(new String(Character.toChars(0x2003E)) + "国");
    }

    @Test
    void detectsTraditionalSeed() {
        assertThat(SCRIPT.detect(TestResources.seed(TestResources.SEED_TRADITIONAL))).isEqualTo(Script.TRADITIONAL);
    }

    @Test
    void detectsSimplifiedSeeds() {
        for (String seed : TestResources.SIMPLIFIED_SEEDS) {
            assertThat(SCRIPT.detect(TestResources.seed(seed))).as(seed).isEqualTo(Script.SIMPLIFIED);
        }
    }

    @Test
    void simplifiedReportQuotingTraditionalWordsStaysSimplified() {
        String simplified = TestResources.seed(TestResources.SEED_SIMPLIFIED);
        String quoting = simplified + "\n附:台湾地区称“行政規範性檔案”“網路”“資訊公開”。";
        assertThat(SCRIPT.detect(quoting)).isEqualTo(Script.SIMPLIFIED);
    }

    @Test
    void shortOrHanFreeTextIsSimplified() {
        assertThat(SCRIPT.detect("")).isEqualTo(Script.SIMPLIFIED);
        assertThat(SCRIPT.detect("2021\t0\t8")).isEqualTo(Script.SIMPLIFIED);
        assertThat(SCRIPT.detect("行政規範性檔案")).isEqualTo(Script.SIMPLIFIED);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        String traditional = TestResources.seed(TestResources.SEED_TRADITIONAL);
        String expected = SCRIPT.toSimplified(traditional);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = pool.invokeAll(
                    java.util.Collections.nCopies(64, () -> SCRIPT.toSimplified(traditional)));
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
