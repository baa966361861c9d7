package org.guanxi.service.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Role;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.LoyaltyService.Request;
import org.guanxi.core.service.SecurityService;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

/**
 * Points approvals (积分审批) for the service manager: the grants above an agent's limit, approved or refused with a
 * reason by someone other than the agent; and, for an administrator, each role's limit.
 */
final class PointsApprovalsTab {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LoyaltyService loyalty;
    private final TableViewer pending;
    private final Text note;
    private final Label limits;
    private final Combo role;
    private final Spinner limit;
    private java.util.List<String> roles = java.util.List.of();

    PointsApprovalsTab(Composite page, LoyaltyService loyalty, SecurityService security) {
        this.loyalty = loyalty;
        GridLayoutFactory.swtDefaults().numColumns(4).margins(10, 10).applyTo(page);
        Label intro = new Label(page, SWT.WRAP);
        intro.setText(Messages.get("approvals.intro", LoyaltyService.DEFAULT_GRANT_LIMIT));
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).hint(600, SWT.DEFAULT).applyTo(intro);

        pending = Tables.viewer(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "approvals.pending");
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(pending.getTable());
        ZoneId zone = AppClock.zone();
        Columns.add(pending, Request.class, Messages.get("approvals.col.asked"), 130, r -> WHEN.format(r.requestedAt().atZone(zone)));
        Columns.add(pending, Request.class, Messages.get("approvals.col.customer"), 180, Request::customerName);
        Columns.add(pending, Request.class, Messages.get("points.col.points"), 80, r -> String.format("%,d", r.points()));
        Columns.add(pending, Request.class, Messages.get("approvals.col.by"), 110, Request::requestedBy);
        Columns.add(pending, Request.class, Messages.get("points.col.note"), 260, r -> r.note() == null ? "" : r.note());

        Composite decision = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(decision);
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).applyTo(decision);
        new Label(decision, SWT.NONE).setText(Messages.get("approvals.note"));
        note = Widgets.id(new Text(decision, SWT.BORDER), "approvals.note");
        note.setMessage(Messages.get("approvals.note.hint"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(note);
        Widgets.button(decision, "approvals.approve", Messages.get("approvals.approve"), () -> decide(true));
        Widgets.button(decision, "approvals.refuse", Messages.get("approvals.refuse"), () -> decide(false));

        limits = Widgets.id(new Label(page, SWT.WRAP), "approvals.limits");
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).hint(600, SWT.DEFAULT).applyTo(limits);
        Composite setLimit = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(setLimit);
        GridDataFactory.fillDefaults().span(4, 1).applyTo(setLimit);
        role = Widgets.id(new Combo(setLimit, SWT.READ_ONLY), "approvals.role");
        limit = Widgets.id(new Spinner(setLimit, SWT.BORDER), "approvals.limit");
        limit.setValues(LoyaltyService.DEFAULT_GRANT_LIMIT, 0, 10_000_000, 0, 100, 1000);
        GridDataFactory.swtDefaults().hint(90, SWT.DEFAULT).applyTo(limit);
        Button save = Widgets.button(setLimit, "approvals.saveLimit", Messages.get("approvals.saveLimit"), this::saveLimit);
        boolean admin = security.hasPermission(Permission.USER_ADMIN);
        if (admin) {
            // those who administer the service module approve and have no limit: the others' limits are set here
            roles = security.roleNames().stream().filter(r -> !Role.ADMIN.equals(r)).toList();
            roles.forEach(r -> role.add(Labels.role(r)));
            role.select(0);
        }
        role.setEnabled(admin);
        limit.setEnabled(admin);
        save.setEnabled(admin);
        page.addListener(SWT.Show, e -> reload()); // what arrived since the part was opened
        reload();
    }

    private void reload() {
        try {
            pending.setInput(loyalty.pendingRequests());
            StringBuilder set = new StringBuilder();
            loyalty.grantLimits().forEach((r, points) -> set.append(set.length() > 0 ? ", " : "").append(Labels.role(r)).append(" ")
                    .append(String.format("%,d", points)));
            limits.setText(Messages.get("approvals.limits", set.length() == 0 ? "—" : set, LoyaltyService.DEFAULT_GRANT_LIMIT));
            limits.getParent().layout(true, true);
        } catch (RuntimeException e) {
            Errors.show(pending.getTable().getShell(), e);
        }
    }

    private void decide(boolean approve) {
        Request r = Tables.selected(pending, Request.class).orElse(null);
        if (r == null) {
            return;
        }
        try {
            if (approve) {
                loyalty.approve(r.id(), note.getText());
            } else {
                loyalty.refuse(r.id(), note.getText());
            }
            note.setText("");
        } catch (RuntimeException e) {
            Errors.show(pending.getTable().getShell(), e);
        }
        reload();
    }

    private void saveLimit() {
        try {
            loyalty.setGrantLimit(roles.get(role.getSelectionIndex()), limit.getSelection());
        } catch (RuntimeException e) {
            Errors.show(pending.getTable().getShell(), e);
        }
        reload();
    }
}
