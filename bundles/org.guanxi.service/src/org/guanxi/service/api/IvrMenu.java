package org.guanxi.service.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.ValidationException;


/**
 * The IVR menu tree (语音导航菜单) as integration engineers write it: one line per key, a sub-menu indented two more
 * spaces under its key, a queue after {@code ->} on the last level:
 *
 * <pre>
 * 2 订单与配送 | Orders and delivery
 *   1 查询订单进度 | Where is my order -> ORDERS
 * </pre>
 *
 * Keys 0–9 choose; {@code *} goes back one level, {@code #} repeats the menu; after three keys that are not on the
 * menu in a row the caller goes to the operator (key 0 of the main menu). Written by hand because the format is the
 * point: a YAML or JSON tree would be three times as long to read aloud in a review, and every error here names its
 * line.
 */
public final class IvrMenu {

    /** A key of a menu: a sub-menu ({@code children}) or, on the last level, a queue. */
    public record Node(char key, String promptZh, String promptEn, String queue, List<Node> children, int line) {

        public String prompt(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? promptZh : promptEn;
        }

        public boolean isMenu() {
            return !children.isEmpty();
        }

        public Node child(char key) {
            return children.stream().filter(n -> n.key == key).findFirst().orElse(null);
        }
    }

    /** Where a caller is after some keys: in a menu waiting for a key, or routed to a queue. */
    public record Walk(List<Node> path, String queue, int invalidInARow, List<Step> steps) {

        /** The menu the caller hears now (empty path: the main menu). */
        public List<Node> options(IvrMenu menu) {
            return path.isEmpty() ? menu.root : path.get(path.size() - 1).children;
        }

        public boolean routed() {
            return queue != null;
        }
    }

    /** What one key did. */
    public enum Action { CHOSE, ROUTED, BACK, REPEAT, INVALID, OPERATOR }

    public record Step(char key, Action action, Node node) {
    }

    static final int MAX_DEPTH = 5;
    static final int INVALID_LIMIT = 3;
    private static final Pattern LINE = Pattern.compile("(\\d)\\s+([^|>]+?)(?:\\s*\\|\\s*([^|>]+?))?(?:\\s*->\\s*([A-Za-z0-9_]+))?\\s*");

    private final List<Node> root;
    private final String text;

    private IvrMenu(List<Node> root, String text) {
        this.root = root;
        this.text = text;
    }

    public List<Node> root() {
        return root;
    }

    public String text() {
        return text;
    }

    /** The operator's queue: key 0 of the main menu, or null when there is none. */
    public String operatorQueue() {
        return root.stream().filter(n -> n.key == '0' && !n.isMenu()).map(Node::queue).findFirst().orElse(null);
    }

    /**
     * Reads a menu; {@code queueExists} says which queue codes are real. Every broken line is reported (field
     * {@code ivr}, with its line number), and nothing is returned then.
     */
    public static IvrMenu parse(String text, Predicate<String> queueExists) {
        List<FieldError> errors = new ArrayList<>();
        List<Builder> top = new ArrayList<>();
        List<Builder> open = new ArrayList<>(); // the last node seen at each depth
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String raw = lines[i];
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (raw.indexOf('\t') >= 0 && raw.indexOf('\t') < raw.indexOf(t.charAt(0))) {
                errors.add(error("error.ivr.tab", no));
                continue;
            }
            int indent = raw.indexOf(t.charAt(0));
            int depth = indent / 2;
            if (indent % 2 != 0 || depth > open.size()) {
                errors.add(error("error.ivr.indent", no));
                continue;
            }
            if (depth >= MAX_DEPTH) {
                errors.add(error("error.ivr.depth", no, MAX_DEPTH));
                continue;
            }
            Matcher m = LINE.matcher(t);
            if (!m.matches()) {
                errors.add(error("error.ivr.syntax", no));
                continue;
            }
            char key = m.group(1).charAt(0);
            String zh = m.group(2).strip();
            Builder b = new Builder(key, zh, m.group(3) == null ? zh : m.group(3).strip(), m.group(4), no);
            List<Builder> siblings = depth == 0 ? top : open.get(depth - 1).children;
            if (siblings.stream().anyMatch(s -> s.key == key)) {
                errors.add(error("error.ivr.duplicate", no, String.valueOf(key)));
            }
            if (b.queue != null && !queueExists.test(b.queue)) {
                errors.add(error("error.ivr.queue", no, b.queue));
            }
            siblings.add(b);
            while (open.size() > depth) {
                open.remove(open.size() - 1);
            }
            open.add(b);
        }
        if (top.isEmpty() && errors.isEmpty()) {
            errors.add(error("error.ivr.empty", 0));
        }
        check(top, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new IvrMenu(top.stream().map(Builder::build).toList(), text);
    }

    /** A menu key needs a queue or a sub-menu, not both. */
    private static void check(List<Builder> nodes, List<FieldError> errors) {
        for (Builder b : nodes) {
            if (b.children.isEmpty() && b.queue == null) {
                errors.add(error("error.ivr.noQueue", b.line, String.valueOf(b.key)));
            } else if (!b.children.isEmpty() && b.queue != null) {
                errors.add(error("error.ivr.queueAndMenu", b.line, String.valueOf(b.key)));
            }
            check(b.children, errors);
        }
    }

    private static FieldError error(String key, int line, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = line;
        System.arraycopy(more, 0, args, 1, more.length);
        return new FieldError("ivr", key, args);
    }

    /** Walks the keys a caller pressed, from the main menu. Characters other than 0–9, * and # are ignored. */
    public Walk walk(String keys) {
        List<Node> path = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        int invalid = 0;
        for (char k : keys.toCharArray()) {
            List<Node> options = path.isEmpty() ? root : path.get(path.size() - 1).children;
            if (k == '*') {
                if (!path.isEmpty()) {
                    path.remove(path.size() - 1);
                }
                steps.add(new Step(k, Action.BACK, null));
            } else if (k == '#') {
                steps.add(new Step(k, Action.REPEAT, null));
            } else if (k >= '0' && k <= '9') {
                Node n = options.stream().filter(o -> o.key == k).findFirst().orElse(null);
                if (n == null) {
                    invalid++;
                    steps.add(new Step(k, Action.INVALID, null));
                    if (invalid >= INVALID_LIMIT && operatorQueue() != null) {
                        steps.add(new Step(k, Action.OPERATOR, null));
                        return new Walk(List.copyOf(path), operatorQueue(), invalid, steps);
                    }
                    continue;
                }
                invalid = 0;
                if (n.isMenu()) {
                    path.add(n);
                    steps.add(new Step(k, Action.CHOSE, n));
                } else {
                    path.add(n);
                    steps.add(new Step(k, Action.ROUTED, n));
                    return new Walk(List.copyOf(path), n.queue, 0, steps);
                }
            }
        }
        return new Walk(List.copyOf(path), null, invalid, steps);
    }

    /** The queue the keys lead to, or null when they end in a menu. */
    public String route(String keys) {
        return walk(keys == null ? "" : keys).queue();
    }

    /** Every queue the menu can route to. */
    public Set<String> queues() {
        Set<String> out = new java.util.TreeSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(List<Node> nodes, Set<String> out) {
        for (Node n : nodes) {
            if (n.queue != null) {
                out.add(n.queue);
            }
            collect(n.children, out);
        }
    }

    private static final class Builder {
        final char key;
        final String zh;
        final String en;
        final String queue;
        final int line;
        final List<Builder> children = new ArrayList<>();

        Builder(char key, String zh, String en, String queue, int line) {
            this.key = key;
            this.zh = zh;
            this.en = en;
            this.queue = queue;
            this.line = line;
        }

        Node build() {
            return new Node(key, zh, en, queue, children.stream().map(Builder::build).toList(), line);
        }
    }
}
