package io.labgate.promptlog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden tests: fixed entries and a fixed clock produce exactly the user's Markdown layout. */
class DevelopmentLogMarkdownTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 14, 30, 0, 0, SEOUL);

    /** Two calls the gateway recorded (model and tokens known) and one entry a client's logger sent. */
    private static List<DevelopmentLogMarkdown.Entry> entries() {
        String longAnswer = "가".repeat(499) + "나다라";
        return List.of(
                new DevelopmentLogMarkdown.Entry(ZonedDateTime.of(2026, 11, 25, 14, 20, 0, 0, SEOUL), "analysis",
                        "CR이 0.12면?", longAnswer, "gpt-4.1-mini", 1200, 480),
                new DevelopmentLogMarkdown.Entry(ZonedDateTime.of(2026, 11, 25, 14, 1, 5, 0, SEOUL), "chatbot",
                        "AHP가 뭐예요?", "쌍대비교로 가중치를 구하는 방법입니다.", "gpt-4.1-mini", 20, 9),
                new DevelopmentLogMarkdown.Entry(ZonedDateTime.of(2026, 11, 25, 14, 10, 0, 0, SEOUL), "chatbot",
                        "이 코드 설명해 줘:\n```python\nprint(1)\n```", null, null, null, null));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DevelopmentLogMarkdownTest.class.getResourceAsStream("/promptlog/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void koreanExportMatchesTheGoldenFile() throws IOException {
        assertEquals(golden("session-ko.md"),
                DevelopmentLogMarkdown.render(entries(), "chat-3f9a2b1c", NOW, SEOUL, DevelopmentLogMarkdown.Lang.KO));
    }

    @Test
    void englishExportMatchesTheGoldenFile() throws IOException {
        assertEquals(golden("session-en.md"),
                DevelopmentLogMarkdown.render(entries(), "chat-3f9a2b1c", NOW, SEOUL, DevelopmentLogMarkdown.Lang.EN));
    }

    @Test
    void aSessionsFileNameNamesTheSessionAndTheDayItStarted() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        assertEquals("개발일지_20261125_chat-3f9a2b1c_프롬프트_로그.md",
                DevelopmentLogMarkdown.fileName(day, day.plusDays(1), "chat-3f9a2b1c"));
        assertEquals("개발일지_20261125_analysis-0d4e6f7a_프롬프트_로그.md",
                DevelopmentLogMarkdown.fileName(day, day, "analysis-0d4e6f7a"));
        assertEquals("개발일지_20261125_논문_1장_초안_.v2_프롬프트_로그.md",
                DevelopmentLogMarkdown.fileName(day, day, "논문/1장 \"초안\".v2"), "separators, quotes and spaces go");
        assertEquals(60, DevelopmentLogMarkdown.fileSafe("세".repeat(100)).length());
    }

    @Test
    void aDayOrARangeIsNamedByItsDaysAsTheUserNamedIt() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        assertEquals("개발일지_20261125_프롬프트_로그.md", DevelopmentLogMarkdown.fileName(day, day, null));
        assertEquals("개발일지_20261120-20261125_프롬프트_로그.md",
                DevelopmentLogMarkdown.fileName(day.minusDays(5), day, null));
    }

    @Test
    void aClientsEntryWithoutACallHasNoFigures() {
        String md = DevelopmentLogMarkdown.render(List.of(entries().get(2)), "web-1", NOW, SEOUL,
                DevelopmentLogMarkdown.Lang.KO);
        assertFalse(md.contains("**모델**"), md);
        assertFalse(md.contains("총 토큰 수"), md);
        assertTrue(md.contains("### 1. 챗봇 (14:10:00)\n\n**사용자 프롬프트:**"), md);
    }

    @Test
    void contextsOtherThanTheFeaturesKeepTheirName() {
        var entry = new DevelopmentLogMarkdown.Entry(NOW, "설계", "기준을 정리해 줘", null, null, null, null);
        String md = DevelopmentLogMarkdown.render(List.of(entry), "s", NOW, SEOUL, DevelopmentLogMarkdown.Lang.EN);
        assertTrue(md.contains("### 1. 설계 (14:30:00)"), md);
        assertTrue(md.contains("- **Main context**: 설계"), md);
    }

    @Test
    void answersAreCutAt500CharactersWithoutSplittingACharacter() {
        String emoji = "😀".repeat(600);
        String cut = DevelopmentLogMarkdown.summary(emoji);
        assertEquals(500, cut.codePointCount(0, cut.length() - 3));
        assertTrue(cut.endsWith("😀..."));
        assertEquals("짧은 답", DevelopmentLogMarkdown.summary("짧은 답"));
    }
}
