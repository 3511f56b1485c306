package dev.twinning.common.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/** Writes a {@link CsvTable} as RFC 4180 CSV in UTF-8: comma-separated, CRLF line ends, quotes where needed. */
@Provider
@Produces(CsvWriter.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<CsvTable> {

    public static final String TEXT_CSV = "text/csv";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(CsvTable table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", TEXT_CSV + "; charset=UTF-8; header=present");
        StringBuilder csv = new StringBuilder();
        line(csv, table.csvHeader());
        table.csvRows().forEach(row -> line(csv, row));
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder csv, List<?> values) {
        csv.append(values.stream().map(CsvWriter::field).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
