package org.guanxi.service.ui;

import java.util.Locale;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.LoyaltyService.Account;
import org.guanxi.core.service.LoyaltyService.Entry;
import org.guanxi.core.service.LoyaltyService.Grant;
import org.guanxi.core.service.LoyaltyService.Request;
import org.guanxi.core.service.LoyaltyService.RequestStatus;
import org.guanxi.core.service.LoyaltyService.Statement;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.FormDialog;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

/**
 * A member's points (会员积分): balance, member tier and the next expiry, the statement of a period with its opening
 * and closing balance, redemption while the customer is on the line, and goodwill points (above the agent's limit
 * they wait for a service manager's approval).
 */
final class PointsDialog extends FormDialog {

    private final LoyaltyService loyalty;
    private final long customerId;
    private final String customerName;
    private Label account;
    private DateTime from;
    private DateTime to;
    private Label balances;
    private TableViewer entries;
    private Spinner points;
    private Text note;
    private Label pending;

    PointsDialog(Shell shell, LoyaltyService loyalty, long customerId, String customerName) {
        super(shell, 1);
        this.loyalty = loyalty;
        this.customerId = customerId;
        this.customerName = customerName;
    }

    @Override
    protected String title() {
        return Messages.get("points.title", customerName);
    }

    @Override
    protected void fill(Composite area) {
        account = Widgets.id(new Label(area, SWT.WRAP), "points.account");
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(account);

        Composite period = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(period);
        new Label(period, SWT.NONE).setText(Messages.get("points.from"));
        from = Widgets.date(period, "points.from", AppClock.today().withDayOfYear(1));
        new Label(period, SWT.NONE).setText(Messages.get("points.to"));
        to = Widgets.date(period, "points.to", AppClock.today());
        Widgets.button(period, "points.show", Messages.get("points.show"), this::reload);
        Widgets.button(period, "points.export", Messages.get("points.export"),
                () -> TableExport.export(entries.getTable(), Messages.get("points.sheet")));
        balances = Widgets.id(new Label(area, SWT.NONE), "points.balances");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(balances);

        entries = Tables.viewer(area, SWT.BORDER | SWT.FULL_SELECTION, "points.entries");
        GridDataFactory.fillDefaults().grab(true, true).hint(640, 260).applyTo(entries.getTable());
        Columns.add(entries, Entry.class, Messages.get("points.col.date"), 95, e -> e.bookedOn().toString());
        Columns.add(entries, Entry.class, Messages.get("points.col.kind"), 90, e -> Labels.of(e.kind()));
        Columns.add(entries, Entry.class, Messages.get("points.col.points"), 80, e -> String.format("%+,d", e.points()));
        Columns.add(entries, Entry.class, Messages.get("points.col.expires"), 95,
                e -> e.expiresOn() == null ? "" : e.expiresOn().toString());
        Columns.add(entries, Entry.class, Messages.get("points.col.note"), 260, e -> e.note() == null ? "" : e.note());

        Composite redeem = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(redeem);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(redeem);
        new Label(redeem, SWT.NONE).setText(Messages.get("points.redeem"));
        points = Widgets.id(new Spinner(redeem, SWT.BORDER), "points.amount");
        points.setValues(100, 1, 10_000_000, 0, 100, 1000);
        new Label(redeem, SWT.NONE).setText(Messages.get("points.note"));
        note = Widgets.id(new Text(redeem, SWT.BORDER), "points.redeemNote");
        note.setMessage(Messages.get("points.note.hint"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(note);
        Widgets.button(redeem, "points.redeemButton", Messages.get("points.redeemButton"), this::redeem);
        Widgets.button(redeem, "points.grantButton", Messages.get("points.grantButton"), this::grant);
        pending = Widgets.id(new Label(area, SWT.WRAP), "points.pending");
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(pending);
        reload();
    }

    private void reload() {
        try {
            Account a = loyalty.account(customerId);
            account.setText(Messages.get("points.summary", String.format("%,d", a.balance()),
                    a.tier() == null ? "—" : a.tier().name(Locale.getDefault()), String.format("%,d", a.earned12m()),
                    a.nextExpiry() == null ? Messages.get("points.noExpiry")
                            : Messages.get("points.expiry", String.format("%,d", a.expiringNext()), a.nextExpiry())));
            Statement s = loyalty.statement(customerId, Widgets.date(from), Widgets.date(to));
            entries.setInput(s.entries());
            balances.setText(Messages.get("points.balances", String.format("%,d", s.opening()), String.format("%,d", s.closing())));
            int waiting = loyalty.requests(customerId).stream().filter(r -> r.status() == RequestStatus.PENDING)
                    .mapToInt(Request::points).sum();
            pending.setText(waiting == 0 ? "" : Messages.get("points.pending", String.format("%,d", waiting)));
            account.getParent().layout(true, true);
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    private void redeem() {
        try {
            loyalty.redeem(customerId, points.getSelection(), note.getText());
            note.setText("");
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
        reload();
    }

    /** Goodwill points: booked at once up to the agent's limit, above it sent to a service manager. */
    private void grant() {
        try {
            Grant g = loyalty.grant(customerId, points.getSelection(), null, note.getText());
            note.setText("");
            if (g.pending()) {
                MessageDialog.openInformation(getShell(), Messages.get("points.grantButton"),
                        Messages.get("points.sentForApproval", String.format("%,d", g.request().points()),
                                String.format("%,d", loyalty.grantLimit())));
            }
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
        reload();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
