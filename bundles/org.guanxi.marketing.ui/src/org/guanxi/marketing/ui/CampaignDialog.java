package org.guanxi.marketing.ui;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.Campaign;
import org.guanxi.core.model.Segment;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.marketing.api.CampaignService.Preview;
import org.guanxi.core.service.CustomerService;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.guanxi.ui.common.CustomerPicker;

/**
 * A campaign: name, target segment (pick a saved one or define a new one), sender, budget and cost, and the message in
 * Chinese and English with merge fields. Preview renders it for a chosen customer; Test send mails that rendering to
 * an address of the user's. Segment and message are fixed once sending has started.
 */
public class CampaignDialog extends Dialog {

    private static final int PREVIEW = IDialogConstants.CLIENT_ID + 1;
    private static final int TEST_SEND = IDialogConstants.CLIENT_ID + 2;

    private final CampaignService campaigns;
    private final CustomerService customers;
    private final Campaign campaign;
    private List<Segment> segments;
    private Text name;
    private Combo segment;
    private Text sender;
    private Text budget;
    private Text cost;
    private Text subjectZh, bodyZh, subjectEn, bodyEn;
    private CustomerPicker sample;
    private Text testAddress;
    private Text preview;

    public CampaignDialog(Shell shell, CampaignService campaigns, CustomerService customers, Campaign campaign) {
        super(shell);
        this.campaigns = campaigns;
        this.customers = customers;
        this.campaign = campaign;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(campaign == null ? Messages.get("campaign.new") : Messages.get("campaign.edit", campaign.getCode()));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(4).margins(12, 12).spacing(10, 8).applyTo(area);
        boolean editable = campaign == null || campaign.getStatus().editable();

        new Label(area, SWT.NONE).setText(Messages.get("campaign.name"));
        name = Widgets.id(new Text(area, SWT.BORDER), "campaign.name");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(name);

        new Label(area, SWT.NONE).setText(Messages.get("campaign.segment"));
        segment = Widgets.id(new Combo(area, SWT.READ_ONLY), "campaign.segment");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(segment);
        Button newSegment = Widgets.id(new Button(area, SWT.PUSH), "campaign.newSegment");
        newSegment.setText(Messages.get("campaign.newSegment"));
        newSegment.addListener(SWT.Selection, e -> {
            SegmentDialog d = new SegmentDialog(getShell(), campaigns, null);
            if (d.open() == OK) {
                loadSegments(d.saved().getId());
            }
        });
        segment.setEnabled(editable);
        newSegment.setEnabled(editable);

        new Label(area, SWT.NONE).setText(Messages.get("campaign.sender"));
        sender = Widgets.id(new Text(area, SWT.BORDER), "campaign.sender");
        sender.setMessage(campaigns.mailSettings().fromName());
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(sender);

        new Label(area, SWT.NONE).setText(Messages.get("campaign.budget"));
        budget = Widgets.id(new Text(area, SWT.BORDER | SWT.RIGHT), "campaign.budget");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(budget);
        new Label(area, SWT.NONE).setText(Messages.get("campaign.cost"));
        cost = Widgets.id(new Text(area, SWT.BORDER | SWT.RIGHT), "campaign.cost");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(cost);

        CTabFolder languages = new CTabFolder(area, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).hint(720, 260).applyTo(languages);
        Text[] zh = message(languages, "campaign.chinese", "zh", editable);
        subjectZh = zh[0];
        bodyZh = zh[1];
        Text[] en = message(languages, "campaign.english", "en", editable);
        subjectEn = en[0];
        bodyEn = en[1];
        languages.setSelection(0);

        Label fields = new Label(area, SWT.WRAP);
        fields.setText(Messages.get("campaign.fields", String.join("  ",
                CampaignService.MERGE_FIELDS.stream().map(f -> "${" + f + "}").toList())));
        GridDataFactory.fillDefaults().span(4, 1).hint(720, SWT.DEFAULT).applyTo(fields);

        new Label(area, SWT.NONE).setText(Messages.get("campaign.sample"));
        sample = new CustomerPicker(area, customers, "campaign.sample");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(sample.control());
        new Label(area, SWT.NONE).setText(Messages.get("campaign.testAddress"));
        testAddress = Widgets.id(new Text(area, SWT.BORDER), "campaign.testAddress");
        testAddress.setMessage("name@example.com");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(testAddress);
        preview = Widgets.id(new Text(area, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL), "campaign.preview");
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).hint(720, 140).applyTo(preview);

        loadSegments(campaign == null ? null : campaign.getSegmentId());
        if (campaign != null) {
            name.setText(campaign.getName());
            sender.setText(nz(campaign.getSenderName()));
            budget.setText(campaign.getBudget() == null ? "" : campaign.getBudget().toPlainString());
            cost.setText(campaign.getCost() == null ? "" : campaign.getCost().toPlainString());
            subjectZh.setText(nz(campaign.getSubjectZh()));
            bodyZh.setText(nz(campaign.getBodyZh()));
            subjectEn.setText(nz(campaign.getSubjectEn()));
            bodyEn.setText(nz(campaign.getBodyEn()));
        }
        return area;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Text[] message(CTabFolder folder, String key, String lang, boolean editable) {
        CTabItem tab = new CTabItem(folder, SWT.NONE);
        tab.setText(Messages.get(key));
        Composite c = new Composite(folder, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);
        new Label(c, SWT.NONE).setText(Messages.get("campaign.subject"));
        Text subject = Widgets.id(new Text(c, SWT.BORDER), "campaign.subject." + lang);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(subject);
        Label l = new Label(c, SWT.NONE);
        l.setText(Messages.get("campaign.body"));
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
        Text body = Widgets.id(new Text(c, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "campaign.body." + lang);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        subject.setEditable(editable);
        body.setEditable(editable);
        tab.setControl(c);
        return new Text[] { subject, body };
    }

    private void loadSegments(Long select) {
        segments = campaigns.segments();
        segment.removeAll();
        segment.add(Messages.get("campaign.noSegment"));
        segment.select(0);
        for (int i = 0; i < segments.size(); i++) {
            segment.add(segments.get(i).getName());
            if (segments.get(i).getId().equals(select)) {
                segment.select(i + 1);
            }
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.id(createButton(parent, PREVIEW, Messages.get("campaign.preview"), false), "campaign.previewButton");
        Widgets.id(createButton(parent, TEST_SEND, Messages.get("campaign.testSend"), false), "campaign.testSendButton");
        super.createButtonsForButtonBar(parent);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == PREVIEW || id == TEST_SEND) {
            try {
                Long customer = sample.selectedId();
                if (customer == null) {
                    MessageDialog.openInformation(getShell(), getShell().getText(), Messages.get("campaign.pickSample"));
                    return;
                }
                Preview p = id == PREVIEW ? campaigns.preview(input(), customer)
                        : campaigns.testSend(input(), customer, testAddress.getText());
                preview.setText(Messages.get(id == PREVIEW ? "campaign.previewHead" : "campaign.testSent", p.to(), p.subject())
                        + "\n\n" + p.body());
            } catch (RuntimeException e) {
                Errors.show(getShell(), e);
            }
            return;
        }
        super.buttonPressed(id);
    }

    private static BigDecimal amount(Text t) {
        String s = t.getText().strip().replace(",", "");
        try {
            return s.isEmpty() ? null : new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new org.guanxi.core.service.ValidationException(List.of(new org.guanxi.core.service.FieldError(
                    String.valueOf(t.getData(Widgets.ID)).replace("campaign.", ""), "error.number")));
        }
    }

    private Campaign input() {
        Campaign k = new Campaign();
        if (campaign != null) {
            k.setId(campaign.getId());
            k.setVersion(campaign.getVersion());
            k.setStatus(campaign.getStatus());
            k.setCode(campaign.getCode());
            k.setStartDate(campaign.getStartDate());
            k.setEndDate(campaign.getEndDate());
            k.setCurrency(campaign.getCurrency());
        }
        k.setName(name.getText());
        int s = segment.getSelectionIndex();
        k.setSegmentId(s <= 0 ? null : segments.get(s - 1).getId());
        k.setSenderName(sender.getText().isBlank() ? null : sender.getText().strip());
        k.setBudget(amount(budget));
        BigDecimal c = amount(cost);
        k.setCost(c == null ? BigDecimal.ZERO : c);
        k.setSubjectZh(subjectZh.getText());
        k.setBodyZh(bodyZh.getText());
        k.setSubjectEn(subjectEn.getText());
        k.setBodyEn(bodyEn.getText());
        return k;
    }

    @Override
    protected void okPressed() {
        try {
            campaigns.save(input());
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }
}
