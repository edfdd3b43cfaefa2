package io.labgate.promptlog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The user's "개발일지" (development log): a Markdown record of a prompt session, in the layout the user's
 * prompt logger designed — title, date, session and count; every prompt with its context, time, the prompt
 * and a summary of the answer (first 500 characters); and session statistics. Each prompt also names the model
 * that answered and the tokens it took, when they are known (the gateway's entries). Korean by default, English
 * on request: labels and the names of the AI features as contexts. Fenced blocks are longer than any backtick run
 * inside them, so prompts that contain code fences stay intact.
 */
public final class DevelopmentLogMarkdown {

    static final int SUMMARY_CHARS = 500;
    private static final int FILE_SESSION_CHARS = 60;

    public enum Lang { KO, EN }

    /** What one exported prompt needs; the model and token counts are null when unknown. */
    public record Entry(ZonedDateTime at, String context, String userPrompt, String aiResponse, String model,
                       Integer promptTokens, Integer completionTokens) {

        boolean hasTokens() {
            return promptTokens != null || completionTokens != null;
        }

        long totalTokens() {
            return (promptTokens == null ? 0L : promptTokens) + (completionTokens == null ? 0L : completionTokens);
        }
    }

    private record Labels(String title, String subtitle, String writtenAt, String session, String total,
                          String count, String details, String prompt, String summary, String noAnswer,
                          String stats, String average, String chars, String mainContext, String start,
                          String end, String saved, String generated, DateTimeFormatter writtenFormat,
                          String model, String tokens, String tokenCounts, String totalTokens, String models,
                          Map<String, String> contexts) {
    }

    private static final Labels KO = new Labels("개발일지 - 프롬프트 로그", "AI 협업 세션 기록", "작성일", "세션 ID",
            "총 프롬프트 수", "%d개", "📝 프롬프트 상세 기록", "사용자 프롬프트", "AI 응답 요약", "(응답 없음)",
            "📊 세션 통계", "평균 프롬프트 길이", "%d자", "주요 컨텍스트", "세션 시작", "세션 종료",
            "저장 완료", "자동 생성: LabGate 프롬프트 로거", DateTimeFormatter.ofPattern("yyyy년 M월 d일 HH:mm"),
            "모델", "토큰", "입력 %s · 출력 %s · 합계 %s", "총 토큰 수", "사용 모델",
            Map.of("chatbot", "챗봇", "analysis", "분석", "generation", "생성", "general", "일반"));
    private static final Labels EN = new Labels("Development log - Prompt log", "AI collaboration session record",
            "Written", "Session ID", "Total prompts", "%d", "📝 Prompt details", "User prompt", "AI response summary",
            "(no response)", "📊 Session statistics", "Average prompt length", "%d characters", "Main context",
            "Session start", "Session end", "Saved", "Generated automatically by the LabGate prompt logger",
            DateTimeFormatter.ofPattern("MMMM d, yyyy HH:mm", Locale.ENGLISH),
            "Model", "Tokens", "%s in · %s out · %s total", "Total tokens", "Models",
            Map.of("chatbot", "Chatbot", "analysis", "Analysis", "generation", "Generation", "general", "General"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private DevelopmentLogMarkdown() {
    }

    /**
     * The user's file name, 개발일지_YYYYMMDD_프롬프트_로그.md, dated the day the log starts, so downloading it again
     * gives the same name. A session's log also names the session (개발일지_YYYYMMDD_&lt;session&gt;_프롬프트_로그.md),
     * so two sessions of a day never share a name; a log over several days names its first and last day.
     */
    public static String fileName(LocalDate first, LocalDate last, String sessionId) {
        if (sessionId != null) {
            return "개발일지_" + FILE_DATE.format(first) + "_" + fileSafe(sessionId) + "_프롬프트_로그.md";
        }
        String days = FILE_DATE.format(first) + (last.equals(first) ? "" : "-" + FILE_DATE.format(last));
        return "개발일지_" + days + "_프롬프트_로그.md";
    }

    /** Letters, digits, '.', '_' and '-' stay; any other run becomes one '_' (no separators, quotes or spaces). */
    static String fileSafe(String sessionId) {
        String safe = sessionId.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return safe.codePointCount(0, safe.length()) <= FILE_SESSION_CHARS ? safe
                : safe.substring(0, safe.offsetByCodePoints(0, FILE_SESSION_CHARS));
    }

    public static String render(List<Entry> unsorted, String sessionLabel, ZonedDateTime now, ZoneId zone, Lang lang) {
        Labels l = lang == Lang.EN ? EN : KO;
        List<Entry> entries = unsorted.stream().sorted(Comparator.comparing(Entry::at)).toList();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(l.title()).append("\n\n");
        md.append("## ").append(l.subtitle()).append("\n\n");
        md.append("**").append(l.writtenAt()).append("**: ").append(l.writtenFormat().format(now)).append("  \n");
        md.append("**").append(l.session()).append("**: ").append(sessionLabel).append("  \n");
        md.append("**").append(l.total()).append("**: ").append(l.count().formatted(entries.size())).append("\n\n");
        md.append("---\n\n");
        md.append("## ").append(l.details()).append("\n\n");
        int n = 0;
        for (Entry e : entries) {
            n++;
            md.append("### ").append(n).append(". ").append(contextName(l, e.context())).append(" (")
                    .append(TIME.format(e.at().withZoneSameInstant(zone))).append(")\n\n");
            callFigures(md, l, e);
            md.append("**").append(l.prompt()).append(":**\n\n");
            fenced(md, e.userPrompt() == null ? "" : e.userPrompt());
            md.append("**").append(l.summary()).append(":**\n\n");
            fenced(md, e.aiResponse() == null || e.aiResponse().isBlank() ? l.noAnswer() : summary(e.aiResponse()));
            md.append("---\n\n");
        }
        md.append("## ").append(l.stats()).append("\n\n");
        md.append("- **").append(l.total()).append("**: ").append(l.count().formatted(entries.size())).append("\n");
        md.append("- **").append(l.average()).append("**: ").append(l.chars().formatted(averageLength(entries)))
                .append("\n");
        md.append("- **").append(l.mainContext()).append("**: ").append(mainContext(l, entries)).append("\n");
        if (entries.stream().anyMatch(Entry::hasTokens)) {
            md.append("- **").append(l.totalTokens()).append("**: ")
                    .append(number(entries.stream().mapToLong(Entry::totalTokens).sum())).append("\n");
        }
        String models = entries.stream().map(Entry::model).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        if (!models.isEmpty()) {
            md.append("- **").append(l.models()).append("**: ").append(models).append("\n");
        }
        if (!entries.isEmpty()) {
            md.append("- **").append(l.start()).append("**: ")
                    .append(DATE_TIME.format(entries.getFirst().at().withZoneSameInstant(zone))).append("\n");
            md.append("- **").append(l.end()).append("**: ")
                    .append(DATE_TIME.format(entries.getLast().at().withZoneSameInstant(zone))).append("\n");
        }
        md.append("\n---\n\n");
        md.append("*").append(l.saved()).append(": ").append(DATE_TIME.format(now)).append("*  \n");
        md.append("*").append(l.generated()).append("*\n");
        return md.toString();
    }

    /** "모델: … · 토큰: 입력 … · 출력 … · 합계 …", for an entry whose call is known; nothing otherwise. */
    private static void callFigures(StringBuilder md, Labels l, Entry e) {
        if (e.model() == null && !e.hasTokens()) {
            return;
        }
        if (e.model() != null) {
            md.append("**").append(l.model()).append("**: ").append(e.model());
        }
        if (e.hasTokens()) {
            md.append(e.model() != null ? " · " : "").append("**").append(l.tokens()).append("**: ")
                    .append(l.tokenCounts().formatted(number(e.promptTokens()), number(e.completionTokens()),
                            number(e.totalTokens())));
        }
        md.append("\n\n");
    }

    private static String number(Number n) {
        return n == null ? "-" : String.format(Locale.ROOT, "%,d", n.longValue());
    }

    /** The AI features by their names in the document's language; any other context as it was given. */
    private static String contextName(Labels l, String context) {
        return l.contexts().getOrDefault(context, context);
    }

    /** The answer cut at 500 characters (code points, so Korean and emoji are never split) with "...". */
    static String summary(String response) {
        if (response.codePointCount(0, response.length()) <= SUMMARY_CHARS) {
            return response;
        }
        return response.substring(0, response.offsetByCodePoints(0, SUMMARY_CHARS)) + "...";
    }

    private static void fenced(StringBuilder md, String text) {
        int longestRun = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(Math.max(3, longestRun + 1));
        md.append(fence).append("\n").append(text);
        if (!text.endsWith("\n")) {
            md.append("\n");
        }
        md.append(fence).append("\n\n");
    }

    private static long averageLength(List<Entry> entries) {
        return Math.round(entries.stream()
                .mapToInt(e -> e.userPrompt() == null ? 0 : e.userPrompt().codePointCount(0, e.userPrompt().length()))
                .average().orElse(0));
    }

    /** The most frequent context; on a tie, the one that came first. */
    private static String mainContext(Labels l, List<Entry> entries) {
        Map<String, Long> counts = entries.stream().collect(Collectors.groupingBy(Entry::context,
                LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(e -> -indexOf(entries, e.getKey())))
                .map(e -> contextName(l, e.getKey())).orElse("-");
    }

    private static int indexOf(List<Entry> entries, String context) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).context().equals(context)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

}
