package cn.changjiang.mining.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The bulletin's HTML laid out as an A4 PDF by openhtmltopdf, with a CJK font embedded as a subset (only the glyphs
 * used), so the PDF shows and its text extracts the same on a machine without Chinese fonts. The font is a TrueType
 * file ({@code .ttf}) or collection ({@code .ttc}, its first font) at {@code accountability.bulletin.font}; by default
 * the first of {@link #DEFAULT_FONTS} that exists (WenQuanYi Micro Hei, which {@code .ci/run} installs with Debian's
 * {@code fonts-wqy-microhei}). Without one, {@code BULLETIN_FONT_MISSING} (503): a PDF without a CJK font would show
 * blanks.
 */
@Component
class BulletinPdf {

    static final List<String> DEFAULT_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private static final Logger log = LoggerFactory.getLogger(BulletinPdf.class);

    private final String configured;

    BulletinPdf(@Value("${accountability.bulletin.font:}") String configured) {
        this.configured = configured;
    }

    /** The font file to embed: the configured one, else the first default that exists. */
    Path font() {
        List<String> candidates = configured == null || configured.isBlank() ? DEFAULT_FONTS : List.of(configured.strip());
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return path;
            }
        }
        throw new BulletinException(HttpStatus.SERVICE_UNAVAILABLE, BulletinException.FONT_MISSING,
                "No CJK font to embed in the PDF: set accountability.bulletin.font (BULLETIN_FONT) to a TrueType "
                        + ".ttf or .ttc file, or install fonts-wqy-microhei; looked at " + candidates);
    }

    byte[] render(String html) {
        Path font = font();
        List<AutoCloseable> open = new ArrayList<>();
        try (PDDocument document = new PDDocument()) {
            TrueTypeFont trueType = load(font, open);
            PDType0Font pdFont = PDType0Font.load(document, trueType, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFastMode();
            builder.useFont(new PDFontSupplier(pdFont), BulletinHtml.FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(pdFont), BulletinHtml.FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof BulletinException refused) {
                throw refused;
            }
            log.error("The bulletin PDF could not be made with the font {}", font, e);
            throw new BulletinException(HttpStatus.INTERNAL_SERVER_ERROR, BulletinException.RENDERING_FAILED,
                    "The bulletin PDF could not be made: " + e.getMessage(), e);
        } finally {
            for (AutoCloseable closeable : open.reversed()) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("Closing the font file failed", e);
                }
            }
        }
    }

    /** The font of a .ttf or .otf file (TrueType outlines), or the first font of a .ttc collection. */
    private static TrueTypeFont load(Path font, List<AutoCloseable> open) throws IOException {
        String name = font.getFileName().toString().toLowerCase();
        if (name.endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(font.toFile());
            open.add(collection);
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            if (first[0] == null) {
                throw new BulletinException(HttpStatus.SERVICE_UNAVAILABLE, BulletinException.FONT_MISSING,
                        "The font collection " + font + " holds no font");
            }
            return first[0];
        }
        TrueTypeFont single = name.endsWith(".otf")
                ? new OTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()))
                : new TTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()));
        open.add(single);
        return single;
    }
}
