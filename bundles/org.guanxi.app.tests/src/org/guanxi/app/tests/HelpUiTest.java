package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.guanxi.help.ContentsHandler;
import org.guanxi.help.HelpBook;
import org.guanxi.help.HelpBook.Chapter;
import org.guanxi.help.HelpBook.Page;
import org.guanxi.help.HelpWindow;
import org.guanxi.help.MarkdownView;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** The user guide is made of the chapters the installed modules bring, in Chinese and English, and reads well. */
class HelpUiTest {

    private static final List<String> MODULES = List.of("org.guanxi.help", "org.guanxi.customer.ui", "org.guanxi.sales.ui",
            "org.guanxi.marketing.ui", "org.guanxi.service.ui", "org.guanxi.integration.ui");

    private final BundleContext bundles = FrameworkUtil.getBundle(HelpUiTest.class).getBundleContext();

    @Test
    void eachModuleBringsItsChapterInBothLanguages() {
        List<Chapter> en = HelpBook.chapters(bundles, Locale.ENGLISH);
        List<Chapter> zh = HelpBook.chapters(bundles, Locale.SIMPLIFIED_CHINESE);
        assertEquals(MODULES, en.stream().map(Chapter::module).toList(), "the platform first, then the modules by rank");
        assertEquals(MODULES, zh.stream().map(Chapter::module).toList());
        for (int i = 0; i < en.size(); i++) {
            List<Page> english = en.get(i).pages();
            List<Page> chinese = zh.get(i).pages();
            assertEquals(english.stream().map(Page::fileName).toList(), chinese.stream().map(Page::fileName).toList(),
                    "the same pages in both languages in " + en.get(i).module());
            assertEquals("index.md", english.get(0).fileName());
            for (int p = 0; p < english.size(); p++) {
                assertFalse(hasChinese(english.get(p).title()), english.get(p).path() + ": " + english.get(p).title());
                assertTrue(hasChinese(chinese.get(p).title()), chinese.get(p).path() + ": " + chinese.get(p).title());
                assertTrue(english.get(p).path().contains("/en/") && chinese.get(p).path().contains("/zh/"));
            }
        }
        assertTrue(en.get(0).page("02-it.md").isPresent(), "a page for IT");
        assertTrue(en.get(5).page("02-routes.md").isPresent(), "a page for integration engineers");
        assertEquals("zh", HelpBook.chapters(bundles, Locale.TRADITIONAL_CHINESE).get(1).pages().get(0).path().split("/")[1],
                "zh_TW reads the Chinese pages rather than the English ones");
        assertEquals("en", HelpBook.chapters(bundles, Locale.GERMAN).get(1).pages().get(0).path().split("/")[1]);
    }

    @Test
    void everyPictureAndLinkOfTheGuideIsThere() throws IOException {
        Parser parser = Parser.builder().build();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            for (Chapter chapter : HelpBook.chapters(bundles, locale)) {
                List<String> pictures = new ArrayList<>();
                for (Page page : chapter.pages()) {
                    List<String> links = new ArrayList<>();
                    parser.parse(page.read()).accept(new AbstractVisitor() {
                        @Override
                        public void visit(Image image) {
                            pictures.add(page.path() + " → " + image.getDestination());
                        }

                        @Override
                        public void visit(Link link) {
                            links.add(link.getDestination());
                            visitChildren(link);
                        }
                    });
                    for (String picture : pictures) {
                        URL url = page.sibling(picture.substring(picture.indexOf(" → ") + 3));
                        if (picture.startsWith(page.path())) {
                            assertNotNull(url, "missing picture " + picture);
                            try (InputStream in = url.openStream()) {
                                ImageData data = new ImageData(in);
                                assertTrue(data.width >= 400 && data.width <= 1000, picture + " is " + data.width + " px wide");
                            }
                        }
                    }
                    for (String link : links) {
                        String file = link.replaceAll("#.*$", "");
                        assertTrue(link.startsWith("https://") || chapter.page(file).isPresent(),
                                page.path() + " links to " + link + ", which is not a page of its chapter");
                    }
                }
                if (!chapter.module().equals("org.guanxi.help")) {
                    assertFalse(pictures.isEmpty(), chapter.module() + " shows what it looks like (" + locale + ")");
                }
            }
        }
    }

    @Test
    void contentsOpensTheChapterOfThePerspectiveInFront() throws Exception {
        Ui.inWorkbench(main -> {
            Ui.showPerspective("org.guanxi.sales.ui.perspective.pipeline");
            execute("org.guanxi.help.command.contents");
            HelpWindow help = open(main.getDisplay());
            try {
                MPerspective pipeline = (MPerspective) Ui.service(IWorkbench.class).getApplication().getContext().get(EModelService.class)
                        .find("org.guanxi.sales.ui.perspective.pipeline", Ui.service(IWorkbench.class).getApplication());
                assertEquals("platform:/plugin/org.guanxi.sales.ui", pipeline.getContributorURI(), "the fragment's bundle is recorded");
                MWindow window = Ui.service(IWorkbench.class).getApplication().getChildren().get(0);
                assertEquals("org.guanxi.sales.ui", ContentsHandler.module(window.getContext().get(EModelService.class).getActivePerspective(window)));
                assertEquals("org.guanxi.sales.ui", help.shown().bundle().getSymbolicName(), "F1 in the pipeline opens the sales chapter");
                TreeItem[] chapters = help.contents().getItems();
                assertEquals(help.chapters().size(), chapters.length);
                assertEquals(MODULES.size(), chapters.length);
                assertEquals(help.chapters().get(2).title(), chapters[2].getText());
                assertEquals(chapters[2], help.contents().getSelection()[0], "the chapter shown is selected");

                List<Control> shown = widgets(help.view().body());
                assertTrue(shown.stream().anyMatch(c -> c instanceof StyledText t && t.getText().equals(help.shown().title())),
                        "the page's heading is shown");
                TreeItem pipelinePage = List.of(chapters[2].getItems()).stream()
                        .filter(i -> ((Page) i.getData()).fileName().equals("02-pipeline.md")).findFirst().orElseThrow();
                select(help, pipelinePage);
                assertEquals("02-pipeline.md", help.shown().fileName());
                assertTrue(widgets(help.view().body()).stream().anyMatch(c -> c instanceof Label l && l.getImage() != null),
                        "its screenshot is shown");

                // the platform chapter's second page, chosen in the contents
                TreeItem it = chapters[0].getItem(0);
                help.contents().setSelection(it);
                select(help, it);
                assertEquals("02-it.md", help.shown().fileName());
                Ui.screenshot(help.getShell(), "help-it");

                // asking again keeps one window and goes to the chapter of the perspective in front
                Ui.showPerspective("org.guanxi.service.ui.perspective.desk");
                execute("org.guanxi.help.command.contents");
                assertEquals(help, open(main.getDisplay()));
                assertEquals("org.guanxi.service.ui", help.shown().bundle().getSymbolicName());
                Ui.screenshot(help.getShell(), "help-service");
            } finally {
                help.close();
            }
        });
    }

    @Test
    void pagesAreRenderedNotInterpreted() {
        Shell shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setSize(700, 500);
        List<String> followed = new ArrayList<>();
        MarkdownView view = new MarkdownView(shell, followed::add);
        try {
            view.show("""
                    # Title

                    Some **bold** and `code` with a [link](02-next.md).

                    中文的一行
                    接着写，English
                    words.

                    1. first
                    2. second
                       - nested

                    > A tip.

                    ```
                    guanxi backup /tmp/x
                    ```

                    ![A missing picture](images/none.png)

                    <script>alert(1)</script>
                    """, name -> null);
            shell.layout(true, true);
            List<Control> widgets = widgets(view.body());
            List<String> texts = widgets.stream().filter(StyledText.class::isInstance).map(c -> ((StyledText) c).getText()).toList();
            assertTrue(texts.contains("Title"));
            assertTrue(texts.contains("Some bold and code with a link."), texts.toString());
            assertTrue(texts.contains("中文的一行接着写，English words."), "no space where a line breaks between Chinese characters: " + texts);
            assertTrue(texts.containsAll(List.of("first", "second", "nested", "A tip.", "guanxi backup /tmp/x")), texts.toString());
            assertTrue(texts.contains("<script>alert(1)</script>"), "HTML is shown as written, never run");
            StyledText paragraph = widgets.stream().filter(c -> c instanceof StyledText t && t.getText().startsWith("Some"))
                    .map(StyledText.class::cast).findFirst().orElseThrow();
            StyleRange bold = paragraph.getStyleRangeAtOffset(paragraph.getText().indexOf("bold"));
            assertEquals(SWT.BOLD, bold.fontStyle);
            StyleRange link = paragraph.getStyleRangeAtOffset(paragraph.getText().indexOf("link"));
            assertTrue(link.underline);
            assertTrue(widgets.stream().anyMatch(c -> c instanceof Label l && "1.".equals(l.getText())));
            assertTrue(widgets.stream().anyMatch(c -> c instanceof Label l && "[A missing picture]".equals(l.getText())),
                    "a missing picture shows its description");
            assertNotEquals(0, paragraph.getSize().y);
        } finally {
            shell.dispose();
        }
    }

    private static HelpWindow open(Display display) {
        Ui.pump(300);
        for (Shell shell : display.getShells()) {
            if (shell.getData() instanceof HelpWindow help && !shell.isDisposed()) {
                return help;
            }
        }
        throw new AssertionError("no help window");
    }

    private static void select(HelpWindow help, TreeItem item) {
        Event e = new Event();
        e.item = item;
        help.contents().notifyListeners(SWT.Selection, e);
    }

    private static void execute(String command) {
        IEclipseContext context = Ui.service(IWorkbench.class).getApplication().getChildren().get(0).getContext();
        context.get(EHandlerService.class).executeHandler(context.get(ECommandService.class).createCommand(command, null));
    }

    private static List<Control> widgets(Composite root) {
        List<Control> out = new ArrayList<>();
        for (Control child : root.getChildren()) {
            out.add(child);
            if (child instanceof Composite composite && !(child instanceof StyledText)) {
                out.addAll(widgets(composite));
            }
        }
        return out;
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
