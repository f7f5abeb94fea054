package org.poolscope.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bundled library and its licence, as license-maven-plugin's {@code add-third-party} listed it at
 * build time (pom.xml) in the resource {@value #RESOURCE}: one line a library,
 * {@code (Licence) [(Licence) …] Name (group:artifact:version - url)}.
 */
record ThirdParty(String name, String coordinates, String licence, String url) {

    static final String RESOURCE = "third-party.txt";
    private static final Pattern LINE = Pattern.compile("^\\s*((?:\\([^)]*\\)\\s*)+)(.+?) \\(([^ ]+) - (.*)\\)\\s*$");
    private static final Pattern LICENCE = Pattern.compile("\\(([^)]*)\\)");

    /** The libraries the build listed, in its order; empty when the resource is missing (a build without it). */
    static List<ThirdParty> bundled() {
        try (InputStream in = ThirdParty.class.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<ThirdParty> parse(List<String> lines) {
        List<ThirdParty> all = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                List<String> licences = LICENCE.matcher(m.group(1)).results().map(r -> r.group(1).strip()).toList();
                all.add(new ThirdParty(m.group(2).strip(), m.group(3), String.join(" or ", licences), m.group(4).strip()));
            }
        }
        return List.copyOf(all);
    }
}
