package dev.connectiontoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the main code: the use case ({@code token}) on top, the web edge ({@code auth},
 * {@code ratelimit}, {@code operations}, {@code warmup}) beside it and never importing it, shared names ({@code api}) at the bottom,
 * and {@code stripe} the only package importing stripe-java.
 */
class PackageDependenciesTests {

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "connectiontoken");

    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?dev\\.connectiontoken\\.(\\w+)\\.", Pattern.MULTILINE);

    /** What each package may import; anything else is an arrow pointing the wrong way. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("api", Set.<String>of()),
            Map.entry("error", Set.of("api")),
            Map.entry("client", Set.of("api", "error")),
            Map.entry("audit", Set.of("client", "error")),
            Map.entry("auth", Set.of("api", "audit", "client", "error")),
            Map.entry("ratelimit", Set.of("api", "audit", "client", "error")),
            Map.entry("operations", Set.of("api", "error")),
            Map.entry("stripe", Set.of("api", "error")),
            Map.entry("token", Set.of("api", "audit", "client", "error", "stripe")),
            Map.entry("location", Set.of("api", "client", "error", "stripe")),
            Map.entry("config", Set.of("api", "error")),
            Map.entry("warmup", Set.of("api", "audit")));

    @Test
    void packagesImportOnlyWhatTheyMay() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter((file) -> file.toString().endsWith(".java")
                            && !file.getParent().equals(MAIN))
                    .forEach(PackageDependenciesTests::checkImports);
        }
    }

    @Test
    void onlyTheStripePackageImportsStripeJava() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter((file) -> file.toString().endsWith(".java"))
                    .filter((file) -> read(file).contains("import com.stripe."))
                    .forEach((file) ->
                            assertThat(packageOf(file)).as(file.toString()).isEqualTo("stripe"));
        }
    }

    private static void checkImports(Path file) {
        String owner = packageOf(file);
        assertThat(ALLOWED).as("a package with no rule: %s", owner).containsKey(owner);
        Matcher imports = IMPORT.matcher(read(file));
        while (imports.find()) {
            String imported = imports.group(1);
            if (!imported.equals(owner)) {
                assertThat(ALLOWED.get(owner))
                        .as("%s imports %s", file, imported)
                        .contains(imported);
            }
        }
    }

    private static String packageOf(Path file) {
        return MAIN.relativize(file).getName(0).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
