package org.guanxi.customer.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.guanxi.core.service.CustomerImportService.Field;

/**
 * Opening CSV files (also gzip-compressed) the way spreadsheets write them: UTF-8 with or without BOM, the separator (comma,
 * semicolon or tab) guessed from the header line, and header names in Chinese or English mapped to fields.
 */
final class CustomerCsv {

    /** Header names (lower-case, without spaces, "_" or "-") that propose a field. */
    private static final Map<String, Field> NAMES = new HashMap<>();

    static {
        Map<Field, String[]> synonyms = new EnumMap<>(Field.class);
        synonyms.put(Field.CODE, new String[] { "code", "customercode", "customerno", "编号", "客户编号", "客户代码" });
        synonyms.put(Field.KIND, new String[] { "kind", "type", "partykind", "类型", "客户类型", "个人/企业" });
        synonyms.put(Field.NAME, new String[] { "name", "customer", "customername", "company", "姓名", "名称", "客户", "客户名称", "公司名称" });
        synonyms.put(Field.PHONE, new String[] { "phone", "mobile", "tel", "telephone", "电话", "手机", "手机号", "联系电话" });
        synonyms.put(Field.EMAIL, new String[] { "email", "e-mail", "mail", "邮箱", "电子邮件", "电子邮箱" });
        synonyms.put(Field.MEMBER_CARD, new String[] { "membercard", "card", "cardno", "会员卡", "会员卡号" });
        synonyms.put(Field.TAX_ID, new String[] { "taxid", "taxno", "vat", "税号", "纳税人识别号", "统一社会信用代码" });
        synonyms.put(Field.ID_NUMBER, new String[] { "idnumber", "idno", "身份证", "身份证号" });
        synonyms.put(Field.CITY, new String[] { "city", "城市", "所在城市" });
        synonyms.put(Field.BIRTHDAY, new String[] { "birthday", "birthdate", "dateofbirth", "生日", "出生日期" });
        synonyms.put(Field.SOURCE, new String[] { "source", "来源", "客户来源" });
        synonyms.put(Field.OWNER, new String[] { "owner", "salesrep", "负责人", "客户经理", "销售" });
        synonyms.put(Field.NOTES, new String[] { "notes", "note", "remarks", "comment", "备注" });
        synonyms.put(Field.CONSENT_EMAIL, new String[] { "consentemail", "emailoptin", "同意邮件" });
        synonyms.put(Field.CONSENT_SMS, new String[] { "consentsms", "smsoptin", "同意短信" });
        synonyms.put(Field.CONSENT_PHONE, new String[] { "consentphone", "phoneoptin", "同意电话" });
        synonyms.forEach((field, names) -> {
            for (String n : names) {
                NAMES.put(normal(n), field);
            }
        });
    }

    private CustomerCsv() {
    }

    private static String normal(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    /** The field a header names, or null. */
    static Field propose(String header) {
        return NAMES.get(normal(header));
    }

    /** A parser over the file from its first line (the header); the caller closes it. */
    static CSVParser open(Path file) throws IOException {
        char delimiter = delimiter(file);
        Reader reader = new PushbackReader(new BufferedReader(new InputStreamReader(input(file), StandardCharsets.UTF_8), 1 << 16), 1);
        int first = reader.read();
        if (first != '\uFEFF' && first != -1) {
            ((PushbackReader) reader).unread(first);
        }
        return CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                .setIgnoreEmptyLines(true).get());
    }

    /** The file's bytes; a .gz file is decompressed on the fly. */
    private static InputStream input(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static char delimiter(Path file) throws IOException {
        String header;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(input(file), StandardCharsets.UTF_8))) {
            header = r.readLine();
        }
        if (header == null) {
            return ',';
        }
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }
}
