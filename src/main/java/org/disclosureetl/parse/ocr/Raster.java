package org.disclosureetl.parse.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * A page image as 8-bit grey levels (0 black, 255 white), row after row. Scans come as grey, colour or 1-bit;
 * the grid finder and the crops handed to Tesseract need only grey.
 */
final class Raster {

    /** Darker than this is ink (a scan's paper is near 255, its print near 0; JPEG noise stays well above). */
    static final int INK = 160;

    final int width;
    final int height;
    final byte[] grey;

    Raster(int width, int height, byte[] grey) {
        if (grey.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " needs " + width * height + " bytes");
        }
        this.width = width;
        this.height = height;
        this.grey = grey;
    }

    static Raster of(BufferedImage image) {
        BufferedImage grey = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            var g = grey.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight()); // transparent pixels are paper
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int w = grey.getWidth();
        int h = grey.getHeight();
        if (data.length == w * h) {
            return new Raster(w, h, data.clone());
        }
        byte[] packed = new byte[w * h]; // a sub-image or padded rows
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                packed[y * w + x] = (byte) grey.getRaster().getSample(x, y, 0);
            }
        }
        return new Raster(w, h, packed);
    }

    int at(int x, int y) {
        return grey[y * width + x] & 0xFF;
    }

    boolean ink(int x, int y) {
        return (grey[y * width + x] & 0xFF) < INK;
    }

    /** The box as an image of its own with a white margin (Tesseract reads a glyph touching the edge badly). */
    BufferedImage crop(Box box, int margin, boolean[] erase) {
        BufferedImage out = new BufferedImage(box.width() + 2 * margin, box.height() + 2 * margin,
                BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(data, (byte) 0xFF);
        int ow = out.getWidth();
        for (int y = 0; y < box.height(); y++) {
            int sy = box.y() + y;
            for (int x = 0; x < box.width(); x++) {
                int sx = box.x() + x;
                int i = sy * width + sx;
                if (erase == null || !erase[i]) {
                    data[(y + margin) * ow + x + margin] = grey[i];
                }
            }
        }
        return out;
    }

    /** This image with the boxes painted white: what is left of a page once its tables are taken out. */
    Raster without(java.util.List<Box> boxes) {
        byte[] copy = grey.clone();
        for (Box b : boxes) {
            for (int y = b.y(); y < b.y() + b.height(); y++) {
                java.util.Arrays.fill(copy, y * width + b.x(), y * width + b.x() + b.width(), (byte) 0xFF);
            }
        }
        return new Raster(width, height, copy);
    }

    /**
     * How far the page is turned, in degrees (positive: clockwise on screen), within two degrees either way: the angle
     * at which the ink falls into the sharpest rows (the sum of squares of the ink in each row of the sheared page).
     * Ruling lines and lines of text both make the rows sharp at the page's true angle.
     */
    double skewDegrees() {
        int step = Math.max(1, width / 800); // a sample of the columns is enough
        java.util.List<int[]> inkPixels = new java.util.ArrayList<>();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x += step) {
                if ((grey[y * width + x] & 0xFF) < INK) {
                    inkPixels.add(new int[] {x, y});
                }
            }
        }
        double best = 0;
        double bestScore = -1;
        for (int tenth = -20; tenth <= 20; tenth++) {
            double tan = Math.tan(Math.toRadians(tenth / 10.0));
            long[] rows = new long[height + 2 * width];
            for (int[] p : inkPixels) {
                int row = (int) Math.round(p[1] - (p[0] - width / 2.0) * tan) + width;
                if (row >= 0 && row < rows.length) {
                    rows[row]++;
                }
            }
            double score = 0;
            for (long r : rows) {
                score += (double) r * r;
            }
            if (score > bestScore) {
                bestScore = score;
                best = tenth / 10.0;
            }
        }
        return best;
    }

    /** This page turned back by {@code degrees} about its centre, the corners filled with paper. */
    Raster turnedBack(double degrees) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image(), java.awt.geom.AffineTransform.getRotateInstance(Math.toRadians(-degrees), width / 2.0,
                height / 2.0), null);
        g.dispose();
        return of(out);
    }

    BufferedImage image() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(grey, 0, ((DataBufferByte) out.getRaster().getDataBuffer()).getData(), 0, grey.length);
        return out;
    }

    void write(Path file) throws IOException {
        ImageIO.write(image(), "png", file.toFile());
    }

    /** A rectangle of the page in pixels: left, top, width, height. */
    record Box(int x, int y, int width, int height) {
        int right() {
            return x + width;
        }

        int bottom() {
            return y + height;
        }

        @Override
        public String toString() {
            return x + "," + y + "," + width + "," + height;
        }
    }
}
