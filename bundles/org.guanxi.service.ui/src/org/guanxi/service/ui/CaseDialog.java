package org.guanxi.service.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CasePhase;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.ComplaintCategory;
import org.guanxi.core.model.ComplaintSeverity;
import org.guanxi.core.model.Department;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.service.CaseService;
import org.guanxi.core.service.CaseService.NewCase;
import org.guanxi.core.service.CaseService.Queue;
import org.guanxi.service.api.ComplaintService;
import org.guanxi.service.api.ComplaintService.NewComplaint;
import org.guanxi.core.service.CustomerService;
import org.guanxi.ui.common.CustomerPicker;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.FormDialog;

/**
 * Intake of a service request or a complaint from any channel. A request takes phase, priority and queue (empty: the
 * customer's tier decides); a complaint takes category, severity and the responsible department, and goes to the
 * complaints queue with the severity's priority. The dialog stays open with the service's message when input is wrong.
 */
final class CaseDialog extends FormDialog {

    private static final List<CasePhase> PHASES = Arrays.asList(CasePhase.values());
    private static final List<CasePriority> PRIORITIES = Arrays.asList(CasePriority.values());
    private static final List<Channel> CHANNELS = Arrays.asList(Channel.values());
    private static final List<ComplaintCategory> CATEGORIES = Arrays.asList(ComplaintCategory.values());
    private static final List<ComplaintSeverity> SEVERITIES = Arrays.asList(ComplaintSeverity.values());
    private static final List<Department> DEPARTMENTS = Arrays.asList(Department.values());

    private final CaseKind kind;
    private final CaseService cases;
    private final ComplaintService complaints;
    private final CustomerService customers;
    private final List<Queue> queues;
    private final Long customerId;
    private final String queueCode;

    private CustomerPicker customer;
    private Combo channel;
    private Combo phase;
    private Combo priority;
    private Combo queue;
    private Combo category;
    private Combo severity;
    private Combo department;
    private Text subject;
    private Text description;
    private ServiceCase created;

    CaseDialog(Shell shell, CaseKind kind, CaseService cases, ComplaintService complaints, CustomerService customers,
            List<Queue> queues) {
        this(shell, kind, cases, complaints, customers, queues, null, null);
    }

    /**
     * With {@code customerId} set, the case is for that customer (the caller of a call just taken); {@code queueCode}
     * is the request's queue to start with (the one the caller chose in the IVR), null for the tier's.
     */
    CaseDialog(Shell shell, CaseKind kind, CaseService cases, ComplaintService complaints, CustomerService customers,
            List<Queue> queues, Long customerId, String queueCode) {
        super(shell, 2);
        this.kind = kind;
        this.cases = cases;
        this.complaints = complaints;
        this.customers = customers;
        this.queues = queues;
        this.customerId = customerId;
        this.queueCode = queueCode;
    }

    @Override
    protected String title() {
        return Messages.get(kind == CaseKind.COMPLAINT ? "case.new.complaint" : "case.new.request");
    }

    @Override
    protected void fill(Composite area) {
        Fields.label(area, "case.customer");
        customer = new CustomerPicker(area, customers, "case.customer");
        if (customerId != null) {
            var c = customers.get(customerId);
            customer.set(c.getId(), c.getCode(), c.getName());
        }
        channel = Fields.choice(area, "case.channel", CHANNELS, Channel.PHONE);
        if (kind == CaseKind.COMPLAINT) {
            category = Fields.choice(area, "case.category", CATEGORIES, ComplaintCategory.PRODUCT);
            severity = Fields.choice(area, "case.severity", SEVERITIES, ComplaintSeverity.MINOR);
            department = Fields.choice(area, "case.department", DEPARTMENTS, Department.CUSTOMER_SERVICE);
        } else {
            phase = Fields.choice(area, "case.phase", PHASES, CasePhase.AFTER_SALE);
            priority = Fields.choice(area, "case.priority", PRIORITIES, CasePriority.NORMAL);
            Fields.label(area, "case.queue");
            queue = org.guanxi.ui.common.Widgets.id(new Combo(area, SWT.READ_ONLY), "case.queue");
            queue.add(Messages.get("case.queue.auto"));
            queues.forEach(q -> queue.add(q.name(Locale.getDefault())));
            queue.select(queueCode == null ? 0 : 1 + queues.stream().map(Queue::code).toList().indexOf(queueCode));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(queue);
        }
        subject = Fields.text(area, "case.subject");
        description = Fields.area(area, "case.description", 90);
        (customerId == null ? customer.control() : subject).setFocus();
    }

    @Override
    protected void okPressed() {
        Long id = customer.selectedId();
        if (id == null) {
            org.eclipse.jface.dialogs.MessageDialog.openInformation(getShell(), title(), Messages.get("case.chooseCustomer"));
            return;
        }
        try {
            Channel ch = Fields.chosen(channel, CHANNELS);
            if (kind == CaseKind.COMPLAINT) {
                created = complaints.file(new NewComplaint(id, ch, Fields.chosen(category, CATEGORIES),
                        Fields.chosen(severity, SEVERITIES), Fields.chosen(department, DEPARTMENTS), subject.getText(),
                        description.getText(), null));
            } else {
                String q = queue.getSelectionIndex() <= 0 ? null : queues.get(queue.getSelectionIndex() - 1).code();
                created = cases.open(new NewCase(id, CaseKind.REQUEST, Fields.chosen(phase, PHASES),
                        Fields.chosen(priority, PRIORITIES), ch, q, subject.getText(), description.getText(), null));
            }
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
            return;
        }
        super.okPressed();
    }

    ServiceCase created() {
        return created;
    }
}
