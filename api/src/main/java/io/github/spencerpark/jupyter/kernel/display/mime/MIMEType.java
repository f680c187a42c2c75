package io.github.spencerpark.jupyter.kernel.display.mime;

import java.util.Locale;
import java.util.Objects;

/**
 * A MIME type such as {@code text/html} or {@code image/svg+xml}, with the constants and parsing
 * that IJava notebooks use ({@code MIMEType.TEXT_HTML}, {@code MIMEType.parse("image/png")}).
 * Jotter's own implementation of the jupyter-jvm-basekernel type, so that IJava's renderer
 * registrations compile and run unchanged.
 *
 * <p>The parts of {@code group/tree.subtype+suffix}: {@code application/vnd.api+json} has group
 * {@code application}, tree {@code vnd}, subtype {@code api} and suffix {@code json}. A subtype of
 * {@code *} is a wildcard for the whole group, and {@link #ANY} ({@code *}) for everything.
 */
public final class MIMEType {
    private static final String WILDCARD = "*";

    /** Any type: {@code *}. */
    public static final MIMEType ANY = new MIMEType(WILDCARD, null, WILDCARD, null);
    /** {@code application/xml} */
    public static final MIMEType APPLICATION_XML = parse("application/xml");
    /** {@code application/json} */
    public static final MIMEType APPLICATION_JSON = parse("application/json");
    /** {@code application/javascript} */
    public static final MIMEType APPLICATION_JAVASCRIPT = parse("application/javascript");
    /** {@code application/pdf} */
    public static final MIMEType APPLICATION_PDF = parse("application/pdf");
    /** {@code application/zip} */
    public static final MIMEType APPLICATION_ZIP = parse("application/zip");
    /** {@code text/html} */
    public static final MIMEType TEXT_HTML = parse("text/html");
    /** {@code text/markdown} */
    public static final MIMEType TEXT_MARKDOWN = parse("text/markdown");
    /** {@code text/latex} */
    public static final MIMEType TEXT_LATEX = parse("text/latex");
    /** {@code text/plain} */
    public static final MIMEType TEXT_PLAIN = parse("text/plain");
    /** {@code text/css} */
    public static final MIMEType TEXT_CSS = parse("text/css");
    /** {@code image/png} */
    public static final MIMEType IMAGE_PNG = parse("image/png");
    /** {@code image/jpeg} */
    public static final MIMEType IMAGE_JPEG = parse("image/jpeg");
    /** {@code image/gif} */
    public static final MIMEType IMAGE_GIF = parse("image/gif");
    /** {@code image/svg+xml} */
    public static final MIMEType IMAGE_SVG = parse("image/svg+xml");

    private final String group;
    private final String tree;
    private final String subtype;
    private final String suffix;

    /**
     * @param group e.g. {@code text}; required
     * @param tree e.g. {@code vnd}, or null
     * @param subtype e.g. {@code html}, {@code *}, or null for a bare group
     * @param suffix e.g. {@code xml}, or null
     */
    public MIMEType(String group, String tree, String subtype, String suffix) {
        if (group == null) {
            throw new IllegalArgumentException("Expected a MIME group such as text or image, found null");
        }
        this.group = group.toLowerCase(Locale.ROOT);
        this.tree = tree == null ? null : tree.toLowerCase(Locale.ROOT);
        this.subtype = subtype == null ? null : subtype.toLowerCase(Locale.ROOT);
        this.suffix = suffix == null ? null : suffix.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a MIME type.
     *
     * @param raw e.g. {@code text/html}, {@code image/svg+xml}, {@code text/*} or {@code *}
     * @return the type
     * @throws IllegalArgumentException when the text is not a MIME type, naming it
     */
    public static MIMEType parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("Expected a MIME type such as text/html, found '" + raw + "'");
        }
        String s = raw.strip();
        if (s.equals(WILDCARD)) {
            return ANY;
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            checkName(raw, s);
            return new MIMEType(s, null, null, null);
        }
        String group = s.substring(0, slash);
        String rest = s.substring(slash + 1);
        checkName(raw, group);
        if (rest.equals(WILDCARD)) {
            return new MIMEType(group, null, WILDCARD, null);
        }
        String suffix = null;
        int plus = rest.lastIndexOf('+');
        if (plus >= 0) {
            suffix = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
        }
        String tree = null;
        int dot = rest.indexOf('.');
        if (dot >= 0) {
            tree = rest.substring(0, dot);
            rest = rest.substring(dot + 1);
        }
        checkName(raw, rest);
        return new MIMEType(group, tree, rest, suffix);
    }

    private static void checkName(String raw, String part) {
        if (part.isEmpty() || !part.chars().allMatch(c -> Character.isLetterOrDigit(c) || "!#$&-^_.+".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("Expected a MIME type such as text/html, found '" + raw + "'");
        }
    }

    /** @return the group, e.g. {@code text} */
    public String getGroup() {
        return group;
    }

    /** @return the tree, e.g. {@code vnd}, or null */
    public String getTree() {
        return tree;
    }

    /** @return the subtype, e.g. {@code html}, or null for a bare group */
    public String getSubtype() {
        return subtype;
    }

    /** @return the suffix, e.g. {@code xml}, or null */
    public String getSuffix() {
        return suffix;
    }

    /** @return whether there is a tree */
    public boolean hasTree() {
        return tree != null;
    }

    /** @return whether there is a subtype */
    public boolean hasSubtype() {
        return subtype != null;
    }

    /** @return whether there is a suffix */
    public boolean hasSuffix() {
        return suffix != null;
    }

    /** @return this type without its suffix ({@code image/svg} for {@code image/svg+xml}) */
    public MIMEType withoutSuffix() {
        return suffix == null ? this : new MIMEType(group, tree, subtype, null);
    }

    /** @return whether the subtype is {@code *}, standing for the whole group */
    public boolean subtypeIsWildcard() {
        return WILDCARD.equals(subtype);
    }

    /** @return whether this is {@link #ANY} */
    public boolean isWildcard() {
        return WILDCARD.equals(group);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MIMEType m && group.equals(m.group) && Objects.equals(tree, m.tree)
                && Objects.equals(subtype, m.subtype) && Objects.equals(suffix, m.suffix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, tree, subtype, suffix);
    }

    /** @return the type as written in a MIME bundle, e.g. {@code image/svg+xml} */
    @Override
    public String toString() {
        if (isWildcard()) {
            return WILDCARD;
        }
        StringBuilder sb = new StringBuilder(group);
        if (subtype != null) {
            sb.append('/');
            if (tree != null) {
                sb.append(tree).append('.');
            }
            sb.append(subtype);
        }
        if (suffix != null) {
            sb.append('+').append(suffix);
        }
        return sb.toString();
    }
}
