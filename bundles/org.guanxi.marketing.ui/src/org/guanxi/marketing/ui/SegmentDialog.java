package org.guanxi.marketing.ui;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.CustomerType;
import org.guanxi.core.model.RfmSegment;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.Stage;
import org.guanxi.core.model.Tier;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.marketing.api.CampaignService.Audience;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

/**
 * A saved segment: tick the tiers, lifecycle stages, RFM segments and customer types it takes (none ticked: any), list
 * cities; the audience line counts who it reaches and who would be skipped, on request.
 */
public class SegmentDialog extends Dialog {

    private final CampaignService campaigns;
    private final Segment segment;
    private Text name;
    private Text cities;
    private Label audience;
    private final Map<Enum<?>, Button> boxes = new LinkedHashMap<>();
    private Segment saved;

    public SegmentDialog(Shell shell, CampaignService campaigns, Segment segment) {
        super(shell);
        this.campaigns = campaigns;
        this.segment = segment;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get(segment == null ? "segment.new" : "segment.edit"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(10, 8).applyTo(area);
        new Label(area, SWT.NONE).setText(Messages.get("segment.name"));
        name = Widgets.id(new Text(area, SWT.BORDER), "segment.name");
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(name);
        group(area, "segment.tiers", Tier.values(), segment == null ? null : segment.getTiers());
        group(area, "segment.stages", Stage.values(), segment == null ? null : segment.getStages());
        group(area, "segment.rfm", RfmSegment.values(), segment == null ? null : segment.getRfmSegments());
        group(area, "segment.types", CustomerType.values(), segment == null ? null : segment.getCustomerTypes());
        new Label(area, SWT.NONE).setText(Messages.get("segment.cities"));
        cities = Widgets.id(new Text(area, SWT.BORDER), "segment.cities");
        cities.setMessage(Messages.get("segment.citiesHint"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(cities);
        Button count = Widgets.id(new Button(area, SWT.PUSH), "segment.count");
        count.setText(Messages.get("segment.count"));
        count.addListener(SWT.Selection, e -> count());
        audience = Widgets.id(new Label(area, SWT.WRAP), "segment.audience");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(audience);
        Label note = new Label(area, SWT.WRAP);
        note.setText(Messages.get("segment.note"));
        GridDataFactory.fillDefaults().span(2, 1).hint(560, SWT.DEFAULT).applyTo(note);
        if (segment != null) {
            name.setText(segment.getName());
            cities.setText(String.join(", ", segment.getCities()));
        }
        return area;
    }

    private void group(Composite area, String key, Enum<?>[] values, java.util.Set<? extends Enum<?>> chosen) {
        Label l = new Label(area, SWT.NONE);
        l.setText(Messages.get(key));
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).indent(0, 3).applyTo(l);
        Composite row = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(Math.min(values.length, 4)).spacing(14, 4).applyTo(row);
        for (Enum<?> v : values) {
            Button b = Widgets.id(new Button(row, SWT.CHECK), key + "." + v.name());
            b.setText(Labels.of(v));
            b.setSelection(chosen != null && chosen.contains(v));
            boxes.put(v, b);
        }
    }

    private <E extends Enum<E>> EnumSet<E> ticked(Class<E> type) {
        EnumSet<E> out = EnumSet.noneOf(type);
        boxes.forEach((v, b) -> {
            if (type.isInstance(v) && b.getSelection()) {
                out.add(type.cast(v));
            }
        });
        return out;
    }

    private Segment input() {
        Segment s = new Segment();
        if (segment != null) {
            s.setId(segment.getId());
            s.setVersion(segment.getVersion());
        }
        s.setName(name.getText());
        s.setTiers(ticked(Tier.class));
        s.setStages(ticked(Stage.class));
        s.setRfmSegments(ticked(RfmSegment.class));
        s.setCustomerTypes(ticked(CustomerType.class));
        s.setCities(Arrays.asList(cities.getText().split("[,，;；]")));
        return s;
    }

    private void count() {
        try {
            Audience a = campaigns.audience(input());
            List<String> skipped = a.skipped().entrySet().stream()
                    .map(e -> Labels.of(e.getKey()) + " " + e.getValue()).toList();
            audience.setText(Messages.get("segment.audience", a.matching(), a.reachable(),
                    skipped.isEmpty() ? "–" : String.join(", ", skipped)));
            audience.getParent().layout();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    /** The segment as saved, once OK succeeded. */
    Segment saved() {
        return saved;
    }

    @Override
    protected void okPressed() {
        try {
            saved = campaigns.saveSegment(input());
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }
}
