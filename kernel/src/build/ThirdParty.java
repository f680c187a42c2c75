import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes the licence files of the installed kernel from the jars actually in {@code lib/}: run by
 * the kernel's build at package, after the layers are copied, as
 * {@code java ThirdParty.java LIB LOCAL_REPO PROJECT_ROOT OVERRIDES CLASSPATH_LIST...}.
 * <ul>
 *   <li>{@code LIB/THIRD-PARTY.txt}: one row per jar of {@code lib/}, {@code lib/toolkit} and
 *       {@code lib/smile}: its layer, file, Maven coordinates and licences. The coordinates come
 *       from the build's class path lists (a jar's file name there is its local-repository path);
 *       the licences from the artifact's pom, else its nearest parent pom that names one, else
 *       OVERRIDES (for the few artifacts whose poms name none).</li>
 *   <li>{@code LIB/NOTICE}: the project's NOTICE, then every jar's own {@code META-INF/NOTICE*}
 *       text (Apache-2.0 section 4(d) asks redistributors to pass these on), each text once.</li>
 *   <li>{@code LIB/LICENSE} (the project's Apache-2.0) and {@code LIB/smile/LICENSE} (the GPL-3.0
 *       of the Smile layer).</li>
 * </ul>
 * Fails, naming the jar and the fix, when a jar's coordinates or licence cannot be found, so no
 * jar ships unlisted.
 */
public final class ThirdParty {
    private ThirdParty() {}

    private static final List<String> LAYERS = List.of("", "toolkit", "smile");

    /** One jar as listed. */
    record Row(String layer, String file, String coordinates, List<String> licences) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: java ThirdParty.java LIB LOCAL_REPO PROJECT_ROOT OVERRIDES CLASSPATH_LIST...");
        }
        Path lib = Path.of(args[0]);
        Path repo = Path.of(args[1]);
        Path root = Path.of(args[2]);
        Properties overrides = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[3]))) {
            overrides.load(in);
        }
        Map<String, Path> byFileName = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            for (String entry : Files.readString(Path.of(args[i])).strip().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    Path p = Path.of(entry);
                    byFileName.putIfAbsent(p.getFileName().toString(), p);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        Map<String, String> notices = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String layer : LAYERS) {
            Path dir = layer.isEmpty() ? lib : lib.resolve(layer);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> jars;
            try (Stream<Path> s = Files.list(dir)) {
                jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                Path source = byFileName.get(name);
                if (source == null) {
                    // Jotter's own modules: the class path lists may name their class folders, not their jars.
                    Path module = root.resolve(name.replaceFirst("^jotter-", "").replaceFirst("-\\d[^-]*(-SNAPSHOT)?\\.jar$", ""));
                    if (name.startsWith("jotter-") && Files.isRegularFile(module.resolve("pom.xml"))) {
                        source = module.resolve("target").resolve(name);
                    }
                }
                Path pom = source == null ? null : pomOf(source, repo);
                if (pom == null || !Files.isRegularFile(pom)) {
                    problems.add("lib/" + (layer.isEmpty() ? "" : layer + "/") + name + ": no pom found (from " + source
                            + "); is the jar in one of the build's class path lists " + List.of(args).subList(4, args.length) + "?");
                    continue;
                }
                String coordinates = coordinates(source, pom, repo);
                String key = coordinates.substring(0, coordinates.indexOf(':', coordinates.indexOf(':') + 1));
                List<String> licences = new ArrayList<>();
                String override = overrides.getProperty(key);
                if (override != null) {
                    licences.add(override);
                } else {
                    licences.addAll(licencesOf(pom, repo, root));
                }
                if (licences.isEmpty()) {
                    problems.add("lib/" + (layer.isEmpty() ? "" : layer + "/") + name + " (" + coordinates + "): its pom and parents name no licence;"
                            + " read the jar's or the project's licence and add '" + key + "=NAME (URL)' to " + args[3]);
                    continue;
                }
                rows.add(new Row(layer.isEmpty() ? "lib" : "lib/" + layer, name, coordinates, licences));
                collectNotices(jar, coordinates, notices);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cannot list the licences of every jar in " + lib + ":\n  " + String.join("\n  ", problems));
        }
        writeList(lib.resolve("THIRD-PARTY.txt"), rows);
        writeNotice(lib.resolve("NOTICE"), root.resolve("NOTICE"), notices);
        Files.copy(root.resolve("LICENSE"), lib.resolve("LICENSE"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (Files.isDirectory(lib.resolve("smile"))) {
            Files.copy(root.resolve("toolkit-smile/LICENSE"), lib.resolve("smile/LICENSE"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("ThirdParty: " + rows.size() + " jars listed in " + lib.resolve("THIRD-PARTY.txt") + ", " + notices.size() + " NOTICE texts in " + lib.resolve("NOTICE"));
    }

    /** The pom of a class path entry: the local repository's beside the jar, or a reactor module's own. */
    private static Path pomOf(Path source, Path repo) {
        Path abs = source.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("target")) {
                return p.getParent().resolve("pom.xml");
            }
        }
        Path dir = abs.getParent();
        Path version = dir.getFileName();
        Path artifact = dir.getParent().getFileName();
        return dir.resolve(artifact + "-" + version + ".pom");
    }

    /** groupId:artifactId:version[:classifier], from the local repository's layout, else from a reactor module's pom. */
    private static String coordinates(Path source, Path pom, Path repo) throws Exception {
        Path abs = source.toAbsolutePath().normalize();
        Path r = repo.toAbsolutePath().normalize();
        if (abs.startsWith(r)) {
            Path rel = r.relativize(abs);
            int n = rel.getNameCount();
            String version = rel.getName(n - 2).toString();
            String artifact = rel.getName(n - 3).toString();
            String group = rel.subpath(0, n - 3).toString().replace(java.io.File.separatorChar, '.');
            String file = rel.getFileName().toString();
            String stem = artifact + "-" + version;
            String classifier = file.startsWith(stem + "-") ? file.substring(stem.length() + 1, file.lastIndexOf('.')) : "";
            return group + ":" + artifact + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
        }
        Element project = parse(pom);
        return text(project, "groupId", parentText(project, "groupId")) + ":" + text(project, "artifactId", "?")
                + ":" + text(project, "version", parentText(project, "version"));
    }

    private static List<String> licencesOf(Path pom, Path repo, Path root) throws Exception {
        Set<Path> seen = new LinkedHashSet<>();
        for (Path p = pom; p != null && Files.isRegularFile(p) && seen.add(p); ) {
            Element project = parse(p);
            List<String> found = new ArrayList<>();
            Element licenses = child(project, "licenses");
            if (licenses != null) {
                for (Node n = licenses.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getTagName().equals("license")) {
                        String name = text(e, "name", "").replaceAll("\\s+", " ").strip();
                        String url = text(e, "url", "").strip();
                        found.add(url.isEmpty() ? name : name + " (" + url + ")");
                    }
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
            Element parent = child(project, "parent");
            if (parent == null) {
                return List.of();
            }
            String relative = text(parent, "relativePath", "../pom.xml");
            Path local = relative.isBlank() ? null : p.getParent().resolve(relative).normalize();
            if (local != null && Files.isDirectory(local)) {
                local = local.resolve("pom.xml");
            }
            String g = text(parent, "groupId", ""), a = text(parent, "artifactId", ""), v = text(parent, "version", "");
            if (local != null && Files.isRegularFile(local) && a.equals(text(parse(local), "artifactId", ""))) {
                p = local;
            } else {
                p = repo.resolve(g.replace('.', '/')).resolve(a).resolve(v).resolve(a + "-" + v + ".pom");
            }
        }
        return List.of();
    }

    private static void collectNotices(Path jar, String coordinates, Map<String, String> notices) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                String n = e.getName();
                if (!e.isDirectory() && n.startsWith("META-INF/") && n.indexOf('/', 9) < 0 && n.substring(9).toUpperCase(java.util.Locale.ROOT).startsWith("NOTICE")) {
                    try (InputStream in = z.getInputStream(e)) {
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                        if (!text.isEmpty()) {
                            notices.merge(text, coordinates, (a, b) -> a + ", " + b);
                        }
                    }
                }
            }
        }
    }

    private static void writeList(Path out, List<Row> rows) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("Third-party software distributed with this Jotter kernel\n")
         .append("==========================================================\n\n")
         .append("Generated by the build (kernel/src/build/ThirdParty.java) from the jars in lib/, lib/toolkit and\n")
         .append("lib/smile, with the licences their Maven poms declare. Each jar is distributed unmodified except\n")
         .append("that the toolkit layer's copies lose other platforms' native libraries, symbol tables and ICU's\n")
         .append("locale data (docs/library-isolation.md). Jotter itself is Apache-2.0 (LICENSE); the Smile layer,\n")
         .append("lib/smile, is GPL-3.0-or-later as a whole (smile/LICENSE, docs/licensing.md).\n\n");
        Map<String, Integer> byLicence = new TreeMap<>();
        for (Row r : rows) {
            byLicence.merge(String.join(" OR ", r.licences().stream().map(ThirdParty::spdx).toList()), 1, Integer::sum);
        }
        s.append("Licences (SPDX identifiers; a jar under a choice of licences counted once), with the number of jars under each:\n");
        byLicence.forEach((l, n) -> s.append(String.format("  %3d  %s%n", n, l)));
        s.append("\nlayer\tjar\tartifact\tlicence\n");
        for (Row r : rows) {
            s.append(r.layer()).append('\t').append(r.file()).append('\t').append(r.coordinates()).append('\t')
             .append(String.join(" / ", r.licences())).append('\n');
        }
        Files.writeString(out, s);
    }

    /** The SPDX identifier of a licence as poms name it, for the summary; the rows keep the pom's words. */
    static String spdx(String licence) {
        String l = licence.toLowerCase(java.util.Locale.ROOT);
        if (l.startsWith("gpl-3.0-or-later")) {
            return "GPL-3.0-or-later";
        }
        if (l.startsWith("lgpl-2.1")) {
            return "LGPL-2.1-or-later";
        }
        if (l.contains("lesser") || l.contains("lgpl")) {
            return "LGPL-3.0" + (l.contains("lgpl-3") || l.contains("licenses/lgpl.txt") ? "" : "?");
        }
        if (l.startsWith("gnu 3") || l.contains("gpl-3")) {
            return "GPL-3.0";
        }
        if (l.contains("apache")) {
            return "Apache-2.0";
        }
        if (l.contains("mit")) {
            return "MIT";
        }
        if (l.contains("epl-2.0") || l.contains("eclipse public license - v 2") || l.contains("epl-2")) {
            return "EPL-2.0";
        }
        if (l.contains("bsd-3") || l.contains("bsd 3")) {
            return "BSD-3-Clause";
        }
        if (l.contains("bsd 2") || l.contains("bsd-2")) {
            return "BSD-2-Clause";
        }
        if (l.contains("mozilla") && l.contains("2.0")) {
            return "MPL-2.0";
        }
        if (l.contains("unicode") || l.contains("icu")) {
            return "Unicode-3.0 (ICU)";
        }
        return licence;
    }

    private static void writeNotice(Path out, Path projectNotice, Map<String, String> notices) throws IOException {
        StringBuilder s = new StringBuilder(Files.readString(projectNotice).strip()).append("\n\n");
        s.append("The NOTICE files of the libraries distributed in lib/ follow, each once, with the artifacts that carry it.\n");
        notices.forEach((text, from) -> s.append("\n---------------------------------------------------------------------------\n")
                .append("From ").append(from).append(":\n\n").append(text).append('\n'));
        Files.writeString(out, s);
    }

    private static Element parse(Path pom) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        Document d = f.newDocumentBuilder().parse(pom.toFile());
        return d.getDocumentElement();
    }

    private static Element child(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return c;
            }
        }
        return null;
    }

    private static String text(Element e, String tag, String otherwise) {
        Element c = child(e, tag);
        return c == null ? otherwise : c.getTextContent().strip();
    }

    private static String parentText(Element project, String tag) {
        Element parent = child(project, "parent");
        return parent == null ? "?" : text(parent, tag, "?");
    }
}
