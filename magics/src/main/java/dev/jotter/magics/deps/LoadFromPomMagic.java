package dev.jotter.magics.deps;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * {@code %loadFromPOM pom.xml [scopes]} and {@code %%loadFromPOM} with a POM or a fragment of
 * one: resolves the POM's dependencies and adds them to the classpath.
 */
public final class LoadFromPomMagic extends AbstractMagic implements LineMagic, CellMagic {
    private static final Set<String> SCOPES = Set.of("compile", "runtime", "provided", "test", "system");
    private static final Set<String> DEFAULT_SCOPES = Set.of("compile", "runtime", "system");

    /** Creates the magic; found by ServiceLoader. */
    public LoadFromPomMagic() {
        super("loadFromPOM", "Add the dependencies of a POM (file or cell) to the classpath", """
                %loadFromPOM POM_FILE [SCOPE ...] [--scopes=SCOPE,...] [--insecure]
                %%loadFromPOM [SCOPE ...] [--scopes=SCOPE,...] [--insecure]
                POM OR FRAGMENT

                Resolves the dependencies a pom.xml declares, with its parent, properties,
                dependency management, imported BOMs and <repositories> applied, plus their
                transitive dependencies, and adds the jars to the classpath. SCOPE is one of
                compile, runtime, provided, test, system; the default is compile, runtime and
                system. The cell form takes a whole POM or just a fragment: <dependencies>,
                <repositories>, <properties>, <dependencyManagement>, or bare <dependency>
                elements. Settings and repositories are those of %maven; a plain-http
                <repository> off this machine is refused unless --insecure is given.

                Example:
                  %%loadFromPOM
                  <dependency>
                    <groupId>com.google.code.gson</groupId>
                    <artifactId>gson</artifactId>
                    <version>2.13.2</version>
                  </dependency>
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args).allowOnly(this, Set.of("scopes", "v", "verbose", "insecure"));
        if (a.positional().isEmpty()) {
            throw MagicArgs.usageError(this, "%loadFromPOM needs a POM file, e.g. %loadFromPOM pom.xml.");
        }
        Path pom = context.workingDirectory().resolve(a.positional().getFirst()).toAbsolutePath().normalize();
        if (Files.isDirectory(pom)) {
            pom = pom.resolve("pom.xml");
        }
        if (!Files.isRegularFile(pom)) {
            throw new MagicException("No such POM file: " + pom + ". Check the path (relative to %pwd).");
        }
        Set<String> scopes = scopes(a, a.positional().subList(1, a.positional().size()));
        context.addToClasspath(resolve(pom, scopes, a.has("insecure"), context));
        return null;
    }

    private List<Path> resolve(Path pom, Set<String> scopes, boolean insecure, MagicContext context) throws MagicException {
        MavenResolver resolver = MavenResolver.shared();
        resolver.takeWarnings();
        try {
            return resolver.resolvePom(pom, scopes, insecure);
        } finally {
            resolver.printWarnings(name(), context.err());
        }
    }

    @Override
    public Object run(String args, String body, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args).allowOnly(this, Set.of("scopes", "v", "verbose", "insecure"));
        Set<String> scopes = scopes(a, a.positional());
        if (body.isBlank()) {
            throw MagicArgs.usageError(this, "%%loadFromPOM needs a POM or a <dependency> fragment in the cell body.");
        }
        Path dir = Files.createTempDirectory("jotter-pom");
        Path pom = dir.resolve("pom.xml");
        try {
            Files.writeString(pom, wrap(body), StandardCharsets.UTF_8);
            context.addToClasspath(resolve(pom, scopes, a.has("insecure"), context));
        } finally {
            delete(pom);
            delete(dir);
        }
        return null;
    }

    private Set<String> scopes(MagicArgs a, List<String> words) throws MagicException {
        Set<String> scopes = new LinkedHashSet<>();
        for (String w : words) {
            scopes.addAll(Arrays.asList(w.split(",")));
        }
        a.option("scopes").ifPresent(s -> scopes.addAll(Arrays.asList(s.split(","))));
        scopes.removeIf(String::isBlank);
        for (String s : scopes) {
            if (!SCOPES.contains(s)) {
                throw MagicArgs.usageError(this, "Unknown scope '" + s + "'. Use compile, runtime, provided, test or system.");
            }
        }
        return scopes.isEmpty() ? DEFAULT_SCOPES : scopes;
    }

    /** The elements a POM's project may hold besides dependencies and repositories; IJava keeps them too. */
    private static final Set<String> PROJECT_ELEMENTS = Set.of("modelVersion", "parent", "groupId", "artifactId", "version",
            "packaging", "name", "description", "url", "properties", "dependencyManagement", "pluginRepositories",
            "build", "profiles", "licenses", "developers", "organization", "scm", "inceptionYear", "modules");

    /**
     * Completes a POM fragment to a POM with placeholder coordinates, as IJava does: every
     * {@code <dependency>}, bare or inside {@code <dependencies>}, goes into one dependencies
     * list and every {@code <repository>} into one repositories list, in any order and mixed;
     * other project elements ({@code <properties>}, {@code <dependencyManagement>}, ...) are kept.
     * A whole {@code <project>} is used as it is.
     *
     * @param body the cell body
     * @return a whole POM
     * @throws MagicException when the body is not XML or holds an element a POM has no place for
     */
    static String wrap(String body) throws MagicException {
        String b = body.strip().replaceFirst("^<\\?xml[^>]*\\?>", "").strip();
        Element root = parseFragment(b);
        List<Element> top = children(root);
        if (top.size() == 1 && top.getFirst().getTagName().equals("project")) {
            return b;
        }
        StringBuilder dependencies = new StringBuilder();
        StringBuilder repositories = new StringBuilder();
        StringBuilder other = new StringBuilder();
        Set<String> given = new LinkedHashSet<>();
        for (Element e : top) {
            String tag = e.getTagName();
            switch (tag) {
                case "dependency" -> dependencies.append(xml(e));
                case "repository" -> repositories.append(xml(e));
                case "dependencies", "repositories" -> {
                    String inner = tag.equals("dependencies") ? "dependency" : "repository";
                    for (Element c : children(e)) {
                        if (!c.getTagName().equals(inner)) {
                            throw new MagicException("Expected only <" + inner + "> elements inside <" + tag + ">, found <"
                                    + c.getTagName() + ">; move it out or fix its name.");
                        }
                        (tag.equals("dependencies") ? dependencies : repositories).append(xml(c));
                    }
                }
                default -> {
                    if (!PROJECT_ELEMENTS.contains(tag)) {
                        throw new MagicException("Expected POM elements (<dependency>, <dependencies>, <repository>, <repositories>, "
                                + "<properties>, <dependencyManagement>, or a whole <project>), found <" + tag
                                + ">; fix its name, since Maven would ignore it.");
                    }
                    given.add(tag);
                    other.append(xml(e));
                }
            }
        }
        StringBuilder pom = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n");
        if (!given.contains("modelVersion")) {
            pom.append("<modelVersion>4.0.0</modelVersion>\n");
        }
        if (!given.contains("groupId") && !given.contains("parent")) {
            pom.append("<groupId>dev.jotter.notebook</groupId>\n");
        }
        if (!given.contains("artifactId")) {
            pom.append("<artifactId>cell</artifactId>\n");
        }
        if (!given.contains("version") && !given.contains("parent")) {
            pom.append("<version>0</version>\n");
        }
        pom.append(other);
        pom.append("<dependencies>\n").append(dependencies).append("</dependencies>\n");
        pom.append("<repositories>\n").append(repositories).append("</repositories>\n");
        return pom.append("</project>\n").toString();
    }

    private static Element parseFragment(String fragment) throws MagicException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A cell body is the user's own text, but a DOCTYPE could still read local files.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            // The default handler prints "[Fatal Error]" to the kernel's stderr; the exception says it all.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new InputSource(new StringReader("<jotter-cell>" + fragment + "</jotter-cell>")))
                    .getDocumentElement();
        } catch (SAXException e) {
            throw new MagicException("Could not read the POM fragment: " + e.getMessage()
                    + " Fix the XML: every <dependency> and <repository> must be closed.", e);
        } catch (ParserConfigurationException | IOException e) {
            throw new MagicException("Could not read the POM fragment: " + e, e);
        }
    }

    private static List<Element> children(Element parent) throws MagicException {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e) {
                out.add(e);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                throw new MagicException("Expected only XML elements in the POM fragment, found the text '"
                        + n.getTextContent().strip() + "'; remove it or put it in an element.");
            }
        }
        return out;
    }

    private static String xml(Element e) throws MagicException {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(out));
            return out + "\n";
        } catch (TransformerException ex) {
            throw new MagicException("Could not copy <" + e.getTagName() + "> into the POM: " + ex.getMessage(), ex);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover file in the temp directory does no harm.
        }
    }
}
