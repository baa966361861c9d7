package org.guanxi.service.ui;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Channel;
import org.guanxi.marketing.api.CareOutreach;
import org.guanxi.marketing.api.CareOutreach.Outreach;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.TaskService;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Care greetings in the agent's work list (关怀任务): the care plans' tasks due this week, each with its e-mail and SMS
 * ready in the customer's language; the agent edits if they like and sends, or marks the task done after greeting
 * the customer some other way (a call, a visit).
 */
public class CareOutreachPart {

    static final int WEEK = 7;
    private static final int SHOWN = 500;

    @Inject
    private CareOutreach outreach;

    @Inject
    private SecurityService security;

    @Inject
    private TaskService tasks;

    private Combo whose;
    private Label summary;
    private TableViewer list;
    private Label customer;
    private Text subject;
    private Text email;
    private Text sms;
    private Label smsLength;
    private Button sendEmail;
    private Button sendSms;
    private Button done;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(3).margins(8, 8).applyTo(parent);
        whose = Widgets.id(new Combo(parent, SWT.READ_ONLY), "care.whose");
        // the service team shares the care greetings; an agent may narrow the list to their own customers
        whose.add(Messages.get("care.whose.all"));
        whose.add(Messages.get("care.whose.mine"));
        whose.select(0);
        whose.addListener(SWT.Selection, e -> reload());
        Widgets.button(parent, "care.reload", Messages.get("care.reload"), this::reload);
        summary = Widgets.id(new Label(parent, SWT.NONE), "care.summary");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).indent(12, 0).applyTo(summary);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(sash);
        list = Tables.framed(sash, Messages.get("care.tasks"), "care.tasks");
        Columns.add(list, Outreach.class, Messages.get("care.col.due"), 95, o -> o.due().toString());
        Columns.add(list, Outreach.class, Messages.get("care.col.customer"), 150, Outreach::customerName);
        Columns.add(list, Outreach.class, Messages.get("care.col.occasion"), 120, o -> Labels.of(o.occasion()));
        Columns.add(list, Outreach.class, Messages.get("care.col.email"), 120,
                o -> o.emailBlocked() == null ? "✓" : Labels.of(o.emailBlocked()));
        Columns.add(list, Outreach.class, Messages.get("care.col.sms"), 120,
                o -> o.smsBlocked() == null ? "✓" : Labels.of(o.smsBlocked()));
        Columns.add(list, Outreach.class, Messages.get("care.col.assignee"), 90, o -> o.assignee() == null ? "" : o.assignee());

        Group message = new Group(sash, SWT.NONE);
        message.setText(Messages.get("care.message"));
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(message);
        customer = Widgets.id(new Label(message, SWT.WRAP), "care.customer");
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).applyTo(customer);
        new Label(message, SWT.NONE).setText(Messages.get("care.subject"));
        subject = Widgets.id(new Text(message, SWT.BORDER), "care.subject");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(subject);
        email = Widgets.id(new Text(message, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "care.email");
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(email);
        new Label(message, SWT.NONE).setText(Messages.get("care.sms"));
        smsLength = Widgets.id(new Label(message, SWT.NONE), "care.smsLength");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(smsLength);
        sms = Widgets.id(new Text(message, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "care.smsText");
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).hint(SWT.DEFAULT, 60).applyTo(sms);
        sms.addListener(SWT.Modify, e -> countSms());
        sendEmail = Widgets.button(message, "care.sendEmail", Messages.get("care.sendEmail"), () -> send(Channel.EMAIL));
        sendSms = Widgets.button(message, "care.sendSms", Messages.get("care.sendSms"), () -> send(Channel.SMS));
        done = Widgets.button(message, "care.done", Messages.get("care.done"), () -> send(null));
        sash.setWeights(52, 48);
        list.addSelectionChangedListener(e -> show(Tables.selected(list, Outreach.class).orElse(null)));
        reload();
    }

    void reload() {
        if (list == null || list.getTable().isDisposed()) {
            return;
        }
        try {
            String assignee = whose.getSelectionIndex() == 1 ? security.currentUser() : null;
            List<Outreach> due = outreach.due(AppClock.today().plusDays(WEEK), assignee, SHOWN);
            list.setInput(due);
            long today = due.stream().filter(o -> !o.due().isAfter(AppClock.today())).count();
            summary.setText(Messages.get("care.summary", due.size(), today));
            summary.getParent().layout();
            if (!due.isEmpty()) {
                list.setSelection(new org.eclipse.jface.viewers.StructuredSelection(due.get(0)), true);
            } else {
                show(null);
            }
        } catch (RuntimeException e) {
            Errors.show(list.getTable().getShell(), e);
        }
    }

    private void show(Outreach o) {
        customer.setText(o == null ? Messages.get("care.choose")
                : Messages.get("care.for", o.customerName(), Labels.of(o.occasion()), o.due(),
                        o.email() == null ? "—" : o.email(), o.phone() == null ? "—" : o.phone()));
        subject.setText(o == null ? "" : o.emailSubject());
        email.setText(o == null ? "" : o.emailBody());
        sms.setText(o == null ? "" : o.sms());
        sendEmail.setEnabled(o != null && o.emailBlocked() == null);
        sendSms.setEnabled(o != null && o.smsBlocked() == null);
        done.setEnabled(o != null);
        customer.getParent().layout();
    }

    /** Characters and SMS segments (70 per segment, 67 each once it is split), as the agent types. */
    private void countSms() {
        int n = sms.getText().length();
        int segments = n <= 70 ? 1 : (n + 66) / 67;
        smsLength.setText(Messages.get("care.smsLength", n, segments));
        smsLength.getParent().layout();
    }

    private void send(Channel channel) {
        Outreach o = Tables.selected(list, Outreach.class).orElse(null);
        if (o == null) {
            return;
        }
        try {
            if (channel == null) {
                tasks.complete(o.taskId());
            } else {
                outreach.send(o.taskId(), channel, subject.getText(), channel == Channel.EMAIL ? email.getText() : sms.getText());
                MessageDialog.openInformation(list.getTable().getShell(), Messages.get("care.message"),
                        Messages.get(channel == Channel.EMAIL ? "care.sentEmail" : "care.sentSms", o.customerName()));
            }
        } catch (RuntimeException e) {
            Errors.show(list.getTable().getShell(), e);
            return;
        }
        reload();
    }

    /** The demo data arrived, or customers changed: the week's tasks may be new. */
    @Inject
    @Optional
    void onCustomers(@UIEventTopic(Topics.CUSTOMER_CHANGED) Event event) {
        reload();
    }

    @Focus
    void focus() {
        list.getTable().setFocus();
    }
}
