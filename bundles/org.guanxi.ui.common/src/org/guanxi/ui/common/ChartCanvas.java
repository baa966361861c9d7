package org.guanxi.ui.common;

import java.awt.image.BufferedImage;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.JFreeChart;

/**
 * Shows a JFreeChart in SWT: the chart is drawn off screen by Java2D at the canvas size and copied into an SWT
 * image. (JFreeChart's own SWT composite targets the retired 1.0 line, so the image bridge is the robust way.)
 */
public class ChartCanvas extends Canvas {

    private JFreeChart chart;
    private Image image;

    public ChartCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addListener(SWT.Resize, e -> render());
        addListener(SWT.Paint, e -> {
            if (image != null) {
                e.gc.drawImage(image, 0, 0);
            }
        });
        addListener(SWT.Dispose, e -> disposeImage());
    }

    public void setChart(JFreeChart chart) {
        this.chart = chart;
        render();
    }

    private void render() {
        Point size = getSize();
        disposeImage();
        if (chart == null || size.x < 20 || size.y < 20) {
            redraw();
            return;
        }
        BufferedImage awt = chart.createBufferedImage(size.x, size.y, BufferedImage.TYPE_INT_RGB, null);
        ImageData data = new ImageData(size.x, size.y, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[size.x];
        for (int y = 0; y < size.y; y++) {
            awt.getRGB(0, y, size.x, 1, row, 0, size.x);
            data.setPixels(0, y, size.x, row, 0);
        }
        image = new Image(getDisplay(), data);
        redraw();
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}
