package org.guanxi.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.guanxi.core.model.SearchKeys;

/**
 * Search keys (pinyin of names, normalised phone digits, lower-case e-mail) are computed in Java, so rows an SQL
 * migration adds a key column to get their keys from here: the phone and e-mail keys in the same transaction as V4,
 * which introduced them (every writer fills them since). The pinyin key is also checked on every open, one indexed
 * probe for '', for rows that older bulk loaders wrote without it.
 */
final class SearchKeyFiller {

    private static final Logger LOG = Logger.getLogger(SearchKeyFiller.class.getName());

    private SearchKeyFiller() {
    }

    /** On every open: the pinyin key of rows written without one. */
    static void fillPinyin(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                fill(c, "CUSTOMER", "NAME", "PINYIN_KEY", "PINYIN_KEY = ''", SearchKeys::pinyinKey);
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The Java part of migration {@code version}, in its transaction on {@code c}. */
    static void afterMigration(Connection c, int version) throws SQLException {
        if (version == 4) {
            fill(c, "CUSTOMER", "PHONE", "PHONE_KEY", "PHONE_KEY IS NULL AND PHONE IS NOT NULL", SearchKeys::phoneKey);
            fill(c, "CUSTOMER", "EMAIL", "EMAIL_KEY", "EMAIL_KEY IS NULL AND EMAIL IS NOT NULL", SearchKeys::emailKey);
            fill(c, "CONTACT", "PHONE", "PHONE_KEY", "PHONE_KEY IS NULL AND PHONE IS NOT NULL", SearchKeys::phoneKey);
        }
        if (version == 29) {
            fill(c, "CUSTOMER", "PHONE_KEY", "PHONE_TAIL", "PHONE_KEY IS NOT NULL", SearchKeys::phoneTail);
        }
    }

    private static void fill(Connection c, String table, String source, String key, String missing,
            UnaryOperator<String> keyOf) throws SQLException {
        int n = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT ID, " + source + " FROM " + table + " WHERE " + missing);
                PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET " + key + " = ? WHERE ID = ?");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                update.setString(1, keyOf.apply(rs.getString(2)));
                update.setLong(2, rs.getLong(1));
                update.addBatch();
                if (++n % 10_000 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
        if (n > 0) {
            int filled = n;
            LOG.info(() -> "Filled " + table + "." + key + " of " + filled + " rows");
        }
    }
}
