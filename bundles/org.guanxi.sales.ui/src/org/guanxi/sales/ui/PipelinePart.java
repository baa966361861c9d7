package org.guanxi.sales.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.SalesStage;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.sales.api.OpportunityService.Card;
import org.guanxi.sales.api.OpportunityService.Column;
import org.guanxi.sales.api.OpportunityService.Filter;
import org.guanxi.core.service.SecurityService;
import org.guanxi.ui.common.ChartCanvas;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The pipeline board (商机看板): one column per open stage with its count, amount and weighted amount, the deals as
 * cards in order of expected close, and Won / Lost drop zones. Dragging a card to another column moves the deal;
 * the card's menu does the same from the keyboard. Below, the funnel of the open stages.
 */
public class PipelinePart {

    /** Cards drawn per column; a column with more says how many are not shown. */
    static final int CARDS = 40;
    /** Rows the list shows; search or filter for the rest. */
    static final int LIST_ROWS = 1_000;

    @Inject
    private OpportunityService opportunities;

    @Inject
    private SecurityService security;

    @Inject
    @Optional
    private org.guanxi.sales.api.ActivityService activities;

    @Inject
    private org.guanxi.core.service.CustomerService customers;

    private Composite board;
    private Combo view;
    private Combo owner;
    private Text search;
    private Combo stageFilter;
    private TableViewer list;
    private Label totals;
    private ChartCanvas funnel;
    private Font bold;
    private final Map<SalesStage, Composite> columns = new EnumMap<>(SalesStage.class);
    private final List<DropTarget> targets = new ArrayList<>();

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(5).margins(10, 10).applyTo(parent);
        FontData fd = parent.getFont().getFontData()[0];
        bold = new Font(parent.getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
        totals = Widgets.id(new Label(parent, SWT.NONE), "pipeline.totals");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(totals);
        view = Widgets.id(new Combo(parent, SWT.READ_ONLY), "pipeline.view");
        view.setItems(Messages.get("pipeline.view.board"), Messages.get("pipeline.view.list"));
        view.select(0);
        new Label(parent, SWT.NONE).setText(Messages.get("pipeline.show"));
        owner = Widgets.id(new Combo(parent, SWT.READ_ONLY), "pipeline.owner");
        owner.setItems(Messages.get("pipeline.all"), Messages.get("pipeline.mine"));
        owner.select(0);
        owner.addListener(SWT.Selection, e -> reload());
        Toolbar.button(parent, "pipeline.new", () -> editDeal(null));

        Composite pages = new Composite(parent, SWT.NONE);
        StackLayout stack = new StackLayout();
        pages.setLayout(stack);
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(pages);
        Composite boardPage = new Composite(pages, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(boardPage);
        board = new Composite(boardPage, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(SalesStage.values().length).equalWidth(false).spacing(6, 0).applyTo(board);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(board);
        for (SalesStage s : SalesStage.values()) {
            columns.put(s, column(board, s));
        }
        funnel = Widgets.id(new ChartCanvas(boardPage), "pipeline.funnel");
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 190).applyTo(funnel);
        Composite listPage = list(pages);
        stack.topControl = boardPage;
        view.addListener(SWT.Selection, e -> {
            stack.topControl = view.getSelectionIndex() == 0 ? boardPage : listPage;
            pages.layout();
            reload();
        });
        reload();
    }

    /** Every deal in a table, open ones by expected close then closed ones, searchable and filtered by stage. */
    private Composite list(Composite pages) {
        Composite page = new Composite(pages, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(page);
        search = Toolbar.search(page, "pipeline.search", 240, this::reload);
        stageFilter = Widgets.id(new Combo(page, SWT.READ_ONLY), "pipeline.stageFilter");
        stageFilter.add(Messages.get("pipeline.allStages"));
        for (SalesStage s : SalesStage.values()) {
            stageFilter.add(Messages.get("stage." + s));
        }
        stageFilter.select(0);
        stageFilter.addListener(SWT.Selection, e -> reload());
        Toolbar.button(page, "pipeline.edit", () -> Toolbar.selected(list, Card.class, "pipeline.view.list", "pipeline.select")
                .ifPresent(c -> editDeal(c.id())));
        list = Toolbar.table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "pipeline.list");
        Table table = list.getTable();
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(table);
        Columns.add(list, Card.class, Messages.get("pipeline.col.code"), 100, Card::code);
        Columns.add(list, Card.class, Messages.get("pipeline.col.name"), 220, Card::name);
        Columns.add(list, Card.class, Messages.get("activity.customer"), 200, Card::customer);
        Columns.add(list, Card.class, Messages.get("pipeline.col.stage"), 110, c -> Messages.get("stage." + c.stage()));
        Columns.add(list, Card.class, Messages.get("deal.amount"), 110, c -> money(c.amount()));
        Columns.add(list, Card.class, Messages.get("pipeline.col.probability"), 95, c -> c.probability() + " %");
        Columns.add(list, Card.class, Messages.get("pipeline.col.close"), 120, c -> c.expectedClose().toString());
        Columns.add(list, Card.class, Messages.get("orders.col.owner"), 100, Card::owner);
        table.getColumn(4).setAlignment(SWT.RIGHT);
        table.getColumn(5).setAlignment(SWT.RIGHT);
        list.addDoubleClickListener(e -> Toolbar.current(list, Card.class).ifPresent(c -> editDeal(c.id())));
        return page;
    }

    /** Opens a deal (or a new one with null) in the dialog; the board and list reload through the change event. */
    private void editDeal(Long id) {
        try {
            new OpportunityDialog(board.getShell(), opportunities, customers, activities, id == null ? null : opportunities.get(id)).open();
        } catch (RuntimeException e) {
            Errors.show(board.getShell(), e);
        }
    }

    /** A stage's column: a header and a scrolled list of cards; the whole column accepts dropped cards. */
    private Composite column(Composite parent, SalesStage stage) {
        Composite col = Widgets.id(new Composite(parent, SWT.BORDER), "pipeline.column." + stage);
        col.setBackground(parent.getDisplay().getSystemColor(stage.isClosed() ? SWT.COLOR_WIDGET_LIGHT_SHADOW : SWT.COLOR_LIST_BACKGROUND));
        GridLayoutFactory.swtDefaults().margins(4, 4).spacing(0, 4).applyTo(col);
        GridDataFactory.fillDefaults().grab(!stage.isClosed(), true).hint(stage.isClosed() ? 110 : 160, SWT.DEFAULT).applyTo(col);
        Label header = Widgets.id(new Label(col, SWT.WRAP), "pipeline.header." + stage);
        header.setFont(bold);
        header.setBackground(col.getBackground());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(header);
        if (stage.isClosed()) {
            header.setText(Messages.get("stage." + stage));
            Label hint = new Label(col, SWT.WRAP);
            hint.setText(Messages.get("pipeline.dropHere"));
            hint.setBackground(col.getBackground());
            GridDataFactory.fillDefaults().grab(true, true).applyTo(hint);
            accept(col, stage);
            accept(hint, stage);
            accept(header, stage);
            return col;
        }
        ScrolledComposite scroll = new ScrolledComposite(col, SWT.V_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroll);
        Composite cards = new Composite(scroll, SWT.NONE);
        cards.setBackground(col.getBackground());
        GridLayoutFactory.fillDefaults().spacing(0, 6).applyTo(cards);
        scroll.setContent(cards);
        scroll.addListener(SWT.Resize, e -> layoutCards(scroll));
        accept(col, stage);
        accept(header, stage);
        accept(cards, stage);
        col.setData("cards", cards);
        col.setData("header", header);
        return col;
    }

    private static void layoutCards(ScrolledComposite scroll) {
        Control content = scroll.getContent();
        int width = scroll.getClientArea().width;
        scroll.setMinSize(content.computeSize(width, SWT.DEFAULT));
    }

    private void accept(Control control, SalesStage stage) {
        DropTarget target = new DropTarget(control, DND.DROP_MOVE);
        target.setTransfer(new Transfer[] { TextTransfer.getInstance() });
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void drop(DropTargetEvent event) {
                String[] idVersion = ((String) event.data).split(":");
                if (idVersion.length == 2) {
                    move(Long.parseLong(idVersion[0]), Long.parseLong(idVersion[1]), stage);
                }
            }
        });
        targets.add(target);
    }

    void reload() {
        if (board.isDisposed()) {
            return;
        }
        try {
            Filter filter = owner.getSelectionIndex() == 1 ? new Filter(security.currentUser()) : Filter.ALL;
            if (view.getSelectionIndex() == 1) {
                int st = stageFilter.getSelectionIndex();
                list.setInput(opportunities.find(search.getText(), st <= 0 ? null : SalesStage.values()[st - 1], filter, LIST_ROWS));
            }
            List<Column> data = opportunities.board(filter, CARDS);
            int count = 0;
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal weighted = BigDecimal.ZERO;
            for (Column c : data) {
                show(c);
                count += c.count();
                amount = amount.add(c.amount());
                weighted = weighted.add(c.weighted());
            }
            totals.setText(Messages.get("pipeline.totals", count, money(amount), money(weighted)));
            funnel.setChart(funnelChart(data));
            board.layout(true, true);
        } catch (RuntimeException e) {
            Errors.show(board.getShell(), e);
        }
    }

    private void show(Column c) {
        Composite col = columns.get(c.stage());
        ((Label) col.getData("header")).setText(Messages.get("pipeline.header", Messages.get("stage." + c.stage()), c.count(),
                money(c.amount()), money(c.weighted())));
        Composite cards = (Composite) col.getData("cards");
        for (Control old : cards.getChildren()) {
            old.dispose();
        }
        for (Card card : c.cards()) {
            card(cards, card, c.stage());
        }
        if (c.count() > c.cards().size()) {
            Label more = new Label(cards, SWT.WRAP);
            more.setBackground(cards.getBackground());
            more.setText(Messages.get("pipeline.more", c.count() - c.cards().size()));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(more);
        }
        layoutCards((ScrolledComposite) cards.getParent());
    }

    private void card(Composite parent, Card card, SalesStage stage) {
        Composite box = Widgets.id(new Composite(parent, SWT.BORDER), "pipeline.card." + card.code());
        box.setData(card);
        Color white = parent.getDisplay().getSystemColor(SWT.COLOR_WHITE);
        box.setBackground(white);
        GridLayoutFactory.swtDefaults().margins(5, 4).spacing(0, 1).applyTo(box);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(box);
        Label name = line(box, card.name(), white);
        name.setFont(bold);
        line(box, card.customer(), white);
        line(box, Messages.get("pipeline.card.amount", money(card.amount()), card.probability(), card.owner()), white);
        line(box, Messages.get("pipeline.card.close", card.expectedClose()), white);
        box.setToolTipText(card.code() + " · " + card.name());
        Menu menu = new Menu(box);
        MenuItem open = new MenuItem(menu, SWT.PUSH);
        open.setText(Messages.get("pipeline.edit"));
        open.addListener(SWT.Selection, e -> editDeal(card.id()));
        if (activities != null) {
            MenuItem plan = new MenuItem(menu, SWT.PUSH);
            plan.setText(Messages.get("pipeline.planActivity"));
            plan.addListener(SWT.Selection, e -> planActivity(card));
            new MenuItem(menu, SWT.SEPARATOR);
        }
        for (SalesStage s : SalesStage.values()) {
            if (s != stage) {
                MenuItem item = new MenuItem(menu, SWT.PUSH);
                item.setText(Messages.get("pipeline.moveTo", Messages.get("stage." + s)));
                item.addListener(SWT.Selection, e -> move(card.id(), card.version(), s));
            }
        }
        for (Control c : box.getChildren()) {
            drag(c, card);
            c.setMenu(menu);
        }
        drag(box, card);
        box.setMenu(menu);
        box.addListener(SWT.MouseDoubleClick, e -> editDeal(card.id()));
        for (Control c : box.getChildren()) {
            c.addListener(SWT.MouseDoubleClick, e -> editDeal(card.id()));
        }
    }

    /** A call, visit or meeting about the deal, planned from its card. */
    private void planActivity(Card card) {
        try {
            org.guanxi.core.model.Activity a = ActivityDialog.planned(null);
            a.setSubject(card.name());
            a.setOpportunityId(card.id());
            a.setCustomerId(opportunities.get(card.id()).getCustomerId());
            new ActivityDialog(board.getShell(), activities, customers, opportunities, a).open();
        } catch (RuntimeException e) {
            Errors.show(board.getShell(), e);
        }
    }

    private static Label line(Composite box, String text, Color background) {
        Label l = new Label(box, SWT.NONE);
        l.setText(text == null ? "" : text.replace("&", "&&"));
        l.setBackground(background);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(l);
        return l;
    }

    private static void drag(Control control, Card card) {
        DragSource source = new DragSource(control, DND.DROP_MOVE);
        source.setTransfer(new Transfer[] { TextTransfer.getInstance() });
        source.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = card.id() + ":" + card.version();
            }
        });
    }

    /** Moves a deal; won and lost ask for the reason first. Conflicts and refusals are shown, the board reloads. */
    void move(long id, long version, SalesStage stage) {
        String reason = null;
        if (stage.isClosed()) {
            reason = Toolbar.ask(board.getShell(), Messages.get("stage." + stage), Messages.get("pipeline.reason." + stage), true);
            if (reason == null) {
                return;
            }
        }
        try {
            opportunities.move(id, version, stage, reason);
        } catch (RuntimeException e) {
            Errors.show(board.getShell(), e);
        }
        reload();
    }

    private static JFreeChart funnelChart(List<Column> data) {
        DefaultCategoryDataset amounts = new DefaultCategoryDataset();
        for (Column c : data) {
            String stage = Messages.get("stage." + c.stage());
            amounts.addValue(c.amount(), Messages.get("pipeline.amount"), stage);
            amounts.addValue(c.weighted(), Messages.get("pipeline.weighted"), stage);
        }
        return ChartFactory.createBarChart(Messages.get("pipeline.funnel"), null, null, amounts, PlotOrientation.HORIZONTAL, true,
                false, false);
    }

    static String money(BigDecimal amount) {
        NumberFormat f = NumberFormat.getNumberInstance();
        f.setMaximumFractionDigits(0);
        return f.format(amount);
    }

    @Inject
    @Optional
    void onSalesChanged(@UIEventTopic(Topics.ALL_SALES) Event event) {
        reload();
    }

    @Focus
    void focus() {
        owner.setFocus();
    }

    @PreDestroy
    void dispose() {
        if (bold != null) {
            bold.dispose();
        }
    }

    /** For tests: the card widgets of a stage as shown. */
    List<Card> shown(SalesStage stage) {
        Composite cards = (Composite) columns.get(stage).getData("cards");
        List<Card> out = new ArrayList<>();
        for (Control c : cards.getChildren()) {
            if (c.getData() instanceof Card card) {
                out.add(card);
            }
        }
        return out;
    }

}
