package org.guanxi.ui.common;

import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;

/** One look for all charts: the workbench's calm colours and a font that has Chinese glyphs. */
public final class Charts {

    private static final StandardChartTheme THEME = theme();

    private Charts() {
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        String family = Font.SANS_SERIF;
        t.setExtraLargeFont(new Font(family, Font.BOLD, 15));
        t.setLargeFont(new Font(family, Font.BOLD, 13));
        t.setRegularFont(new Font(family, Font.PLAIN, 12));
        t.setSmallFont(new Font(family, Font.PLAIN, 11));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(new Color(0xF7, 0xF9, 0xFB));
        t.setDomainGridlinePaint(new Color(0xDD, 0xE3, 0xEA));
        t.setRangeGridlinePaint(new Color(0xDD, 0xE3, 0xEA));
        t.setTitlePaint(new Color(0x1F, 0x3A, 0x5F));
        t.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    public static JFreeChart style(JFreeChart chart) {
        THEME.apply(chart);
        return chart;
    }
}
