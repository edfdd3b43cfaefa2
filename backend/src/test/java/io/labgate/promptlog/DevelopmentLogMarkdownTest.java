package io.labgate.promptlog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden tests: fixed entries and a fixed clock produce exactly the user's Markdown layout. */
class DevelopmentLogMarkdownTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 14, 30, 0, 0, SEOUL);

    private static List<DevelopmentLogMarkdown.Entry> entries() {
        String longAnswer = "가".repeat(499) + "나다라";
        return List.of(
                new DevelopmentLogMarkdown.Entry(ZonedDateTime.of(2026, 11, 25, 14, 20, 0, 0, SEOUL), "analysis",
                        "CR이 0.12면?", longAnswer),
                new DevelopmentLogMarkdown.Entry(ZonedDateTime.of(2026, 11, 25, 14, 1, 5, 0, SEOUL), "chatbot",
                        "AHP가 뭐예요?", "쌍대비교로 가중치를 구하는 방법입니다."),
                new DevelopmentLogMarkdown.Entry(ZonedDateTime.of(2026, 11, 25, 14, 10, 0, 0, SEOUL), "chatbot",
                        "이 코드 설명해 줘:\n```python\nprint(1)\n```", null));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DevelopmentLogMarkdownTest.class.getResourceAsStream("/promptlog/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void koreanExportMatchesTheGoldenFile() throws IOException {
        assertEquals(golden("session-ko.md"),
                DevelopmentLogMarkdown.render(entries(), "app-2026-11-25", NOW, SEOUL, DevelopmentLogMarkdown.Lang.KO));
    }

    @Test
    void englishExportMatchesTheGoldenFile() throws IOException {
        assertEquals(golden("session-en.md"),
                DevelopmentLogMarkdown.render(entries(), "app-2026-11-25", NOW, SEOUL, DevelopmentLogMarkdown.Lang.EN));
    }

    @Test
    void fileNameIsTheUsersPatternDatedTheExportDay() {
        assertEquals("개발일지_20261125_프롬프트_로그.md", DevelopmentLogMarkdown.fileName(NOW));
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
