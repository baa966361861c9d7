package org.guanxi.customer.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.service.KeyAccountService;
import org.guanxi.core.service.KeyAccountService.Account;
import org.guanxi.core.service.KeyAccountService.Member;
import org.guanxi.core.service.KeyAccountService.Plan;
import org.guanxi.core.service.KeyAccountService.Review;
import org.guanxi.core.service.KeyAccountService.TeamRole;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

/**
 * A key account on one page: the plan (objectives, strategy, revenue target against this year's revenue, review
 * rhythm), the team, and the reviews with a quick entry for today's. Plan changes are saved with "Save plan"; team
 * and reviews are written at once.
 */
class KeyAccountDialog extends Dialog {

    private static final int SAVE_ID = IDialogConstants.CLIENT_ID + 1;

    private final KeyAccountService accounts;
    private final Customer customer;
    private Account account;
    private Text year;
    private Text target;
    private Label attainment;
    private Text every;
    private Text next;
    private Text objectives;
    private Text strategy;
    private TableViewer team;
    private Combo user;
    private Combo role;
    private TableViewer reviews;
    private Text findings;
    private Text nextSteps;
    private Label problems;

    KeyAccountDialog(Shell shell, KeyAccountService accounts, Customer customer) {
        super(shell);
        this.accounts = accounts;
        this.customer = customer;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("account.title", customer.getCode() + "  " + customer.getName()));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).equalWidth(true).applyTo(area);

        Group plan = group(area, "account.plan", 4);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(plan);
        year = field(plan, "account.year", "account.year");
        target = field(plan, "account.target", "account.target");
        every = field(plan, "account.every", "account.every");
        next = field(plan, "account.next", "account.next");
        attainment = Widgets.id(new Label(plan, SWT.NONE), "account.attainment");
        GridDataFactory.fillDefaults().span(4, 1).applyTo(attainment);
        objectives = area(plan, "account.objectives");
        strategy = area(plan, "account.strategy");

        Group teamGroup = group(area, "account.team", 3);
        team = new TableViewer(teamGroup, SWT.BORDER | SWT.FULL_SELECTION);
        table(team, "account.teamTable", 3, 110);
        Columns.add(team, Member.class, Messages.get("account.col.user"), 140, Member::user);
        Columns.add(team, Member.class, Messages.get("account.col.role"), 160, m -> Messages.get("teamRole." + m.role()));
        user = Widgets.id(new Combo(teamGroup, SWT.DROP_DOWN), "account.user");
        accounts.knownUsers().forEach(user::add);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(user);
        role = Widgets.id(new Combo(teamGroup, SWT.READ_ONLY), "account.role");
        for (TeamRole r : TeamRole.values()) {
            role.add(Messages.get("teamRole." + r));
        }
        role.select(0);
        Composite teamButtons = new Composite(teamGroup, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(teamButtons);
        button(teamButtons, "account.add", this::addMember);
        button(teamButtons, "account.remove", this::removeMember);

        Group reviewGroup = group(area, "account.reviews", 2);
        reviews = new TableViewer(reviewGroup, SWT.BORDER | SWT.FULL_SELECTION);
        table(reviews, "account.reviewTable", 2, 110);
        Columns.add(reviews, Review.class, Messages.get("account.col.date"), 90, r -> r.reviewedOn().toString());
        Columns.add(reviews, Review.class, Messages.get("account.col.findings"), 200, Review::findings);
        Columns.add(reviews, Review.class, Messages.get("account.col.nextSteps"), 160, r -> r.nextSteps() == null ? "" : r.nextSteps());
        findings = Widgets.id(new Text(reviewGroup, SWT.BORDER), "account.findings");
        findings.setMessage(Messages.get("account.findingsHint"));
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(findings);
        nextSteps = Widgets.id(new Text(reviewGroup, SWT.BORDER), "account.nextSteps");
        nextSteps.setMessage(Messages.get("account.nextStepsHint"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(nextSteps);
        button(reviewGroup, "account.record", this::recordReview);

        problems = Widgets.id(new Label(area, SWT.WRAP), "account.problems");
        problems.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(2, 1).hint(700, SWT.DEFAULT).applyTo(problems);
        load();
        return area;
    }

    private static Group group(Composite parent, String key, int columns) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(Messages.get(key));
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(g);
        return g;
    }

    private static Text field(Composite parent, String key, String id) {
        new Label(parent, SWT.NONE).setText(Messages.get(key));
        Text t = Widgets.id(new Text(parent, SWT.BORDER), id);
        GridDataFactory.fillDefaults().grab(true, false).hint(150, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private static Text area(Composite parent, String key) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(Messages.get(key));
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
        Text t = Widgets.id(new Text(parent, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), key);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(500, 48).applyTo(t);
        return t;
    }

    private static void table(TableViewer viewer, String id, int span, int height) {
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Widgets.id(viewer.getTable(), id);
        GridDataFactory.fillDefaults().grab(true, true).span(span, 1).hint(330, height).applyTo(viewer.getTable());
    }

    private static void button(Composite parent, String key, Runnable action) {
        Button b = Widgets.id(new Button(parent, SWT.PUSH), key);
        b.setText(Messages.get(key));
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void load() {
        account = accounts.account(customer.getId());
        showPlan();
        showLists();
    }

    private void showPlan() {
        Plan p = account.plan();
        year.setText(Integer.toString(p.year()));
        target.setText(p.targetRevenue() == null ? "" : p.targetRevenue().toPlainString());
        every.setText(Integer.toString(p.reviewEveryDays()));
        next.setText(p.nextReview() == null ? "" : p.nextReview().toString());
        objectives.setText(p.objectives() == null ? "" : p.objectives());
        strategy.setText(p.strategy() == null ? "" : p.strategy());
        String revenue = String.format("%,.2f", account.revenueInPlanYear());
        attainment.setText(!account.planned() ? Messages.get("account.notPlanned", revenue)
                : p.targetRevenue() == null || p.targetRevenue().signum() == 0 ? Messages.get("account.revenue", p.year(), revenue)
                        : Messages.get("account.attained", p.year(), revenue, String.format("%,.2f", p.targetRevenue()),
                                100 * account.revenueInPlanYear().doubleValue() / p.targetRevenue().doubleValue()));
    }

    private void showLists() {
        team.setInput(account.team());
        reviews.setInput(account.reviews());
    }

    /**
     * After a team or review change: the lists and the plan's version and next review are read again, while plan text
     * the user typed and not saved yet stays in the form.
     */
    private void reloadLists() {
        account = accounts.account(customer.getId());
        showLists();
        if (account.plan().nextReview() != null) {
            next.setText(account.plan().nextReview().toString());
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.id(createButton(parent, SAVE_ID, Messages.get("account.save"), true), "account.save");
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, false);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == SAVE_ID) {
            savePlan();
        } else if (id == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(id);
        }
    }

    private void savePlan() {
        act(true, () -> {
            Plan p = account.plan();
            try {
                accounts.savePlan(new Plan(customer.getId(), Integer.parseInt(year.getText().strip()), objectives.getText(),
                        strategy.getText(), target.getText().isBlank() ? null : new BigDecimal(target.getText().strip().replace(",", "")),
                        Integer.parseInt(every.getText().strip()), next.getText().isBlank() ? null : LocalDate.parse(next.getText().strip()),
                        account.planned() ? p.version() : 0));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(Messages.get("account.badNumber"), e);
            }
        });
    }

    private void addMember() {
        act(false, () -> accounts.addMember(customer.getId(), user.getText(), TeamRole.values()[role.getSelectionIndex()]));
    }

    private void removeMember() {
        Member m = (Member) team.getStructuredSelection().getFirstElement();
        if (m != null) {
            act(false, () -> accounts.removeMember(m.id()));
        }
    }

    private void recordReview() {
        act(false, () -> {
            accounts.recordReview(customer.getId(), AppClock.today(), findings.getText(), nextSteps.getText());
            findings.setText("");
            nextSteps.setText("");
        });
    }

    /** Runs a change, shows what went wrong beside the form, and shows the stored state afterwards. */
    private void act(boolean plan, Runnable change) {
        try {
            change.run();
            problems.setText("");
            if (plan) {
                load();
            } else {
                reloadLists();
            }
        } catch (IllegalArgumentException e) {
            problems.setText(e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof org.guanxi.core.service.ValidationException v) {
                problems.setText(String.join("\n", v.getErrors().stream().map(org.guanxi.core.service.FieldError::message).toList()));
            } else {
                Errors.show(getShell(), e);
                load();
            }
        }
        getShell().layout(true, true);
    }
}
