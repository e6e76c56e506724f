package cn.changjiang.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README stays a five-minute read, and every relative link in it and in {@code docs/} leads somewhere: the
 * file exists, and a {@code #fragment} names one of that file's headings (as GitHub makes anchors of them).
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+)$", Pattern.MULTILINE);

    @Test
    void theReadmeIsShort() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(250);
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            String text = withoutCodeBlocks(Files.readString(page));
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("//")) {
                    continue; // http:, https:, mailto: — not ours to check offline
                }
                checked++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (fragment != null && !anchorsOf(resolved).contains(fragment)) {
                    broken.add(page + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(checked).as("relative links found").isGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    /** GitHub's anchors: lower case, spaces to hyphens, punctuation other than hyphens and underscores dropped. */
    static List<String> anchorsOf(Path page) throws IOException {
        if (!page.toString().endsWith(".md")) {
            return List.of();
        }
        List<String> anchors = new ArrayList<>();
        Matcher heading = HEADING.matcher(withoutCodeBlocks(Files.readString(page)));
        while (heading.find()) {
            anchors.add(anchor(heading.group(1)));
        }
        return anchors;
    }

    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }

    @Test
    void anchorsFollowGitHub() {
        assertThat(anchor("Add a field to a type")).isEqualTo("add-a-field-to-a-type");
        assertThat(anchor("W1: chain (问责链)")).isEqualTo("w1-chain-问责链");
    }
}
