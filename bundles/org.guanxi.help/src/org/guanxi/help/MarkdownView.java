package org.guanxi.help;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * Shows a Markdown page with plain SWT widgets: headings, paragraphs, lists, quotes, code and images. Written here
 * because no maintained library renders Markdown into SWT without a browser engine, and a desktop need not have
 * WebKitGTK; commonmark-java does the parsing. Links go to {@code onLink}.
 */
public final class MarkdownView {

    private static final int TEXT_MIN_WIDTH = 120;
    private static final Parser PARSER = Parser.builder().build();

    private final ScrolledComposite scroll;
    private final Consumer<String> onLink;
    private final Font[] headings;
    private final Font mono;
    private final Color quote;
    private final Color code;
    private final Color link;
    private final List<org.eclipse.swt.graphics.Image> images = new ArrayList<>();
    private Composite body;

    public MarkdownView(Composite parent, Consumer<String> onLink) {
        this.onLink = onLink;
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> fit());
        // fonts derived from the user's, released with the view
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), scroll);
        FontDescriptor bold = FontDescriptor.createFrom(JFaceResources.getDefaultFont()).setStyle(SWT.BOLD);
        int size = JFaceResources.getDefaultFont().getFontData()[0].getHeight();
        headings = new Font[] { resources.create(bold.setHeight(size + 7)), resources.create(bold.setHeight(size + 3)),
                resources.create(bold.setHeight(size + 1)) };
        mono = JFaceResources.getTextFont();
        quote = new Color(0xEE, 0xF4, 0xFB);
        code = new Color(0xF3, 0xF3, 0xF3);
        link = new Color(0x1A, 0x5F, 0xB4);
        scroll.addDisposeListener(e -> disposeImages());
    }

    public Control control() {
        return scroll;
    }

    /** Shows {@code markdown}; {@code files} opens an image named by the page, or returns null when it is not there. */
    public void show(String markdown, Function<String, URL> files) {
        if (body != null) {
            body.dispose();
        }
        disposeImages();
        body = column(scroll, 18, 10);
        body.setBackground(scroll.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        blocks(PARSER.parse(markdown), body, files);
        scroll.setContent(body);
        fit();
        scroll.setOrigin(0, 0);
    }

    /** The page's widgets, for tests and for finding things on it. */
    public Composite body() {
        return body;
    }

    private void fit() {
        if (body != null && !body.isDisposed()) {
            int width = scroll.getClientArea().width;
            scroll.setMinSize(body.computeSize(Math.max(width, 200), SWT.DEFAULT));
            body.layout(true, true);
        }
    }

    private void blocks(Node parent, Composite into, Function<String, URL> files) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            block(node, into, files);
        }
    }

    private void block(Node node, Composite into, Function<String, URL> files) {
        if (node instanceof Heading heading) {
            StyledText text = text(into, node, headings[Math.min(heading.getLevel(), 3) - 1]);
            ((GridData) text.getLayoutData()).verticalIndent = heading.getLevel() == 1 ? 0 : 10;
        } else if (node instanceof Paragraph && node.getFirstChild() instanceof Image image && image.getNext() == null) {
            picture(into, image, files);
        } else if (node instanceof Paragraph) {
            text(into, node, null);
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            list(node, into, files);
        } else if (node instanceof BlockQuote) {
            Composite box = column(into, 10, 4);
            box.setBackground(quote);
            box.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            blocks(node, box, files);
        } else if (node instanceof FencedCodeBlock fenced) {
            code(into, fenced.getLiteral());
        } else if (node instanceof IndentedCodeBlock indented) {
            code(into, indented.getLiteral());
        } else if (node instanceof ThematicBreak) {
            new Label(into, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        } else if (node instanceof HtmlBlock html) {
            code(into, html.getLiteral()); // shown as it is written, never interpreted
        } else {
            blocks(node, into, files);
        }
    }

    private void list(Node list, Composite into, Function<String, URL> files) {
        Composite items = new Composite(into, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 0;
        layout.marginLeft = 6;
        items.setLayout(layout);
        items.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        items.setBackground(into.getBackground());
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                Label marker = new Label(items, SWT.NONE);
                marker.setText(list instanceof OrderedList ? number++ + "." : "•");
                marker.setBackground(into.getBackground());
                marker.setLayoutData(new GridData(SWT.RIGHT, SWT.TOP, false, false));
                Composite content = column(items, 0, 2);
                content.setBackground(into.getBackground());
                GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
                data.widthHint = TEXT_MIN_WIDTH;
                content.setLayoutData(data);
                blocks(item, content, files);
            }
        }
    }

    private void picture(Composite into, Image image, Function<String, URL> files) {
        URL url = files.apply(image.getDestination());
        Label label = new Label(into, SWT.NONE);
        label.setBackground(into.getBackground());
        label.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        if (url != null) {
            try (InputStream in = url.openStream()) {
                org.eclipse.swt.graphics.Image picture = new org.eclipse.swt.graphics.Image(into.getDisplay(), in);
                images.add(picture);
                label.setImage(picture);
                label.setToolTipText(plain(image));
                return;
            } catch (IOException | org.eclipse.swt.SWTException e) {
                // a broken picture is shown as its description, as a browser would
            }
        }
        label.setText("[" + plain(image) + "]");
    }

    private void code(Composite into, String literal) {
        StyledText text = new StyledText(into, SWT.READ_ONLY | SWT.MULTI);
        text.setText(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
        text.setFont(mono);
        text.setBackground(code);
        text.setMargins(8, 6, 8, 6);
        text.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    /** A block of inline text: styles for bold, italic, code and links, wrapped at the view's width. */
    private StyledText text(Composite into, Node block, Font font) {
        Inline inline = new Inline();
        block.accept(inline);
        StyledText text = new StyledText(into, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP);
        text.setEditable(false);
        text.setCaret(null);
        text.setBackground(into.getBackground());
        if (font != null) {
            text.setFont(font);
        }
        text.setText(inline.out.toString());
        text.setStyleRanges(inline.styles.toArray(StyleRange[]::new));
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = TEXT_MIN_WIDTH;
        text.setLayoutData(data);
        if (!inline.links.isEmpty()) {
            text.addListener(SWT.MouseUp, e -> {
                String target = inline.linkAt(text.getOffsetAtPoint(new Point(e.x, e.y)));
                if (target != null) {
                    onLink.accept(target);
                }
            });
            text.addListener(SWT.MouseMove, e -> {
                boolean overLink = inline.linkAt(text.getOffsetAtPoint(new Point(e.x, e.y))) != null;
                text.setCursor(overLink ? text.getDisplay().getSystemCursor(SWT.CURSOR_HAND) : null);
            });
        }
        return text;
    }

    private static Composite column(Composite parent, int margin, int spacing) {
        Composite composite = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = margin;
        layout.marginHeight = margin;
        layout.verticalSpacing = spacing + 4;
        composite.setLayout(layout);
        return composite;
    }

    private static String plain(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }
        });
        return out.toString();
    }

    /** Chinese, Japanese and full-width punctuation are written without spaces between words. */
    static boolean wide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || (codePoint >= 0x3000 && codePoint <= 0x303F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
    }

    private void disposeImages() {
        images.forEach(org.eclipse.swt.graphics.Image::dispose);
        images.clear();
    }

    /** Collects one block's text and the style of each run. */
    private final class Inline extends AbstractVisitor {

        private record Target(int start, int end, String destination) {
        }

        final StringBuilder out = new StringBuilder();
        final List<StyleRange> styles = new ArrayList<>();
        final List<Target> links = new ArrayList<>();
        private int fontStyle;
        private boolean monospace;
        private boolean underline;
        private boolean softBreak;

        String linkAt(int offset) {
            return links.stream().filter(t -> offset >= t.start && offset < t.end).map(Target::destination).findFirst()
                    .orElse(null);
        }

        @Override
        public void visit(Text text) {
            append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            monospace = true;
            append(code.getLiteral());
            monospace = false;
        }

        @Override
        public void visit(Emphasis emphasis) {
            styled(SWT.ITALIC, emphasis);
        }

        @Override
        public void visit(StrongEmphasis strong) {
            styled(SWT.BOLD, strong);
        }

        @Override
        public void visit(Link target) {
            int start = out.length();
            underline = true;
            visitChildren(target);
            underline = false;
            links.add(new Target(start, out.length(), target.getDestination()));
        }

        @Override
        public void visit(Image image) {
            append(plain(image));
        }

        @Override
        public void visit(SoftLineBreak soft) {
            softBreak = true; // a space, but none between two Chinese characters (as browsers do): the next one decides
        }

        @Override
        public void visit(HardLineBreak hard) {
            append("\n");
        }

        @Override
        public void visit(HtmlInline html) {
            append(html.getLiteral());
        }

        private void styled(int style, Node node) {
            int before = fontStyle;
            fontStyle |= style;
            visitChildren(node);
            fontStyle = before;
        }

        private void append(String literal) {
            if (softBreak && !literal.isEmpty()) {
                softBreak = false;
                if (out.length() > 0 && !(wide(out.codePointBefore(out.length())) && wide(literal.codePointAt(0)))) {
                    out.append(' ');
                }
            }
            int start = out.length();
            out.append(literal);
            if (fontStyle != SWT.NORMAL || monospace || underline) {
                StyleRange range = new StyleRange();
                range.start = start;
                range.length = literal.length();
                range.fontStyle = fontStyle;
                if (monospace) {
                    range.font = mono;
                    range.background = code;
                }
                if (underline) {
                    range.underline = true;
                    range.foreground = link;
                }
                styles.add(range);
            }
        }
    }
}
