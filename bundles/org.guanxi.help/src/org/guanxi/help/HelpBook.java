package org.guanxi.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The user guide as the installed modules make it up. A bundle contributes a chapter with the manifest header
 * {@code Guanxi-Help: help;rank=100}: a folder with one sub-folder per language ({@code en}, {@code zh}, or
 * {@code zh_CN}) of Markdown pages, {@code index.md} first, the others by name. A module installed brings its
 * chapter, a module removed takes it along (the extender pattern, as {@code Model-Fragment} does for the workbench).
 */
public final class HelpBook {

    public static final String HEADER = "Guanxi-Help";
    private static final String FIRST = "index.md";

    /** One page: where it is and the title of its first heading. */
    public record Page(Bundle bundle, String path, String title) {

        public String read() {
            URL entry = bundle.getEntry(path);
            if (entry == null) {
                return "# " + (title == null ? fileName() : title); // its module was removed while the guide was open
            }
            try (InputStream in = entry.openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(path + " in " + bundle.getSymbolicName(), e);
            }
        }

        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** A file next to this page (an image, another page), or null when there is none. */
        public URL sibling(String relative) {
            if (relative.startsWith("/") || relative.contains("..") || relative.contains(":")) {
                return null; // only the page's own folder: a page cannot read other files of the bundle
            }
            return bundle.getEntry(path.substring(0, path.lastIndexOf('/') + 1) + relative);
        }
    }

    /** A module's chapter: its pages in reading order; the first page's title is the chapter's. */
    public record Chapter(String module, int rank, List<Page> pages) {

        public String title() {
            return pages.get(0).title();
        }

        public Optional<Page> page(String fileName) {
            return pages.stream().filter(p -> p.fileName().equals(fileName)).findFirst();
        }
    }

    private HelpBook() {
    }

    /** The chapters of the bundles resolved in this framework, in the language of {@code locale}, by rank. */
    public static List<Chapter> chapters(BundleContext context, Locale locale) {
        List<Chapter> chapters = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String header = bundle.getHeaders("").get(HEADER);
            if (header != null && (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                chapter(bundle, header, locale).ifPresent(chapters::add);
            }
        }
        chapters.sort(Comparator.comparingInt(Chapter::rank).thenComparing(Chapter::module));
        return chapters;
    }

    static Optional<Chapter> chapter(Bundle bundle, String header, Locale locale) {
        String[] parts = header.split(";");
        String root = parts[0].trim().replaceAll("^/+|/+$", "");
        int rank = Integer.MAX_VALUE;
        for (int i = 1; i < parts.length; i++) {
            String[] attribute = parts[i].split("=", 2);
            if (attribute.length == 2 && attribute[0].trim().equals("rank")) {
                try {
                    rank = Integer.parseInt(attribute[1].trim().replace("\"", ""));
                } catch (NumberFormatException e) {
                    // a chapter with an unreadable rank comes last rather than taking the guide down with it
                }
            }
        }
        for (String language : languages(locale)) {
            String folder = root + "/" + language + "/";
            if (bundle.getEntry(folder + FIRST) != null) {
                return Optional.of(new Chapter(bundle.getSymbolicName(), rank, pages(bundle, folder)));
            }
        }
        return Optional.empty();
    }

    /** zh_CN, then zh, then English, which every chapter has. */
    static Set<String> languages(Locale locale) {
        Set<String> languages = new LinkedHashSet<>();
        if (!locale.getCountry().isEmpty()) {
            languages.add(locale.getLanguage() + "_" + locale.getCountry());
        }
        languages.add(locale.getLanguage());
        languages.add("en");
        languages.remove("");
        return languages;
    }

    private static List<Page> pages(Bundle bundle, String folder) {
        List<String> paths = new ArrayList<>();
        Enumeration<String> entries = bundle.getEntryPaths(folder);
        for (String path : entries == null ? Collections.<String>emptyList() : Collections.list(entries)) {
            if (path.endsWith(".md")) {
                paths.add(path);
            }
        }
        paths.sort(Comparator.comparing((String p) -> !p.endsWith("/" + FIRST)).thenComparing(p -> p));
        List<Page> pages = new ArrayList<>();
        for (String path : paths) {
            Page untitled = new Page(bundle, path, null);
            pages.add(new Page(bundle, path, title(untitled.read(), untitled.fileName())));
        }
        return pages;
    }

    /** The page's first level-1 heading. */
    static String title(String markdown, String fallback) {
        return markdown.lines().map(String::strip).filter(l -> l.startsWith("# ")).findFirst()
                .map(l -> l.substring(2).strip()).orElse(fallback);
    }
}
