package org.guanxi.app.dialogs;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.app.Language;
import org.guanxi.app.Messages;
import org.guanxi.core.GuanxiHome;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.PreferenceSection;
import org.guanxi.updates.UpdateSite;

/**
 * The data folder and the UI language, both read at start-up so they apply after a restart; below them the sections
 * the installed modules contribute.
 */
public class PreferencesDialog extends Dialog {

    private final List<PreferenceSection> sections;
    private final List<PreferenceSection.Page> pages = new ArrayList<>();
    private Text dataDir;
    private Combo language;
    private Text updateSite;

    public PreferencesDialog(Shell parent, List<PreferenceSection> sections) {
        super(parent);
        this.sections = sections;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("prefs.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, SWT.DEFAULT).applyTo(c);

        new Label(c, SWT.NONE).setText(Messages.get("prefs.dataDir"));
        dataDir = new Text(c, SWT.BORDER);
        dataDir.setText(GuanxiHome.dir().toString());
        dataDir.setData("org.guanxi.id", "prefs.dataDir");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(dataDir);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText(Messages.get("prefs.browse"));
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setFilterPath(dataDir.getText());
            String chosen = d.open();
            if (chosen != null) {
                dataDir.setText(chosen);
            }
        });
        if (GuanxiHome.isDirForced()) {
            dataDir.setEnabled(false);
            browse.setEnabled(false);
            Label forced = new Label(c, SWT.WRAP);
            forced.setText(Messages.get("prefs.dataDirForced"));
            GridDataFactory.fillDefaults().span(3, 1).applyTo(forced);
        }

        new Label(c, SWT.NONE).setText(Messages.get("prefs.language"));
        language = new Combo(c, SWT.READ_ONLY);
        language.setItems(Messages.get("prefs.language.system"), "简体中文", "English");
        String current = GuanxiHome.settings().getProperty(GuanxiHome.SETTING_LANGUAGE, "");
        int index = java.util.Arrays.asList(Language.CHOICES).indexOf(current);
        language.select(Math.max(0, index));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(language);

        new Label(c, SWT.NONE).setText(Messages.get("prefs.updateSite"));
        updateSite = new Text(c, SWT.BORDER);
        updateSite.setText(UpdateSite.text());
        updateSite.setData("org.guanxi.id", "prefs.updateSite");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(updateSite);

        Label note = new Label(c, SWT.WRAP);
        note.setText(Messages.get("prefs.restart"));
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 12).applyTo(note);
        for (PreferenceSection section : sections) {
            PreferenceSection.Page page = section.create(area);
            if (page != null) {
                pages.add(page);
            }
        }
        return area;
    }

    @Override
    protected void okPressed() {
        try {
            UpdateSite.save(updateSite.getText());
            for (PreferenceSection.Page page : pages) {
                page.save();
            }
        } catch (IllegalArgumentException e) {
            org.eclipse.jface.dialogs.MessageDialog.openWarning(getShell(), Messages.get("prefs.title"), e.getMessage());
            return;
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
            return;
        }
        if (!GuanxiHome.isDirForced()) {
            String dir = dataDir.getText().strip();
            boolean isDefault = dir.equals(java.nio.file.Path.of(System.getProperty("user.home"), ".guanxi").toString());
            GuanxiHome.saveSetting(GuanxiHome.SETTING_DATA_DIR, isDefault ? null : dir);
        }
        GuanxiHome.saveSetting(GuanxiHome.SETTING_LANGUAGE, Language.CHOICES[Math.max(0, language.getSelectionIndex())]);
        super.okPressed();
    }
}
